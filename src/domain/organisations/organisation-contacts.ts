// Which contacts an organisation may see or message: those who dealt with it. A contact dealt with an
// organisation when one of its people booked or waited for one of its campaigns, gave blood to it, or
// subscribed to alerts for a province where it runs a campaign. Everyone else is another organisation's
// business, or no one's.
import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';
import type { Database } from '../../db/tables.ts';

/** A condition on `contacts` (the outer query's table). */
export function dealtWithOrganisation(eb: ExpressionBuilder<Database, 'contacts'>, organisationId: number): Expression<SqlBool> {
  return eb.or([
    eb.exists(
      eb
        .selectFrom('appointments as a')
        .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
        .innerJoin('campaigns as c', 'c.id', 'a.campaign_id')
        .select('a.id')
        .whereRef('b.contact_id', '=', 'contacts.id')
        .where('c.organisation_id', '=', organisationId),
    ),
    eb.exists(
      eb
        .selectFrom('waitlist_entries as w')
        .innerJoin('beneficiaries as b', 'b.id', 'w.beneficiary_id')
        .innerJoin('campaigns as c', 'c.id', 'w.campaign_id')
        .select('w.id')
        .whereRef('b.contact_id', '=', 'contacts.id')
        .where('c.organisation_id', '=', organisationId),
    ),
    eb.exists(
      eb
        .selectFrom('donations as d')
        .innerJoin('beneficiaries as b', 'b.id', 'd.beneficiary_id')
        .select('d.id')
        .whereRef('b.contact_id', '=', 'contacts.id')
        .where('d.organisation_id', '=', organisationId),
    ),
    eb.exists(
      eb
        .selectFrom('alert_subscriptions as s')
        .innerJoin('campaigns as c', 'c.province_code', 's.province_code')
        .select('s.contact_id')
        .whereRef('s.contact_id', '=', 'contacts.id')
        .where('c.organisation_id', '=', organisationId)
        .where('c.status', 'in', ['published', 'closed']),
    ),
  ]);
}

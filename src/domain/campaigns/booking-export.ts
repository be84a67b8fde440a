// Every booking of a campaign (or of one of its windows) for the spreadsheet a coordinator takes to
// the venue, phones in full. The export itself is audited: it carries many people's numbers at once.
import { sql, type Kysely } from 'kysely';
import type { AppointmentStatus, Database, Sex } from '../../db/tables.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { AGE_ON_THE_DAY, appointmentsWithPeople } from './window-bookings.ts';

export interface ExportedBooking {
  day: string;
  service: string;
  /** 'HH:MM-HH:MM' */
  window: string;
  name: string | null;
  age: number | null;
  sex: Sex | null;
  commune: string | null;
  code: string;
  phone: string | null;
  status: AppointmentStatus;
}

/**
 * undefined when the campaign is not the organisation's, or the window not the campaign's (404).
 *
 * @example const rows = await db.transaction().execute((trx) => exportBookings(trx, actor, orgId, campaignId, { slotId }));
 */
export async function exportBookings(trx: Kysely<Database>, actor: Actor, organisationId: number, campaignId: number, only: { slotId?: number | undefined } = {}): Promise<ExportedBooking[] | undefined> {
  const campaign = await trx.selectFrom('campaigns').select('id').where('id', '=', campaignId).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!campaign) return undefined;
  if (only.slotId !== undefined) {
    const slot = await trx.selectFrom('slots').select('id').where('id', '=', only.slotId).where('campaign_id', '=', campaignId).executeTakeFirst();
    if (!slot) return undefined;
  }
  const rows = await appointmentsWithPeople(trx)
    .select([
      's.day',
      's.service',
      sql<string>`to_char(s.starts_at, 'HH24:MI') || '-' || to_char(s.ends_at, 'HH24:MI')`.as('window'),
      'b.full_name as name',
      AGE_ON_THE_DAY.as('age'),
      'b.sex',
      'b.commune',
      'a.code',
      'k.phone_e164 as phone',
      'a.status',
    ])
    // Through the campaign's slots: appointments are indexed by slot, not by campaign.
    .where('s.campaign_id', '=', campaignId)
    .$if(only.slotId !== undefined, (q) => q.where('a.slot_id', '=', only.slotId ?? 0))
    .orderBy('s.day')
    .orderBy('s.service')
    .orderBy('s.starts_at')
    .orderBy('a.id')
    .execute();
  await recordAudit(trx, { actor, action: 'campaign.bookings_export', entity: 'campaign', entityId: campaignId, details: { rows: rows.length, ...(only.slotId !== undefined ? { slotId: only.slotId } : {}) } });
  return rows;
}

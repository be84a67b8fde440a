// A villager's phone number shown to a coordinator who asks for it (to call them about their visit):
// who asked and when goes to the audit log, in the same transaction as the read.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit/audit-log.ts';

/**
 * undefined when the appointment is not of one of the organisation's campaigns; `phone` is null when
 * the villager wrote from a chat that gave no number.
 *
 * @example await db.transaction().execute((trx) => revealAppointmentPhone(trx, { kind: 'staff', id: 4 }, orgId, 812));
 */
export async function revealAppointmentPhone(trx: Kysely<Database>, actor: Actor, organisationId: number, appointmentId: number): Promise<{ phone: string | null } | undefined> {
  const row = await trx
    .selectFrom('appointments as a')
    .innerJoin('campaigns as c', 'c.id', 'a.campaign_id')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .innerJoin('contacts as k', 'k.id', 'b.contact_id')
    .select(['a.id', 'k.phone_e164'])
    .where('a.id', '=', appointmentId)
    .where('c.organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!row) return undefined;
  await recordAudit(trx, { actor, action: 'appointment.phone_read', entity: 'appointment', entityId: row.id });
  return { phone: row.phone_e164 };
}

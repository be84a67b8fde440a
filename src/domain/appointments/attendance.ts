// At the venue: a booked person came, or did not. Only the organisation's own appointments change,
// by a condition in the update itself (no read-then-write window); the change is audited with it.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit/audit-log.ts';

export type Attendance = 'attended' | 'no_show';

/**
 * undefined when no appointment of the organisation can take that mark (not found, or cancelled).
 *
 * @example await db.transaction().execute((trx) => markAttendance(trx, actor, orgId, 812, 'attended'));
 */
export async function markAttendance(trx: Kysely<Database>, actor: Actor, organisationId: number, appointmentId: number, status: Attendance): Promise<{ id: number; status: Attendance } | undefined> {
  const row = await trx
    .updateTable('appointments')
    .set({ status, updated_at: sql<Date>`now()` })
    .where('id', '=', appointmentId)
    .where('campaign_id', 'in', (eb) => eb.selectFrom('campaigns').select('id').where('organisation_id', '=', organisationId))
    .where('status', 'in', ['booked', 'attended', 'no_show'])
    .returning(['id'])
    .executeTakeFirst();
  if (!row) return undefined;
  await recordAudit(trx, { actor, action: `appointment.${status}`, entity: 'appointment', entityId: row.id });
  return { id: row.id, status };
}

// What the medical staff do with an alert: take it (acknowledge), write what they did (a note), close it
// (resolve). Each is audited with the change, and reaches only the organisation's own alerts.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { Actor } from '../domain/actor.ts';
import { recordAudit } from '../domain/audit/audit-log.ts';

export interface AlertActor {
  actor: Actor;
  staffId: number;
  organisationId: number;
}

async function exists(trx: Kysely<Database>, organisationId: number, alertId: number): Promise<boolean> {
  const found = await trx.selectFrom('staff_alerts as x').innerJoin('campaigns as c', 'c.id', 'x.campaign_id').select('x.id').where('x.id', '=', alertId).where('c.organisation_id', '=', organisationId).executeTakeFirst();
  return found !== undefined;
}

/**
 * The first acknowledgement is kept (a second tap, or a colleague's, changes nothing and is not logged):
 * it stops the staff chat's reminder. false when the organisation has no such alert.
 */
export async function acknowledgeAlert(trx: Kysely<Database>, by: AlertActor, alertId: number, now: Date): Promise<boolean> {
  const taken = await trx
    .updateTable('staff_alerts')
    .set({ acknowledged_at: now, acknowledged_by: by.staffId })
    .where('id', '=', alertId)
    .where('campaign_id', 'in', (eb) => eb.selectFrom('campaigns').select('id').where('organisation_id', '=', by.organisationId))
    .where('acknowledged_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (taken) await recordAudit(trx, { actor: by.actor, action: 'staff_alert.acknowledge', entity: 'staff_alert', entityId: alertId, organisationId: by.organisationId });
  return taken !== undefined || exists(trx, by.organisationId, alertId);
}

/** The note's text stays out of the audit log: it tells of the patient's health, and an erasure deletes it. */
export async function addAlertNote(trx: Kysely<Database>, by: AlertActor, alertId: number, text: string): Promise<{ id: number } | undefined> {
  if (!(await exists(trx, by.organisationId, alertId))) return undefined;
  const note = await trx.insertInto('staff_alert_notes').values({ alert_id: alertId, staff_id: by.staffId, text }).returning('id').executeTakeFirstOrThrow();
  await recordAudit(trx, { actor: by.actor, action: 'staff_alert.note', entity: 'staff_alert', entityId: alertId, details: { noteId: note.id }, organisationId: by.organisationId });
  return note;
}

/** Closes the alert (taking it too, if nobody had); resolving twice keeps the first. false when there is no such alert. */
export async function resolveAlert(trx: Kysely<Database>, by: AlertActor, alertId: number, now: Date): Promise<boolean> {
  const closed = await trx
    .updateTable('staff_alerts')
    .set({
      resolved_at: now,
      resolved_by: by.staffId,
      acknowledged_at: sql<Date>`coalesce(acknowledged_at, ${now})`,
      acknowledged_by: sql<number>`coalesce(acknowledged_by, ${by.staffId})`,
    })
    .where('id', '=', alertId)
    .where('campaign_id', 'in', (eb) => eb.selectFrom('campaigns').select('id').where('organisation_id', '=', by.organisationId))
    .where('resolved_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (closed) await recordAudit(trx, { actor: by.actor, action: 'staff_alert.resolve', entity: 'staff_alert', entityId: alertId, organisationId: by.organisationId });
  return closed !== undefined || exists(trx, by.organisationId, alertId);
}

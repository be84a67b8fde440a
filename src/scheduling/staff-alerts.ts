// Alerts for a campaign's medical staff: a red-flag answer, or a patient who cannot be reached.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';

export async function raiseStaffAlert(db: Kysely<Database>, kind: 'red_flag' | 'unreachable', appointmentId: number, details: Record<string, unknown>): Promise<number> {
  const row = await db
    .insertInto('staff_alerts')
    .columns(['kind', 'appointment_id', 'campaign_id', 'details'])
    .expression((eb) => eb.selectFrom('appointments').select([sql<string>`${kind}::text`.as('kind'), 'id', 'campaign_id', sql<string>`${JSON.stringify(details)}::jsonb`.as('details')]).where('id', '=', appointmentId))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface StaffAlert {
  id: number;
  kind: 'red_flag' | 'unreachable';
  appointmentId: number;
  campaignId: number;
  details: Record<string, unknown>;
  createdAt: Date;
}

/** Open alerts, newest first, optionally for one campaign. */
export async function listStaffAlerts(db: Kysely<Database>, campaignId?: number): Promise<StaffAlert[]> {
  let q = db.selectFrom('staff_alerts').selectAll().where('resolved_at', 'is', null);
  if (campaignId !== undefined) q = q.where('campaign_id', '=', campaignId);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind, appointmentId: r.appointment_id, campaignId: r.campaign_id, details: r.details, createdAt: r.created_at }));
}

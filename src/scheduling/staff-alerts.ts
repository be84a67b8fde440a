// Alerts for a campaign's medical staff: a red-flag answer, or a patient who cannot be reached.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';

/**
 * Stores the alert and, when the campaign names a staff Telegram chat, writes the message for it to the
 * outbox; the Telegram worker's sweep sends it within about a minute and a half, whatever the patient's channel.
 */
export async function raiseStaffAlert(db: Kysely<Database>, kind: 'red_flag' | 'unreachable', appointmentId: number, details: Record<string, unknown>): Promise<number> {
  const row = await db
    .insertInto('staff_alerts')
    .columns(['kind', 'appointment_id', 'campaign_id', 'details'])
    .expression((eb) => eb.selectFrom('appointments').select([sql<string>`${kind}::text`.as('kind'), 'id', 'campaign_id', sql<string>`${JSON.stringify(details)}::jsonb`.as('details')]).where('id', '=', appointmentId))
    .returning('id')
    .executeTakeFirstOrThrow();
  const facts = await db
    .selectFrom('appointments as a')
    .innerJoin('campaigns as c', 'c.id', 'a.campaign_id')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .innerJoin('contacts as k', 'k.id', 'b.contact_id')
    .select(['c.staff_telegram_chat', 'c.title', 'a.code', 'a.service', 'b.full_name', 'k.phone_e164'])
    .where('a.id', '=', appointmentId)
    .executeTakeFirst();
  if (facts?.staff_telegram_chat) {
    const text = staffAlertText({ id: row.id, kind, details, campaign: facts.title.fr, code: facts.code, service: facts.service, patient: facts.full_name, phone: facts.phone_e164 });
    await db.insertInto('outbox').values({ contact_id: null, channel: 'telegram', recipient: facts.staff_telegram_chat, kind: 'staff_alert', payload: JSON.stringify({ text }), staff_alert_id: row.id }).execute();
  }
  return row.id;
}

/** The staff chat's message, in French as the teams work: who, what, how to reach them. Pure. */
export function staffAlertText(a: { id: number; kind: 'red_flag' | 'unreachable'; details: Record<string, unknown>; campaign: string; code: string; service: string; patient: string | null; phone: string | null }): string {
  const head = a.kind === 'red_flag' ? `⚠️ Alerte n° ${a.id} : signe inquiétant après l'intervention` : `📞 Alerte n° ${a.id} : patient injoignable, à appeler`;
  const what = Object.entries(a.details).map(([k, v]) => `${k} : ${String(v)}`).join(', ');
  return [
    head,
    `${a.campaign} · ${a.service} · code ${a.code}`,
    `Patient : ${a.patient ?? 'nom non donné'} · ${a.phone ?? 'téléphone inconnu'}`,
    ...(what ? [what] : []),
  ].join('\n');
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

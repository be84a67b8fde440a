// Alerts for a campaign's medical staff: a red-flag answer, or a patient who cannot be reached.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { inLocale } from '../domain/campaigns/localized-text.ts';

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
  await tellStaffChat(db, row.id);
  return row.id;
}

/**
 * Writes the alert's message for its campaign's staff chat to the outbox, under `heading` when given (a
 * reminder); false when the campaign names no staff chat.
 */
export async function tellStaffChat(db: Kysely<Database>, alertId: number, options: { heading?: string } = {}): Promise<boolean> {
  const facts = await db
    .selectFrom('staff_alerts as s')
    .innerJoin('appointments as a', 'a.id', 's.appointment_id')
    .innerJoin('campaigns as c', 'c.id', 'a.campaign_id')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .innerJoin('contacts as k', 'k.id', 'b.contact_id')
    .select(['s.kind', 's.details', 'c.staff_telegram_chat', 'c.organisation_id', 'a.campaign_id', 'c.title', 'a.code', 'a.service', 'b.full_name', 'k.phone_e164'])
    .where('s.id', '=', alertId)
    .executeTakeFirst();
  if (!facts?.staff_telegram_chat) return false;
  const body = staffAlertText({ id: alertId, kind: facts.kind, details: facts.details, campaign: inLocale(facts.title, 'fr'), code: facts.code, service: facts.service, patient: facts.full_name, phone: facts.phone_e164 });
  const text = options.heading ? `${options.heading}\n${body}` : body;
  await db.insertInto('outbox').values({ contact_id: null, organisation_id: facts.organisation_id, campaign_id: facts.campaign_id, channel: 'telegram', recipient: facts.staff_telegram_chat, kind: 'staff_alert', payload: JSON.stringify({ text }), staff_alert_id: alertId }).execute();
  return true;
}

/** The details in the order a reader takes them (the stored jsonb sorts its keys by length). */
const DETAIL_ORDER = ['question', 'answer', 'checkin', 'reason'];
const rank = (key: string) => (DETAIL_ORDER.includes(key) ? DETAIL_ORDER.indexOf(key) : DETAIL_ORDER.length);

/** The staff chat's message, in French as the teams work: who, what, how to reach them. Pure. */
export function staffAlertText(a: { id: number; kind: 'red_flag' | 'unreachable'; details: Record<string, unknown>; campaign: string; code: string; service: string; patient: string | null; phone: string | null }): string {
  const head = a.kind === 'red_flag' ? `⚠️ Alerte n° ${a.id} : signe inquiétant après l'intervention` : `📞 Alerte n° ${a.id} : patient injoignable, à appeler`;
  const what = Object.entries(a.details)
    .sort(([x], [y]) => rank(x) - rank(y))
    .map(([k, v]) => `${k} : ${String(v)}`)
    .join(', ');
  return [
    head,
    `${a.campaign} · ${a.service} · code ${a.code}`,
    `Patient : ${a.patient ?? 'nom non donné'} · ${a.phone ?? 'téléphone inconnu'}`,
    ...(what ? [what] : []),
  ].join('\n');
}

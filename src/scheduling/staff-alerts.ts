// Alerts for a campaign's medical staff: a red-flag answer, or a patient who cannot be reached.
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/tables.ts';
import { inLocale } from '../domain/campaigns/localized-text.ts';
import { decodeCursor, pageOf, type Page, type PageQuery } from '../domain/pagination.ts';

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
    .select(['c.staff_telegram_chat', 'c.organisation_id', 'a.campaign_id', 'c.title', 'a.code', 'a.service', 'b.full_name', 'k.phone_e164'])
    .where('a.id', '=', appointmentId)
    .executeTakeFirst();
  if (facts?.staff_telegram_chat) {
    const text = staffAlertText({ id: row.id, kind, details, campaign: inLocale(facts.title, 'fr'), code: facts.code, service: facts.service, patient: facts.full_name, phone: facts.phone_e164 });
    await db.insertInto('outbox').values({ contact_id: null, organisation_id: facts.organisation_id, campaign_id: facts.campaign_id, channel: 'telegram', recipient: facts.staff_telegram_chat, kind: 'staff_alert', payload: JSON.stringify({ text }), staff_alert_id: row.id }).execute();
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

const AlertCursor = z.number().int();

/** Open alerts of the organisation's campaigns, newest first, optionally for one campaign. */
export async function listStaffAlerts(db: Kysely<Database>, organisationId: number, query: PageQuery & { campaignId?: number }): Promise<Page<StaffAlert>> {
  const after = decodeCursor(query.cursor, AlertCursor);
  const rows = await db
    .selectFrom('staff_alerts as a')
    .innerJoin('campaigns as c', 'c.id', 'a.campaign_id')
    .selectAll('a')
    .where('c.organisation_id', '=', organisationId)
    .where('a.resolved_at', 'is', null)
    .$if(query.campaignId !== undefined, (q) => q.where('a.campaign_id', '=', query.campaignId ?? 0))
    .$if(after !== undefined, (q) => q.where('a.id', '<', after ?? 0))
    .orderBy('a.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const alerts = rows.map((r) => ({ id: r.id, kind: r.kind, appointmentId: r.appointment_id, campaignId: r.campaign_id, details: r.details, createdAt: r.created_at }));
  return pageOf(alerts, query.limit, (a) => a.id);
}

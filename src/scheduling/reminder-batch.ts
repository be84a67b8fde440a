// Firing many due reminders at once: one read of them all, their texts written here, and one statement
// that queues the messages, marks the reminders sent and sets each person's conversation. A reminder fired
// alone goes the same way, as a batch of one: when a hundred thousand fall due in one minute, three
// statements per reminder were the limit.
import { sql, type Kysely } from 'kysely';
import { chatLastUsed } from './chat-last-used.ts';
import type { Database, LocalizedText, Locale } from '../db/tables.ts';
import { returningState } from '../conversation/state.ts';
import type { Reply } from '../conversation/reply.ts';
import type { FireDeps, Fired, FireTarget } from './fire-notification.ts';
import { reminderReply, type ReminderFacts } from './reminder-message.ts';

/** What the batch reads of one reminder under its lock: the notification, its person, their chat and the visit. */
export interface ReminderRow {
  id: number;
  status: string;
  contact_id: number;
  appointment_id: number | null;
  locale: Locale | null;
  consent_at: Date | null;
  opted_out_at: Date | null;
  channel: string | null;
  external_id: string | null;
  appointment_status: string | null;
  organisation_id: number | null;
  campaign_id: number | null;
  code: string | null;
  service: string | null;
  day: string | null;
  starts_at: string | null;
  ends_at: string | null;
  full_name: string | null;
  relation: string | null;
  venue_name: string | null;
  venue_names: LocalizedText | null;
  venue_lat: number | null;
  venue_lon: number | null;
  commune: string | null;
  commune_names: LocalizedText | null;
  requires_fasting: boolean | null;
}

export type ReminderDecision =
  | { kind: 'skip'; reason: string }
  | { kind: 'cancel'; reason: string }
  | { kind: 'send'; target: FireTarget; facts: ReminderFacts; organisationId: number | null; campaignId: number | null; appointmentId: number };

/** Whether a due reminder is sent, and what it says; or why not. Pure: the same checks, in the same order, as firing one alone. */
export function decideReminder(r: ReminderRow): ReminderDecision {
  if (r.status !== 'pending' && r.status !== 'queued') return { kind: 'skip', reason: `already ${r.status}` };
  if (r.consent_at === null) return { kind: 'cancel', reason: 'no consent' };
  if (r.opted_out_at !== null) return { kind: 'cancel', reason: 'opted out' };
  if (r.channel === null || r.external_id === null) return { kind: 'cancel', reason: 'no channel to reach the contact' };
  if (r.appointment_id === null) return { kind: 'cancel', reason: 'no appointment' };
  if (r.appointment_status !== 'booked' || r.code === null || r.service === null || r.day === null || r.starts_at === null || r.ends_at === null || r.venue_name === null || r.venue_lat === null || r.venue_lon === null || r.commune === null) {
    return { kind: 'cancel', reason: 'appointment no longer booked' };
  }
  return {
    kind: 'send',
    target: { contactId: r.contact_id, channel: r.channel, recipient: r.external_id, locale: r.locale ?? 'fr' },
    facts: {
      who: r.full_name ?? '',
      service: r.service,
      day: r.day,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      venue: { name: r.venue_name, lat: r.venue_lat, lon: r.venue_lon },
      commune: r.commune,
      names: { ...(r.venue_names ? { venue: r.venue_names } : {}), ...(r.commune_names ? { commune: r.commune_names } : {}) },
      code: r.code,
      fasting: r.requires_fasting ?? false,
      relation: r.relation ?? '',
    },
    organisationId: r.organisation_id,
    campaignId: r.campaign_id,
    appointmentId: r.appointment_id,
  };
}

/** Reads the reminders (already locked by the caller) with all that deciding and writing them needs, in one round trip. */
async function readReminders(trx: Kysely<Database>, ids: number[]): Promise<ReminderRow[]> {
  const rows = await trx
    .selectFrom('notifications as n')
    .leftJoin('contacts as k', 'k.id', 'n.contact_id')
    .leftJoinLateral(chatLastUsed, (join) => join.onTrue())
    .leftJoin('appointments as a', 'a.id', 'n.appointment_id')
    .leftJoin('slots as s', 's.id', 'a.slot_id')
    .leftJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .leftJoin('campaigns as c', 'c.id', 'a.campaign_id')
    .leftJoin('campaign_services as cs', (j) => j.onRef('cs.campaign_id', '=', 'a.campaign_id').onRef('cs.service', '=', 'a.service'))
    .select([
      'n.id', 'n.status', 'n.contact_id', 'n.appointment_id', 'k.locale', 'k.consent_at', 'k.opted_out_at', 'i.channel', 'i.external_id',
      'a.status as appointment_status', 'c.organisation_id', 'a.campaign_id', 'a.code', 'a.service', 's.day', 's.starts_at', 's.ends_at',
      'b.full_name', 'b.relation', 'c.venue_name', 'c.venue_names', 'c.venue_lat', 'c.venue_lon', 'c.commune', 'c.commune_names', 'cs.requires_fasting',
    ])
    .where('n.id', 'in', ids)
    .execute();
  return rows;
}

interface Outgoing {
  id: number;
  target: FireTarget;
  reply: Reply;
  /** What the conversation keeps so the person's next "1" or "2" answers this reminder. */
  conversation: { reminder: { appointmentId: number; sentAt: string } };
  organisationId: number | null;
  campaignId: number | null;
}

/**
 * Fires the given reminders, which the caller has locked in `trx`, in the order given.
 * @example await fireRemindersTogether(trx, deps, [12, 13, 14], now) // [{ id: 12, result: { kind: 'sent', ... } }, ...]
 */
export async function fireRemindersTogether(trx: Kysely<Database>, deps: FireDeps, ids: number[], now: Date): Promise<Fired[]> {
  if (ids.length === 0) return [];
  const rows = new Map((await readReminders(trx, ids)).map((r) => [r.id, r]));
  const fired: Fired[] = [];
  const cancelled: Array<{ id: number; reason: string }> = [];
  const outgoing: Outgoing[] = [];
  for (const id of ids) {
    const row = rows.get(id);
    const decision: ReminderDecision = row ? decideReminder(row) : { kind: 'skip', reason: 'no such notification' };
    if (decision.kind === 'skip') fired.push({ id, result: { kind: 'skipped', reason: decision.reason } });
    else if (decision.kind === 'cancel') {
      cancelled.push({ id, reason: decision.reason });
      fired.push({ id, result: { kind: 'skipped', reason: decision.reason } });
    } else {
      const reply = reminderReply(deps.t, decision.target.locale, decision.facts);
      // The next "1" or "2" from this person answers the reminder.
      const conversation = { reminder: { appointmentId: decision.appointmentId, sentAt: now.toISOString() } };
      outgoing.push({ id, target: decision.target, reply, conversation, organisationId: decision.organisationId, campaignId: decision.campaignId });
    }
  }
  if (cancelled.length > 0) {
    await sql`
      update notifications n set status = 'cancelled', reason = u.reason, updated_at = now()
      from unnest(${cancelled.map((c) => c.id)}::int[], ${cancelled.map((c) => c.reason)}::text[]) as u(id, reason)
      where n.id = u.id`.execute(trx);
  }
  const outboxIds = await queueReminders(trx, outgoing);
  for (const o of outgoing) {
    const outboxId = outboxIds.get(o.id);
    if (outboxId === undefined) throw new Error(`reminder ${o.id} was not queued`);
    fired.push({ id: o.id, result: { kind: 'sent', outboxId, channel: o.target.channel } });
  }
  // In the order given, the one whose timer rang first.
  const position = new Map(ids.map((id, i) => [id, i]));
  return fired.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
}

/**
 * The messages to the outbox, the reminders marked sent and the conversations set, in one statement.
 * The outbox ids are drawn first so each reminder knows its message. Of two reminders to one person in
 * the batch, the later one is what their next "1" answers, as when they fire one after the other.
 */
async function queueReminders(trx: Kysely<Database>, outgoing: Outgoing[]): Promise<Map<number, number>> {
  if (outgoing.length === 0) return new Map();
  const col = <T>(pick: (o: Outgoing) => T) => outgoing.map(pick);
  const result = await sql<{ notification_id: number; outbox_id: string }>`
    with input as (
      select u.*, nextval(pg_get_serial_sequence('outbox', 'id')) as outbox_id
      from unnest(
        ${col((o) => o.id)}::int[], ${col((o) => o.target.contactId)}::int[], ${col((o) => o.organisationId)}::int[], ${col((o) => o.campaignId)}::int[],
        ${col((o) => o.target.channel)}::text[], ${col((o) => o.target.recipient)}::text[], ${col((o) => JSON.stringify(o.reply))}::jsonb[],
        ${col((o) => JSON.stringify({ ...returningState(o.target.locale), ...o.conversation }))}::jsonb[]
      ) with ordinality as u(notification_id, contact_id, organisation_id, campaign_id, channel, recipient, payload, state, position)
    ), ob as (
      insert into outbox (id, contact_id, organisation_id, campaign_id, channel, recipient, kind, payload)
      overriding system value
      select outbox_id, contact_id, organisation_id, campaign_id, channel, recipient, 'notification', payload from input order by position
    ), fired as (
      update notifications n set status = 'sent', outbox_id = input.outbox_id, attempts = attempts + 1, updated_at = now()
      from input where n.id = input.notification_id
    ), talk as (
      insert into conversations (contact_id, state)
      select distinct on (contact_id) contact_id, state from input order by contact_id, position desc
      -- A conversation let go after long silence (the retention job) starts again here, so the answer is understood.
      on conflict (contact_id) do update set state = (conversations.state - 'reminder' - 'recall') || jsonb_build_object('reminder', excluded.state -> 'reminder')
    )
    select notification_id, outbox_id from input`.execute(trx);
  return new Map(result.rows.map((r) => [Number(r.notification_id), Number(r.outbox_id)]));
}

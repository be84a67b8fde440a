// Erasing a person's data (law 09-08: health data is sensitive), asked by the villager in the chat or by
// staff for a villager who phoned: nothing that names or reaches them stays, only anonymous counts.
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import { actorLabel, type WriteContext } from '../actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { BookingDeps } from '../appointments/booking.ts';
import { cancelAppointment, type CancellationResult } from '../appointments/cancellation.ts';
import { appointmentsOf, forgetMessages } from './erasure-messages.ts';
import { JOIN_IDENTITY_ACTION } from './phone-link.ts';
import { forgetVoiceNotes } from '../handoff/voice-notes.ts';

export interface ErasureResult {
  beneficiaries: number;
  cancelledAppointments: number;
  /** Other people's appointments, given the places this erasure freed: their reminders are the caller's to write. */
  promotedAppointmentIds: number[];
}

/**
 * Forgets a contact: their chats (identities and conversation: whoever writes from that phone again is a
 * stranger), phone, language, province and consent; the name, sex, birth year, commune and blood group of
 * every person they registered; check-in answers, alert details, ticket messages, subscriptions; the
 * address, text and provider ids of every message to them or about them. Upcoming appointments are
 * cancelled (freeing the places); every appointment row stays as campaign, service, day and status, with
 * a code nobody holds, so a campaign's counts do not change. A Telegram chat joined to this contact
 * left an earlier contact of the same person with no chat: it is forgotten too.
 *
 * The caller's actor is audited; the audit holds counts only.
 *
 * @example
 * // Staff erase a villager who phoned the association:
 * const ctx = { actor: { kind: 'staff', id: staffId }, channel: 'staff', today };
 * await db.transaction().execute((trx) => eraseContact(trx, ctx, contactId, { newCode }));
 */
export async function eraseContact(trx: Kysely<Database>, ctx: WriteContext, contactId: number, deps: BookingDeps): Promise<ErasureResult> {
  const contactIds = [contactId, ...(await joinedContacts(trx, contactId))];
  // The conversation first: its row lock makes a message of theirs being handled finish before, and one
  // arriving after find no chat, so it starts a new contact.
  await trx.deleteFrom('conversations').where('contact_id', 'in', contactIds).execute();
  await trx.deleteFrom('contact_identities').where('contact_id', 'in', contactIds).execute();
  await trx
    .updateTable('contacts')
    .set({ phone_e164: null, locale: null, province_code: null, consent_at: null, donor_recall_at: null, updated_at: sql<Date>`now()` })
    .where('id', 'in', contactIds)
    .execute();
  await trx.deleteFrom('alert_subscriptions').where('contact_id', 'in', contactIds).execute();
  // Nothing more is said to them unasked: reminders and check-ins waiting to go are dropped.
  await trx.updateTable('notifications').set({ status: 'cancelled', reason: 'data erased', updated_at: sql<Date>`now()` }).where('contact_id', 'in', contactIds).where('status', 'in', ['pending', 'queued']).execute();
  await forgetTickets(trx, ctx, contactIds);
  await forgetMessages(trx, contactIds);
  await forgetHealth(trx, contactIds);
  const erased = await trx
    .updateTable('beneficiaries')
    .set({ full_name: null, sex: null, birth_year: null, commune: null, blood_group: null, erased_at: sql<Date>`now()` })
    .where('contact_id', 'in', contactIds)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  // Last: cancelling takes the slots' row locks, which bookings wait for until this transaction commits.
  const cancelled = await cancelUpcoming(trx, ctx, contactIds, deps);
  const counts = { beneficiaries: Number(erased.numUpdatedRows), cancelledAppointments: cancelled.length };
  await recordAudit(trx, { actor: ctx.actor, action: 'contact.erase', entity: 'contact', entityId: contactId, details: counts });
  return { ...counts, promotedAppointmentIds: cancelled.flatMap((c) => (c.promoted ? [c.promoted.appointment.id] : [])) };
}

/**
 * Contacts left with no chat after theirs was joined to this one, when the person shared their phone
 * there (and those joined to them before): the same person's earlier traces. The audit entry of each
 * join is the only record of it. One that still has a chat is a live contact, and is left alone.
 */
async function joinedContacts(trx: Kysely<Database>, contactId: number): Promise<number[]> {
  const found = new Set([contactId]);
  for (let frontier = [contactId]; frontier.length > 0; ) {
    const joins = await trx
      .selectFrom('audit_log')
      .select(sql<string>`details ->> 'from'`.as('from'))
      .where('entity', '=', 'contact')
      .where('entity_id', 'in', frontier.map(String))
      .where('action', '=', JOIN_IDENTITY_ACTION)
      .execute();
    const from = joins.map((j) => Number(j.from)).filter((id) => Number.isInteger(id) && !found.has(id));
    const orphans = from.length === 0 ? [] : await trx
      .selectFrom('contacts as k')
      .select('k.id')
      .where('k.id', 'in', from)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('contact_identities as i').select('i.contact_id').whereRef('i.contact_id', '=', 'k.id'))))
      .execute();
    frontier = orphans.map((k) => k.id);
    for (const id of frontier) found.add(id);
  }
  found.delete(contactId);
  return [...found];
}

/** Open tickets are closed (nobody is left to answer); what the person wrote or said on any of them goes. */
async function forgetTickets(trx: Kysely<Database>, ctx: WriteContext, contactIds: readonly number[]): Promise<void> {
  await forgetVoiceNotes(trx, contactIds);
  await trx
    .updateTable('handoff_tickets')
    .set({ status: 'closed', closed_at: sql<Date>`now()`, closed_by: actorLabel(ctx.actor) })
    .where('contact_id', 'in', contactIds)
    .where('status', '=', 'open')
    .execute();
  await trx
    .deleteFrom('handoff_messages')
    .where('ticket_id', 'in', (eb) => eb.selectFrom('handoff_tickets').select('id').where('contact_id', 'in', contactIds))
    .execute();
}

/**
 * Check-in answers, alert details and blood groups go; the rows stay for the counts. The confirmation
 * code is replaced: the villager's chat and the staff chat still show it, and it would lead back here.
 */
async function forgetHealth(trx: Kysely<Database>, contactIds: readonly number[]): Promise<void> {
  await trx.updateTable('checkins').set({ answers: '{}', red_flags: [] }).where('appointment_id', 'in', (eb) => appointmentsOf(eb, contactIds)).execute();
  // Nobody can be called about an erased patient any more: their open alerts are closed.
  await trx
    .updateTable('staff_alerts')
    .set({ details: '{}', resolved_at: sql<Date>`coalesce(resolved_at, now())` })
    .where('appointment_id', 'in', (eb) => appointmentsOf(eb, contactIds))
    .execute();
  // The medical staff's notes tell of the patient's health too.
  await trx.deleteFrom('staff_alert_notes').where('alert_id', 'in', (eb) => eb.selectFrom('staff_alerts').select('id').where('appointment_id', 'in', appointmentsOf(eb, contactIds))).execute();
  await trx.updateTable('appointments').set({ code: sql<string>`'erased-' || id` }).where('id', 'in', (eb) => appointmentsOf(eb, contactIds)).execute();
  // A desk that sends the same scan again learns nothing of them: the code is unknown, the walk-in erased.
  await trx
    .updateTable('desk_checkins')
    .set({ outcome: sql<string>`case kind when 'walk_in' then 'erased' else 'unknown' end`, answer: sql<string>`case kind when 'walk_in' then '{"kind":"erased"}'::jsonb else '{"kind":"unknown"}'::jsonb end` })
    .where('appointment_id', 'in', (eb) => appointmentsOf(eb, contactIds))
    .execute();
  const donations = (eb: ExpressionBuilder<Database, keyof Database>) =>
    eb.selectFrom('donations as d').innerJoin('beneficiaries as b', 'b.id', 'd.beneficiary_id').where('b.contact_id', 'in', contactIds);
  // The blood centre keeps its own records; Qafila keeps the days (for counts), not the blood group.
  await trx.updateTable('donations').set({ blood_group: null }).where('id', 'in', (eb) => donations(eb).select('d.id')).execute();
  await trx
    .updateTable('audit_log')
    .set({ details: sql<string>`details - 'bloodGroup'` })
    .where('entity', '=', 'donation')
    .where('entity_id', 'in', (eb) => donations(eb).select(sql<string>`d.id::text`.as('id')))
    .where('action', '=', 'donation.record')
    .execute();
}

/** Cancels the upcoming appointments; each frees its place for the waiting list. */
async function cancelUpcoming(trx: Kysely<Database>, ctx: WriteContext, contactIds: readonly number[], deps: BookingDeps): Promise<CancellationResult[]> {
  const upcoming = await trx
    .selectFrom('appointments as a')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .innerJoin('slots as s', 's.id', 'a.slot_id')
    .select('a.id')
    .where('b.contact_id', 'in', contactIds)
    .where('a.status', '=', 'booked')
    .where('s.day', '>=', ctx.today)
    .orderBy('a.slot_id')
    .execute();
  // Their own places on the waiting list go first, so a place they free goes to someone else.
  await trx
    .updateTable('waitlist_entries')
    .set({ status: 'cancelled', updated_at: sql<Date>`now()` })
    .where('status', '=', 'waiting')
    .where('beneficiary_id', 'in', (eb) => eb.selectFrom('beneficiaries').select('id').where('contact_id', 'in', contactIds))
    .execute();
  const cancelled: CancellationResult[] = [];
  for (const a of upcoming) cancelled.push(await cancelAppointment(trx, ctx, a.id, deps));
  return cancelled;
}

// A notification's time has come: check it still makes sense, say it in the contact's current language,
// and hand it to the outbox — once, under a row lock, however many times the timer fires.
import { sql, type Kysely } from 'kysely';
import { chatLastUsed } from './chat-last-used.ts';
import type { Database, Locale } from '../db/tables.ts';
import type { Translate } from '../i18n/translator.ts';
import { outOfQuietHours, type QuietHours } from './quiet-hours.ts';
import { fireCheckin } from './checkin-fire.ts';
import { fireNoShow } from './no-show-fire.ts';
import { fireWalkInGreeting } from './walk-in-fire.ts';
import { fireRecall } from './recall-fire.ts';
import { fireRemindersTogether } from './reminder-batch.ts';
import { raiseStaffAlert } from './staff-alerts.ts';

export interface FireDeps {
  db: Kysely<Database>;
  t: Translate;
  zone: string;
  quiet: QuietHours;
}

/** Where and in which language the contact is reached. */
export interface FireTarget {
  contactId: number;
  channel: string;
  recipient: string;
  locale: Locale;
}

export type Cancel = (reason: string) => Promise<FireResult>;

export type FireResult =
  | { kind: 'sent'; outboxId: number; channel: string }
  | { kind: 'deferred'; until: Date }
  | { kind: 'skipped'; reason: string };

/** A fired notification's outcome, with whose it is. */
export interface Fired {
  id: number;
  result: FireResult;
}

export async function fireNotification(deps: FireDeps, id: number, now: Date): Promise<FireResult> {
  // A timer that fires late at night (a worker was down) waits for the morning.
  const allowed = outOfQuietHours(now, deps.zone, deps.quiet);
  if (allowed.getTime() !== now.getTime()) return { kind: 'deferred', until: allowed };
  return deps.db.transaction().execute((trx) => fireLocked(trx, deps, id, now));
}

/**
 * Fires the notifications whose timers rang about together (a round) and, in the same transaction, other
 * reminders already due that no other worker holds, up to `batch` in all: when a hundred thousand fall due
 * in one minute, one commit carries many, and their own timers then find them sent. Only reminders ride
 * along: a recall or a check-in may put itself off, which only its own timer can do. Should the round
 * fail, each rung notification is fired alone and the others keep their timers; a notification another
 * round holds is fired alone too, which waits for that round's outcome (it may roll back) rather than
 * taking it for done.
 * @example await fireDueTogether(deps, [41, 42], now, 200) // [{ id: 41, result: { kind: 'sent', ... } }, { id: 42, ... }, neighbours...]
 */
export async function fireDueTogether(deps: FireDeps, rung: number[], now: Date, batch: number, onBatchError?: (err: unknown) => void): Promise<Fired[]> {
  const allowed = outOfQuietHours(now, deps.zone, deps.quiet);
  if (allowed.getTime() !== now.getTime()) return rung.map((id) => ({ id, result: { kind: 'deferred', until: allowed } }));
  if (batch <= 1) return Promise.all(rung.map(async (id) => ({ id, result: await fireNotification(deps, id, now) })));
  let fired: Fired[] = [];
  try {
    fired = await deps.db.transaction().execute(async (trx) => {
      // The rung ones first, then their neighbours by due time (the index of waiting notifications);
      // rows another worker holds are skipped, never waited for.
      const held = await trx.selectFrom('notifications').select(['id', 'kind', 'status']).where('id', 'in', rung).forUpdate().skipLocked().execute();
      const neighbours = await trx
        .selectFrom('notifications')
        .select('id')
        .where('status', 'in', ['pending', 'queued'])
        .where('due_at', '<=', now)
        .where('kind', '=', 'reminder')
        .where('id', 'not in', rung)
        .orderBy('due_at')
        .orderBy('id')
        .limit(Math.max(batch - rung.length, 0))
        .forUpdate()
        .skipLocked()
        .execute();
      const result: Fired[] = [];
      const reminders: number[] = [];
      for (const n of held) {
        if (n.status !== 'pending' && n.status !== 'queued') result.push({ id: n.id, result: { kind: 'skipped', reason: `already ${n.status}` } });
        else if (n.kind === 'reminder') reminders.push(n.id);
        // A check-in or a recall that rang fires by itself.
        else result.push({ id: n.id, result: await fireLocked(trx, deps, n.id, now) });
      }
      // The reminders go together, in a few statements.
      result.push(...(await fireRemindersTogether(trx, deps, [...reminders, ...neighbours.map((r) => r.id)], now)));
      return result;
    });
  } catch (err) {
    onBatchError?.(err);
  }
  // What the round could not take (held by another round, or the round failed) is fired alone.
  const done = new Set(fired.map((f) => f.id));
  const alone = await Promise.all(rung.filter((id) => !done.has(id)).map(async (id) => ({ id, result: await fireNotification(deps, id, now) })));
  return [...fired, ...alone];
}

async function fireLocked(trx: Kysely<Database>, deps: FireDeps, id: number, now: Date): Promise<FireResult> {
  // The notification under its lock, its contact, and the chat the person used last (that is where
  // they will look), in one round trip.
  const n = await trx
    .selectFrom('notifications as n')
    .leftJoin('contacts as k', 'k.id', 'n.contact_id')
    .leftJoinLateral(chatLastUsed, (join) => join.onTrue())
    .select(['n.kind', 'n.status', 'n.contact_id', 'n.appointment_id', 'n.donation_id', 'n.label', 'k.locale', 'k.consent_at', 'k.opted_out_at', 'i.channel', 'i.external_id'])
    .where('n.id', '=', id)
    .forUpdate('n')
    .executeTakeFirst();
  if (!n) return { kind: 'skipped', reason: 'no such notification' };
  if (n.status !== 'pending' && n.status !== 'queued') return { kind: 'skipped', reason: `already ${n.status}` };
  const cancel = async (reason: string): Promise<FireResult> => {
    await trx.updateTable('notifications').set({ status: 'cancelled', reason, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
    return { kind: 'skipped', reason };
  };
  if (n.consent_at === null) return cancel('no consent');
  if (n.opted_out_at !== null) {
    // After STOP nothing unasked is sent; a patient's follow-up then falls to a phone call.
    if (n.kind === 'checkin' && n.appointment_id !== null && !n.label.endsWith('_unreachable')) await raiseStaffAlert(trx, 'unreachable', n.appointment_id, { reason: 'opted out', checkin: n.label });
    return cancel('opted out');
  }
  if (n.channel === null || n.external_id === null) {
    // Every chat of the person is gone or blocked: a patient's follow-up falls to a phone call.
    if (n.kind === 'checkin' && n.appointment_id !== null && !n.label.endsWith('_unreachable')) await raiseStaffAlert(trx, 'unreachable', n.appointment_id, { reason: 'no chat to reach them', checkin: n.label });
    return cancel('no channel to reach the contact');
  }
  const target = { contactId: n.contact_id, channel: n.channel, recipient: n.external_id, locale: n.locale ?? 'fr' };
  if (n.kind === 'recall' && n.donation_id !== null) return fireRecall(trx, deps, { id, donationId: n.donation_id }, target, now, cancel);
  if (n.appointment_id === null) return cancel('no appointment');
  if (n.kind === 'reminder') {
    // A reminder fires as one of a batch would: one place says what a reminder checks and writes.
    const [fired] = await fireRemindersTogether(trx, deps, [id], now);
    return fired?.result ?? { kind: 'skipped', reason: 'not fired' };
  }
  if (n.kind === 'checkin') return fireCheckin(trx, deps, { id, appointmentId: n.appointment_id, label: n.label, contactId: n.contact_id }, target, now, cancel);
  if (n.kind === 'no_show') return fireNoShow(trx, deps, { id, appointmentId: n.appointment_id }, target, cancel);
  if (n.kind === 'walk_in') return fireWalkInGreeting(trx, deps, { id, appointmentId: n.appointment_id }, target, cancel);
  return cancel(`${n.kind} is not sent by this worker yet`);
}

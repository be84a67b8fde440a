// Firing a no-show's offer: one kind message that the person was missed and how to take another day.
// Nothing is asked back: the villager answers through the menu like anyone booking.
import type { Kysely } from 'kysely';
import type { Reply } from '../conversation/reply.ts';
import type { Database } from '../db/tables.ts';
import { formatDay } from '../i18n/dates.ts';
import type { Cancel, FireDeps, FireResult, FireTarget } from './fire-notification.ts';
import { queueNotification } from './notification-outbox.ts';

export async function fireNoShow(trx: Kysely<Database>, deps: FireDeps, n: { id: number; appointmentId: number }, target: FireTarget, cancel: Cancel): Promise<FireResult> {
  const a = await trx
    .selectFrom('appointments as a')
    .innerJoin('slots as s', 's.id', 'a.slot_id')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .select(['a.status', 'a.service', 's.day', 'b.full_name', 'b.erased_at'])
    .where('a.id', '=', n.appointmentId)
    .executeTakeFirst();
  // Marked present after all (a late check-in), or erased since: nothing to offer.
  if (!a || a.status !== 'no_show') return cancel('no longer a no-show');
  if (a.erased_at !== null) return cancel('erased');
  const locale = target.locale;
  const who = a.full_name ?? '';
  const day = formatDay(a.day, locale);
  const service = deps.t(locale, `services:${a.service}`);
  const text = deps.t(locale, 'reminders:noShow', { who, day, service });
  // The whole text in the one parameter of the language's template, as a broadcast's.
  const reply: Reply = { text, template: { params: [text] } };
  return queueNotification(trx, n.id, target, reply, {});
}

// Firing a walk-in's greeting: their code, their service and window today, and how to reach the menu.
import type { Kysely } from 'kysely';
import type { Reply } from '../conversation/reply.ts';
import type { Database } from '../db/tables.ts';
import { formatConfirmationCode } from '../domain/appointments/confirmation-code.ts';
import { formatWindow } from '../i18n/dates.ts';
import type { Cancel, FireDeps, FireResult, FireTarget } from './fire-notification.ts';
import { queueNotification } from './notification-outbox.ts';

export async function fireWalkInGreeting(trx: Kysely<Database>, deps: FireDeps, n: { id: number; appointmentId: number }, target: FireTarget, cancel: Cancel): Promise<FireResult> {
  const a = await trx
    .selectFrom('appointments as a')
    .innerJoin('slots as s', 's.id', 'a.slot_id')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .select(['a.status', 'a.code', 'a.service', 's.starts_at', 's.ends_at', 'b.full_name', 'b.erased_at'])
    .where('a.id', '=', n.appointmentId)
    .executeTakeFirst();
  if (!a || a.status === 'cancelled') return cancel('no longer registered');
  if (a.erased_at !== null) return cancel('erased');
  const locale = target.locale;
  const text = deps.t(locale, 'reminders:walkIn', {
    who: a.full_name ?? '',
    code: formatConfirmationCode(a.code),
    service: deps.t(locale, `services:${a.service}`),
    window: formatWindow(a.starts_at, a.ends_at, locale),
  });
  // The whole text in the one parameter of the language's template, as a broadcast's.
  const reply: Reply = { text, template: { params: [text] } };
  return queueNotification(trx, n.id, target, reply, {});
}

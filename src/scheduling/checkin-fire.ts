// Firing a check-in: the first asks the questions and plans a retry; the retry asks again if nobody
// answered and plans a last look; the last look alerts the medical staff to call.
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { checkinText } from '../conversation/patient-text.ts';
import { CHECKIN_FOLLOW_UP_MS } from './checkins.ts';
import type { Cancel, FireDeps, FireResult, FireTarget } from './fire-notification.ts';
import { markFired, queueNotification } from './notification-outbox.ts';
import { raiseStaffAlert } from './staff-alerts.ts';

const PAIN = ['pain_0', 'pain_1', 'pain_2', 'pain_3'];

export async function fireCheckin(
  trx: Kysely<Database>,
  deps: FireDeps,
  n: { id: number; appointmentId: number; label: string; contactId: number },
  target: FireTarget,
  now: Date,
  cancel: Cancel,
): Promise<FireResult> {
  const a = await trx
    .selectFrom('appointments as a')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .select(['a.procedure_done_at', 'b.full_name', 'b.relation'])
    .where('a.id', '=', n.appointmentId)
    .executeTakeFirst();
  if (!a || a.procedure_done_at === null) return cancel('no procedure done');
  const base = n.label.replace(/_(retry|unreachable)$/, '');
  const stage = n.label.endsWith('_retry') ? 'retry' : n.label.endsWith('_unreachable') ? 'unreachable' : 'first';
  const first = stage === 'first' ? { id: n.id } : await trx.selectFrom('notifications').select('id').where('appointment_id', '=', n.appointmentId).where('label', '=', base).executeTakeFirst();
  if (!first) return cancel('no first check-in');
  const answered = await trx.selectFrom('checkins').select('completed_at').where('notification_id', '=', first.id).executeTakeFirst();
  if (stage !== 'first' && answered?.completed_at) return cancel('answered');
  const followUp = async (label: string) =>
    trx.insertInto('notifications').values({ kind: 'checkin', contact_id: n.contactId, appointment_id: n.appointmentId, label, due_at: new Date(now.getTime() + CHECKIN_FOLLOW_UP_MS) }).onConflict((oc) => oc.doNothing()).execute();

  if (stage === 'unreachable') {
    await raiseStaffAlert(trx, 'unreachable', n.appointmentId, { checkin: base, reason: 'no answer after a retry' });
    await markFired(trx, n.id, null, 'medical staff alerted');
    return { kind: 'skipped', reason: 'medical staff alerted' };
  }
  if (stage === 'first') await trx.insertInto('checkins').values({ notification_id: n.id, appointment_id: n.appointmentId }).onConflict((oc) => oc.doNothing()).execute();
  await followUp(stage === 'first' ? `${base}_retry` : `${base}_unreachable`);
  const t = (key: string, vars?: Record<string, string | number>) => deps.t(target.locale, key, vars);
  // The phone may be a son's or a husband's: ask about the patient by name, not "how are you?".
  const patient = { relation: a.relation, fullName: a.full_name ?? undefined };
  const intro = checkinText(t, stage === 'first' ? 'intro' : 'retry', patient);
  const reply = {
    text: [intro, checkinText(t, 'pain', patient), t('common:answerWithNumber', { example: '1, 2' })].join('\n'),
    choices: PAIN.map((id) => ({ id, label: t(`checkin:${id}`) })),
    template: { params: [a.full_name ?? ''] },
  };
  return queueNotification(trx, n.id, target, reply, { step: 'checkin_pain', draft: { appointmentId: n.appointmentId, checkinNotificationId: first.id, ...patient }, misses: 0, lastAt: now.toISOString() });
}

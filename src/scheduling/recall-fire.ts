// Firing a donor recall: the donor may give again; the next drive near them, and "1 to book, 2 to stop".
// No drive near yet: the recall looks again a week later, for three months after the day it became due.
import { DateTime } from 'luxon';
import { sql, type Kysely } from 'kysely';
import { localized, placeOf } from '../conversation/campaign-text.ts';
import type { Reply } from '../conversation/reply.ts';
import type { Database } from '../db/tables.ts';
import { formatDay } from '../i18n/dates.ts';
import type { Cancel, FireDeps, FireResult, FireTarget } from './fire-notification.ts';
import { queueNotification } from './notification-outbox.ts';
import { nextDriveNear, RECALL_GIVE_UP_DAYS, RECALL_RETRY_DAYS } from './recalls.ts';

export async function fireRecall(trx: Kysely<Database>, deps: FireDeps, n: { id: number; donationId: number }, target: FireTarget, now: Date, cancel: Cancel): Promise<FireResult> {
  const contact = await trx.selectFrom('contacts').select('donor_recall_at').where('id', '=', target.contactId).executeTakeFirst();
  if (!contact?.donor_recall_at) return cancel('donor stopped recalls');
  const donation = await trx.selectFrom('donations').select('next_eligible_on').where('id', '=', n.donationId).executeTakeFirst();
  if (!donation) return cancel('no such donation');
  const today = DateTime.fromJSDate(now, { zone: deps.zone }).toISODate() ?? '';
  const drive = await nextDriveNear(trx, n.donationId, today);
  if (!drive) {
    const giveUp = DateTime.fromISO(donation.next_eligible_on, { zone: deps.zone }).plus({ days: RECALL_GIVE_UP_DAYS });
    if (DateTime.fromJSDate(now) > giveUp) return cancel('no blood drive near the donor');
    const until = new Date(now.getTime() + RECALL_RETRY_DAYS * 86_400_000);
    await trx.updateTable('notifications').set({ due_at: until, attempts: sql<number>`attempts + 1`, reason: 'no blood drive near yet', updated_at: sql<Date>`now()` }).where('id', '=', n.id).execute();
    return { kind: 'deferred', until };
  }
  const t = (key: string, vars?: Record<string, string | number>) => deps.t(target.locale, key, vars);
  const title = localized(drive.title, target.locale);
  const reply: Reply = {
    text: [t('donor:recallInvite', { drive: title, day: formatDay(drive.firstDay, target.locale), place: placeOf(drive, target.locale) }), t('donor:recallAnswer')].join('\n'),
    choices: [{ id: 'recall_book', label: t('donor:recallBook') }, { id: 'recall_stop', label: t('donor:recallStop') }],
    template: { params: [title, formatDay(drive.firstDay, target.locale)] },
  };
  // The next "1" or "2" from this person answers the invitation.
  return queueNotification(trx, n.id, target, reply, { recall: { campaignId: drive.id, sentAt: now.toISOString() } });
}

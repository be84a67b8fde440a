// An alert nobody acknowledged within the hour is posted to the staff chat again, once. The worker's
// reconciler runs this sweep every few minutes; Postgres marks what was re-posted, so a Redis flush, a
// restart or two workers sweeping at once never post it twice.
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { tellStaffChat } from './staff-alerts.ts';

export const REPOST_AFTER_MS = 60 * 60 * 1000;
/**
 * Alerts older than this are left to the console: the first sweep after this feature is deployed (or after
 * workers were down for days) would otherwise bury the chat under stale alerts.
 */
export const REPOST_WITHIN_MS = 2 * 24 * 60 * 60 * 1000;
export const REPOST_HEADING = '🔁 Rappel : cette alerte n’a été prise en charge par personne depuis une heure.';
const BATCH = 100;

/** Re-posts the alerts due; returns how many went to a staff chat. */
export async function repostUnacknowledgedAlerts(db: Kysely<Database>, now: Date): Promise<number> {
  let posted = 0;
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      // The update re-checks reposted_at on the row it locks: a second sweep waiting on the lock skips it.
      const due = await trx
        .updateTable('staff_alerts')
        .set({ reposted_at: now })
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('staff_alerts as a')
            .innerJoin('campaigns as c', 'c.id', 'a.campaign_id')
            .select('a.id')
            .where('a.acknowledged_at', 'is', null)
            .where('a.resolved_at', 'is', null)
            .where('a.reposted_at', 'is', null)
            .where('a.created_at', '<=', new Date(now.getTime() - REPOST_AFTER_MS))
            .where('a.created_at', '>', new Date(now.getTime() - REPOST_WITHIN_MS))
            .where('c.staff_telegram_chat', 'is not', null)
            .orderBy('a.created_at')
            .limit(BATCH),
        )
        .where('reposted_at', 'is', null)
        .where('acknowledged_at', 'is', null)
        .where('resolved_at', 'is', null)
        .returning('id')
        .execute();
      for (const alert of due) await tellStaffChat(trx, alert.id, { heading: REPOST_HEADING });
      return due.length;
    });
    posted += batch;
    if (batch < BATCH) return posted;
  }
}

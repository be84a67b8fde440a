// Redis can lose its timers (a flush, a failover without persistence); Postgres cannot. The reconciler
// walks the notifications not yet fired that are due within the timers' horizon and starts any timer
// that is missing: those lost, and those that have just come within the horizon.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { RedisClient } from '../redis/redis-clients.ts';
import { notificationJobId, type NotificationTimers } from './notification.queue.ts';

const PAGE = 1000;

export interface Reconciled {
  checked: number;
  restored: number;
}

/**
 * Pages by due time (the index of waiting notifications), so a hundred thousand waiting notifications
 * never sit in memory at once, and those due after the horizon are not even read.
 */
export async function reconcileNotifications(db: Kysely<Database>, redis: RedisClient, timers: NotificationTimers, now: Date = new Date()): Promise<Reconciled> {
  // A job's hash lives at <prefix>:<queue>:<job id> for as long as it waits or runs. All of one queue's keys
  // share a slot on a Redis Cluster, so one pipeline may check a page of them.
  const keyOf = (id: number) => timers.queue.toKey(notificationJobId(id));
  const until = new Date(now.getTime() + timers.horizonMs);
  let after: { due_at: Date; id: number } | undefined;
  let checked = 0;
  let restored = 0;
  for (;;) {
    const from = after;
    const rows = await db
      .selectFrom('notifications')
      .select(['id', 'due_at'])
      .where('status', 'in', ['pending', 'queued'])
      .where('due_at', '<=', until)
      .$if(from !== undefined, (q) => q.where(sql<boolean>`(due_at, id) > (${from?.due_at ?? now}, ${from?.id ?? 0})`))
      .orderBy('due_at')
      .orderBy('id')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) break;
    const pipeline = redis.pipeline();
    for (const r of rows) pipeline.exists(keyOf(r.id));
    const exists = (await pipeline.exec()) ?? [];
    const missing = rows.filter((_, i) => exists[i]?.[1] !== 1);
    await timers.schedule(missing.map((r) => ({ id: r.id, dueAt: r.due_at })), now);
    checked += rows.length;
    restored += missing.length;
    after = rows.at(-1);
  }
  return { checked, restored };
}

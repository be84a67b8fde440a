// Redis can lose its timers (a flush, a failover without persistence); Postgres cannot. The reconciler
// walks the notifications not yet fired and starts any timer that is missing.
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { notificationJobId, type NotificationTimers } from './notification.queue.ts';

const PAGE = 1000;

export interface Reconciled {
  checked: number;
  restored: number;
}

/** Pages by id, so a hundred thousand waiting notifications never sit in memory at once. */
export async function reconcileNotifications(db: Kysely<Database>, redis: Redis, timers: NotificationTimers, now: Date = new Date()): Promise<Reconciled> {
  // A job's hash lives at <prefix>:<queue>:<job id> for as long as it waits or runs.
  const keyOf = (id: number) => timers.queue.toKey(notificationJobId(id));
  let after = 0;
  let checked = 0;
  let restored = 0;
  for (;;) {
    const rows = await db.selectFrom('notifications').select(['id', 'due_at']).where('status', 'in', ['pending', 'queued']).where('id', '>', after).orderBy('id').limit(PAGE).execute();
    if (rows.length === 0) break;
    const pipeline = redis.pipeline();
    for (const r of rows) pipeline.exists(keyOf(r.id));
    const exists = (await pipeline.exec()) ?? [];
    const missing = rows.filter((_, i) => exists[i]?.[1] !== 1);
    await timers.schedule(missing.map((r) => ({ id: r.id, dueAt: r.due_at })), now);
    checked += rows.length;
    restored += missing.length;
    after = rows.at(-1)?.id ?? after;
  }
  return { checked, restored };
}

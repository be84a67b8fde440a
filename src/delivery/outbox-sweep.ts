// The sweep for outbox rows whose job was lost (Redis flushed, a crash between the commit and the
// enqueue): each goes back on its own lane, several to a job. A row still held by a job of its lane is
// left alone: a broadcast longer than the sweep's delay waits in its jobs, not in the replies' lane.
import type { Kysely } from 'kysely';
import type { Database, OutboxKind } from '../db/tables.ts';
import { pendingOutbox } from './outbox.ts';
import type { OutboundQueues } from './outbound.queue.ts';

/**
 * Announcements and what the timers send (reminders, check-ins, recalls) go on the bulk lane; replies
 * and the staff's alerts, which someone is waiting for, on the replies' lane.
 *
 * @example isBulk('broadcast') // true
 */
export const isBulk = (kind: OutboxKind): boolean => kind === 'broadcast' || kind === 'notification';

/** Rows per job queued again: as many as a broadcast's job. */
export const SWEEP_JOB_SIZE = 50;

/** Queues the channel's rows pending longer than `olderThanMs` that no job holds; returns how many. */
export async function sweepOutbox(db: Kysely<Database>, queues: OutboundQueues, channel: string, olderThanMs: number): Promise<number> {
  const rows = await pendingOutbox(db, channel, olderThanMs);
  let queued = 0;
  for (const bulk of [false, true]) {
    const lane = rows.filter((r) => isBulk(r.kind) === bulk);
    if (lane.length === 0) continue;
    const held = await queues.heldIds(channel, { bulk });
    const lost = lane.map((r) => r.id).filter((id) => !held.has(id));
    await queues.enqueueChunks(channel, lost, SWEEP_JOB_SIZE, { bulk, requeue: true });
    queued += lost.length;
  }
  return queued;
}

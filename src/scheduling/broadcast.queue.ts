// The broadcasts queue: one job per page of a broadcast, named after where the page starts, so a page
// is queued once however many times it is asked for.
import { Queue, type ConnectionOptions } from 'bullmq';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/tables.ts';
import { KEEP_COMPLETED, KEEP_FAILED, queueOptions } from '../delivery/queue-retention.ts';

export const BROADCAST_QUEUE = 'broadcasts';
export const BroadcastJobSchema = z.object({ broadcastId: z.number().int().positive() });

export interface BroadcastPages {
  /** Queues the page of `broadcastId` that starts after contact `cursor`, at `at` (now when absent). */
  next(broadcastId: number, cursor: number, at?: Date, now?: Date): Promise<void>;
  queue: Queue;
  close(): Promise<void>;
}

export function createBroadcastPages(options: { connection: ConnectionOptions; prefix: string }): BroadcastPages {
  const queue = new Queue(BROADCAST_QUEUE, queueOptions(BROADCAST_QUEUE, options));
  return {
    queue,
    async next(broadcastId, cursor, at, now = new Date()) {
      await queue.add('page', { broadcastId }, {
        jobId: `b${broadcastId}-after-${cursor}`,
        delay: at ? Math.max(0, at.getTime() - now.getTime()) : 0,
        attempts: 10,
        backoff: { type: 'exponential', delay: 2000 },
        removeOnComplete: KEEP_COMPLETED,
        removeOnFail: KEEP_FAILED,
      });
    },
    close: () => queue.close(),
  };
}

/** Broadcasts still to fan out whose page job Redis lost are queued again where they stopped. */
export async function reconcileBroadcasts(db: Kysely<Database>, pages: BroadcastPages): Promise<number> {
  const open = await db.selectFrom('broadcasts').select(['id', 'cursor', 'scheduled_at']).where('status', 'in', ['scheduled', 'running']).execute();
  for (const b of open) await pages.next(b.id, b.cursor, b.scheduled_at);
  return open.length;
}

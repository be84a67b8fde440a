// The broadcasts queue: a start job per broadcast, which queues a job per segment of its audience, and
// then one job per page of a segment, named after where the page starts, so a page is queued once however
// many times it is asked for.
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/tables.ts';
import { KEEP_COMPLETED, KEEP_FAILED, queueOptions } from '../delivery/queue-retention.ts';
import { openSegments } from './broadcast-segments.ts';

export const BROADCAST_QUEUE = 'broadcasts';
/** No segment: the start job, which queues the segments still open. */
export const BroadcastJobSchema = z.object({ broadcastId: z.number().int().positive(), segment: z.number().int().nonnegative().optional(), cursor: z.number().int().nonnegative().optional() });

export interface BroadcastPages {
  /** Queues the start of `broadcastId` at `at` (now when absent). */
  start(broadcastId: number, at?: Date, now?: Date): Promise<void>;
  /** Queues the page of the broadcast's `segment` that starts after contact `cursor`. */
  page(broadcastId: number, segment: number, cursor: number, at?: Date, now?: Date): Promise<void>;
  queue: Queue;
  close(): Promise<void>;
}

const JOB_OPTIONS: JobsOptions = { attempts: 10, backoff: { type: 'exponential', delay: 2000 }, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED };
const delayOf = (at: Date | undefined, now: Date) => (at ? Math.max(0, at.getTime() - now.getTime()) : 0);

export function createBroadcastPages(options: { connection: ConnectionOptions; prefix: string }): BroadcastPages {
  const queue = new Queue(BROADCAST_QUEUE, queueOptions(BROADCAST_QUEUE, options));
  return {
    queue,
    async start(broadcastId, at, now = new Date()) {
      await queue.add('start', { broadcastId }, { jobId: `b${broadcastId}-start`, delay: delayOf(at, now), ...JOB_OPTIONS });
    },
    async page(broadcastId, segment, cursor, at, now = new Date()) {
      await queue.add('page', { broadcastId, segment, cursor }, { jobId: `b${broadcastId}-s${segment}-after-${cursor}`, delay: delayOf(at, now), ...JOB_OPTIONS });
    },
    close: () => queue.close(),
  };
}

/** Queues a page for each segment of the broadcast still open, where it stands. */
export async function queueOpenSegments(db: Kysely<Database>, pages: BroadcastPages, broadcastId: number, at?: Date): Promise<number> {
  const open = await openSegments(db, broadcastId);
  for (const s of open) await pages.page(broadcastId, s.segment, s.after_id, at);
  return open.length;
}

/** Broadcasts still to fan out whose page jobs Redis lost are queued again where each segment stopped. */
export async function reconcileBroadcasts(db: Kysely<Database>, pages: BroadcastPages): Promise<number> {
  const open = await db.selectFrom('broadcasts').select(['id', 'scheduled_at']).where('status', 'in', ['scheduled', 'running']).execute();
  for (const b of open) await queueOpenSegments(db, pages, b.id, b.scheduled_at);
  return open.length;
}

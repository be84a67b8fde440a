// The outbound queues of one channel: a job per handled message, carrying only outbox ids; the text is
// read from Postgres when it is sent. The job id is the first outbox id, so a reply is queued once.
// Replies and bulk sends (reminders, announcements) have a queue each, worked by separate slots, so a
// reply never waits for a worker slot held by a broadcast; both share the channel's pacer.
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import { z } from 'zod';
import { KEEP_COMPLETED, KEEP_FAILED, queueOptions } from './queue-retention.ts';

export const OutboundJobSchema = z.object({
  outboxIds: z.array(z.number().int().positive()).min(1),
  /** When the message these reply to came in (the metrics' clock, in ms), for the reply latency. */
  receivedAt: z.number().nonnegative().optional(),
});
export type OutboundJob = z.infer<typeof OutboundJobSchema>;

export const outboundQueueName = (channel: string, bulk = false) => `outbound-${channel}${bulk ? '-bulk' : ''}`;

/** Retries of a transient failure, spaced 1 s, 2 s, 4 s... */
export const OUTBOUND_ATTEMPTS = 6;

/** The outbox row keeps each message's outcome: Redis keeps finished jobs only briefly. */
const JOB_OPTIONS: JobsOptions = { attempts: OUTBOUND_ATTEMPTS, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED };

export interface OutboundQueues {
  enqueue(channel: string, outboxIds: readonly number[], options?: { bulk?: boolean; receivedAt?: number }): Promise<void>;
  /**
   * Jobs of `size` outbox rows each, added in one round trip (a broadcast page). `requeue`: rows whose
   * job was lost get new job ids, since a finished job may still keep the id of the first one.
   */
  enqueueChunks(channel: string, outboxIds: readonly number[], size: number, options?: { bulk?: boolean; requeue?: boolean }): Promise<void>;
  /** The outbox ids that jobs of the lane still hold: waiting, delayed (a retry, a 429) or being worked. */
  heldIds(channel: string, options?: { bulk?: boolean }): Promise<Set<number>>;
  close(): Promise<void>;
}

/** Jobs read at a time from a lane when looking for the rows they hold. */
const HELD_PAGE = 500;

/**
 * @example
 * const queues = createOutboundQueues({ connection: { url: 'redis://127.0.0.1:6379' }, prefix: 'qafila' });
 * await queues.enqueue('telegram', [41, 42]);
 */
export function createOutboundQueues(options: { connection: ConnectionOptions; prefix: string; onError?: (err: Error) => void }): OutboundQueues {
  const queues = new Map<string, Queue<OutboundJob>>();
  const queueFor = (channel: string, bulk = false) => {
    const name = outboundQueueName(channel, bulk);
    let queue = queues.get(name);
    if (!queue) {
      queue = new Queue<OutboundJob>(name, queueOptions(name, options));
      // Redis going away is an 'error' event: without a listener Node would end the process.
      queue.on('error', (err) => options.onError?.(err));
      queues.set(name, queue);
    }
    return queue;
  };
  return {
    async enqueue(channel, outboxIds, options = {}) {
      const first = outboxIds[0];
      if (first === undefined) return;
      const stamp = options.receivedAt !== undefined ? { receivedAt: options.receivedAt } : {};
      await queueFor(channel, options.bulk).add('send', { outboxIds: [...outboxIds], ...stamp }, { jobId: `outbox-${first}`, ...JOB_OPTIONS });
    },
    async enqueueChunks(channel, outboxIds, size, options = {}) {
      if (outboxIds.length === 0) return;
      const chunks: number[][] = [];
      for (let i = 0; i < outboxIds.length; i += size) chunks.push(outboxIds.slice(i, i + size));
      await queueFor(channel, options.bulk).addBulk(
        chunks.map((ids) => ({
          name: 'send',
          data: { outboxIds: ids },
          opts: { ...(options.requeue ? {} : { jobId: `outbox-${ids[0]}` }), ...JOB_OPTIONS },
        })),
      );
    },
    async heldIds(channel, options = {}) {
      const queue = queueFor(channel, options.bulk);
      const held = new Set<number>();
      // Page by page, so a long broadcast's thousands of jobs never hold Redis in one script. Newest
      // first and the active ones last: a job that moves on meanwhile is found in its next state. One
      // missed all the same only gets its rows queued twice, and a row is claimed once.
      for (const state of ['waiting', 'prioritized', 'delayed', 'active'] as const) {
        for (let start = 0; ; start += HELD_PAGE) {
          const jobs = await queue.getJobs([state], start, start + HELD_PAGE - 1, false);
          for (const job of jobs) for (const id of OutboundJobSchema.safeParse(job.data).data?.outboxIds ?? []) held.add(id);
          if (jobs.length === 0) break;
        }
      }
      return held;
    },
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}

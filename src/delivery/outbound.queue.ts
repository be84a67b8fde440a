// The outbound queues of one channel: a job per handled message, carrying only outbox ids; the text is
// read from Postgres when it is sent. The job id is the first outbox id, so a reply is queued once.
// Replies and bulk sends (reminders, announcements) have a queue each, worked by separate slots, so a
// reply never waits for a worker slot held by a broadcast; both share the channel's pacer.
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import { z } from 'zod';
import { KEEP_COMPLETED, KEEP_FAILED, queueOptions } from './queue-retention.ts';

export const OutboundJobSchema = z.object({ outboxIds: z.array(z.number().int().positive()).min(1) });
export type OutboundJob = z.infer<typeof OutboundJobSchema>;

export const outboundQueueName = (channel: string, bulk = false) => `outbound-${channel}${bulk ? '-bulk' : ''}`;

/** Retries of a transient failure, spaced 1 s, 2 s, 4 s... */
export const OUTBOUND_ATTEMPTS = 6;

/** The outbox row keeps each message's outcome: Redis keeps finished jobs only briefly. */
const JOB_OPTIONS: JobsOptions = { attempts: OUTBOUND_ATTEMPTS, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED };

export interface OutboundQueues {
  enqueue(channel: string, outboxIds: readonly number[], options?: { bulk?: boolean }): Promise<void>;
  /** Jobs of `size` outbox rows each, added in one round trip (a broadcast page). */
  enqueueChunks(channel: string, outboxIds: readonly number[], size: number, options?: { bulk?: boolean }): Promise<void>;
  close(): Promise<void>;
}

/**
 * @example
 * const queues = createOutboundQueues({ connection: { url: 'redis://127.0.0.1:6379' }, prefix: 'qafila' });
 * await queues.enqueue('telegram', [41, 42]);
 */
export function createOutboundQueues(options: { connection: ConnectionOptions; prefix: string }): OutboundQueues {
  const queues = new Map<string, Queue<OutboundJob>>();
  const queueFor = (channel: string, bulk = false) => {
    const name = outboundQueueName(channel, bulk);
    let queue = queues.get(name);
    if (!queue) {
      queue = new Queue<OutboundJob>(name, queueOptions(options));
      queues.set(name, queue);
    }
    return queue;
  };
  return {
    async enqueue(channel, outboxIds, options = {}) {
      const first = outboxIds[0];
      if (first === undefined) return;
      await queueFor(channel, options.bulk).add('send', { outboxIds: [...outboxIds] }, { jobId: `outbox-${first}`, ...JOB_OPTIONS });
    },
    async enqueueChunks(channel, outboxIds, size, options = {}) {
      if (outboxIds.length === 0) return;
      const chunks: number[][] = [];
      for (let i = 0; i < outboxIds.length; i += size) chunks.push(outboxIds.slice(i, i + size));
      await queueFor(channel, options.bulk).addBulk(
        chunks.map((ids) => ({
          name: 'send',
          data: { outboxIds: ids },
          opts: { jobId: `outbox-${ids[0]}`, ...JOB_OPTIONS },
        })),
      );
    },
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}

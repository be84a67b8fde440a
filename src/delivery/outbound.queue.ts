// The outbound queues of one channel: a job per handled message, carrying only outbox ids; the text is
// read from Postgres when it is sent. The job id is the first outbox id, so a reply is queued once.
// Replies and bulk sends (reminders, announcements) have a queue each, worked by separate slots, so a
// reply never waits for a worker slot held by a broadcast; both share the channel's pacer.
import { Queue, type ConnectionOptions } from 'bullmq';
import { z } from 'zod';

export const OutboundJobSchema = z.object({
  outboxIds: z.array(z.number().int().positive()).min(1),
  /** When the message these reply to came in (the metrics' clock, in ms), for the reply latency. */
  receivedAt: z.number().nonnegative().optional(),
});
export type OutboundJob = z.infer<typeof OutboundJobSchema>;

export const outboundQueueName = (channel: string, bulk = false) => `outbound-${channel}${bulk ? '-bulk' : ''}`;

/** Retries of a transient failure, spaced 1 s, 2 s, 4 s... */
export const OUTBOUND_ATTEMPTS = 6;

export interface OutboundQueues {
  enqueue(channel: string, outboxIds: readonly number[], options?: { bulk?: boolean; receivedAt?: number }): Promise<void>;
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
      queue = new Queue<OutboundJob>(name, { connection: options.connection, prefix: options.prefix });
      queues.set(name, queue);
    }
    return queue;
  };
  return {
    async enqueue(channel, outboxIds, options = {}) {
      const first = outboxIds[0];
      if (first === undefined) return;
      const stamp = options.receivedAt !== undefined ? { receivedAt: options.receivedAt } : {};
      await queueFor(channel, options.bulk).add('send', { outboxIds: [...outboxIds], ...stamp }, {
        jobId: `outbox-${first}`,
        attempts: OUTBOUND_ATTEMPTS,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: 1000,
        removeOnFail: 5000,
      });
    },
    async enqueueChunks(channel, outboxIds, size, options = {}) {
      if (outboxIds.length === 0) return;
      const chunks: number[][] = [];
      for (let i = 0; i < outboxIds.length; i += size) chunks.push(outboxIds.slice(i, i + size));
      await queueFor(channel, options.bulk).addBulk(
        chunks.map((ids) => ({
          name: 'send',
          data: { outboxIds: ids },
          opts: { jobId: `outbox-${ids[0]}`, attempts: OUTBOUND_ATTEMPTS, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: 1000, removeOnFail: 5000 },
        })),
      );
    },
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}

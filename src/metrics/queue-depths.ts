// How many jobs each BullMQ queue holds, read at scrape time: a few counts per queue, in Redis.
import { Queue, type ConnectionOptions } from 'bullmq';
import { outboundQueueName } from '../delivery/outbound.queue.ts';
import { BROADCAST_QUEUE } from '../scheduling/broadcast.queue.ts';
import { NOTIFICATION_QUEUE } from '../scheduling/notification.queue.ts';
import { queuePrefix } from '../redis/redis-keys.ts';

export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
export type QueueState = (typeof QUEUE_STATES)[number];

export interface QueueDepths {
  read(): Promise<Array<{ queue: string; state: QueueState; count: number }>>;
  close(): Promise<void>;
}

/** Every queue of a deployment whose channels are `channels`: two outbound queues each, the timers, the broadcast pages. */
export function queueNamesFor(channels: readonly string[]): string[] {
  return [...channels.flatMap((c) => [outboundQueueName(c), outboundQueueName(c, true)]), NOTIFICATION_QUEUE, BROADCAST_QUEUE];
}

/**
 * @example
 * const depths = bullmqQueueDepths({ connection: redis, prefix: 'qafila', names: queueNamesFor(['telegram']) });
 * await depths.read(); // [{ queue: 'outbound-telegram', state: 'waiting', count: 0 }, ...]
 */
export function bullmqQueueDepths(options: { connection: ConnectionOptions; prefix: string; names: readonly string[] }): QueueDepths {
  const queues = options.names.map((name) => {
    const queue = new Queue(name, { connection: options.connection, prefix: queuePrefix(options.prefix, name) });
    // A Redis outage fails the read, which the scrape reports; the client's own errors are logged where it is made.
    queue.on('error', () => undefined);
    return queue;
  });
  return {
    async read() {
      const counts = await Promise.all(queues.map(async (queue) => ({ queue: queue.name, counts: await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed') })));
      return counts.flatMap(({ queue, counts: c }) => {
        const of = (state: string) => c[state] ?? 0;
        // Paused and prioritized jobs wait too, in lists of their own.
        const by: Record<QueueState, number> = { waiting: of('waiting') + of('paused') + of('prioritized'), active: of('active'), delayed: of('delayed'), failed: of('failed') };
        return QUEUE_STATES.map((state) => ({ queue, state, count: by[state] }));
      });
    },
    async close() {
      await Promise.all(queues.map((q) => q.close()));
    },
  };
}

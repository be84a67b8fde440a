// The notifications worker: fires each timer, hands the message to the channel's outbound queue, and
// moves a late-night timer to the morning.
import { Worker, type ConnectionOptions } from 'bullmq';
import type { Logger } from 'pino';
import type { OutboundQueues } from '../delivery/outbound.queue.ts';
import { delayUntil } from './delay-job.ts';
import { fireDueTogether, type FireDeps } from './fire-notification.ts';
import { firingRounds } from './firing-rounds.ts';
import { NOTIFICATION_QUEUE, NotificationJobSchema } from './notification.queue.ts';
import { DEFAULT_TIMER_HORIZON_HOURS, hoursToMs, withinHorizon } from './timer-horizon.ts';
import { closeWithin } from '../runtime/close-worker.ts';
import { queuePrefix } from '../redis/redis-keys.ts';

/** Notifications fired in one transaction at most: the timers of a round and the reminders due with them. */
const DEFAULT_FIRE_BATCH = 200;
/** Timers in hand at once; most of them wait a few milliseconds for their round. */
const DEFAULT_CONCURRENCY = 64;
/** How long a round waits for more timers after its first. */
const ROUND_GATHER_MS = 10;
/** Messages per send job: a batch's reminders leave in a few jobs, each message still sent and recorded on its own. */
const SEND_JOB_SIZE = 10;

export interface NotificationWorkerOptions {
  connection: ConnectionOptions;
  prefix: string;
  fire: FireDeps;
  outbound: OutboundQueues;
  logger: Logger;
  /** How long close() waits for the jobs in hand (default 5 s). */
  closeGraceMs?: number;
  /** Where an error of the worker's Redis connection goes (a line per cause now and then); logged at once otherwise. */
  onError?: (source: string, err: Error) => void;
  now?: () => Date;
  concurrency?: number;
  /** Notifications fired in one transaction: the timers that rang together and reminders already due (default 200; 1 fires each alone). */
  batch?: number;
  /** A timer put off further than this (a recall with no drive near yet) ends, and the reconciler starts it again in time. */
  horizonMs?: number;
}

export function startNotificationWorker(options: NotificationWorkerOptions): { worker: Worker; close(): Promise<void> } {
  const now = options.now ?? (() => new Date());
  const horizonMs = options.horizonMs ?? hoursToMs(DEFAULT_TIMER_HORIZON_HOURS);
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  // One round fires the timers that rang together, then hands the messages to their channels' queues.
  const rounds = firingRounds(
    async (rung) => {
      const fired = await fireDueTogether(options.fire, rung, now(), options.batch ?? DEFAULT_FIRE_BATCH, (err) =>
        options.logger.warn({ err: err instanceof Error ? err.message : String(err), notifications: rung.length }, 'reminders due together could not fire in one transaction; firing each alone'),
      );
      const sent = new Map<string, number[]>();
      for (const { result } of fired) if (result.kind === 'sent') sent.set(result.channel, [...(sent.get(result.channel) ?? []), result.outboxId]);
      for (const [channel, ids] of sent) await options.outbound.enqueueChunks(channel, ids, SEND_JOB_SIZE, { bulk: true });
      return fired;
    },
    { gatherMs: ROUND_GATHER_MS, maxRung: concurrency },
  );
  const worker = new Worker(
    NOTIFICATION_QUEUE,
    async (job, token) => {
      const { notificationId } = NotificationJobSchema.parse(job.data);
      const result = await rounds.fire(notificationId);
      if (result.kind === 'deferred') {
        // Redis holds only the next day or two of timers: the notification waits in Postgres meanwhile.
        const firedAt = now();
        if (!withinHorizon(result.until, firedAt, horizonMs)) return 'deferred beyond the horizon';
        await delayUntil(job, token, result.until, firedAt);
      }
      return result.kind;
    },
    { connection: options.connection, prefix: queuePrefix(options.prefix, NOTIFICATION_QUEUE), concurrency },
  );
  worker.on('error', (err) => (options.onError ? options.onError('notification worker', err) : options.logger.error({ err: err.message }, 'notification worker error')));
  return {
    worker,
    async close() {
      if (!(await closeWithin(worker, options.closeGraceMs ?? 5000))) options.logger.warn({ worker: 'notification worker' }, 'worker did not close in time (Redis reconnecting?); leaving it');
    },
  };
}

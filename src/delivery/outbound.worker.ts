// The workers of one channel's outbound queues: the pacer's per-channel and per-chat limits, retries with
// back-off on transient errors, none on permanent ones, and a sweep for rows whose job was lost.
import { DelayedError, UnrecoverableError, Worker, type ConnectionOptions, type Processor } from 'bullmq';
import type { Logger } from 'pino';
import { RetryAfterError } from '../channels/channel.ts';
import { ChatTurnLater, deliverOutboxRows, type DeliveryDeps } from './deliver.ts';
import { failUnsent } from './outbox.ts';
import { sweepOutbox } from './outbox-sweep.ts';
import { OutboundJobSchema, outboundQueueName, type OutboundQueues } from './outbound.queue.ts';
import { closeWithin } from '../runtime/close-worker.ts';
import { queuePrefix } from '../redis/redis-keys.ts';
import { takesBulk, takesReplies, type WorkerLanes } from '../runtime/worker-lanes.ts';

export interface OutboundWorkerOptions extends DeliveryDeps {
  connection: ConnectionOptions;
  prefix: string;
  /** Replies in progress at once; each waits for its messages' slots from the pacer: see `replyConcurrencyFor`. */
  concurrency?: number;
  /**
   * Bulk jobs in progress at once. Each holds at most one slot of the channel ahead of time, so this
   * is how many broadcast messages a reply can find before it: see `bulkConcurrencyFor`.
   */
  bulkConcurrency?: number;
  /** Rows a bulk job claims at once (default 1): see `claimGroupFor`. */
  bulkClaimGroup?: number;
  logger: Logger;
  /** How long close() waits for the jobs in hand (default 5 s). */
  closeGraceMs?: number;
  /** Where an error of the worker's Redis connection goes (a line per cause now and then); logged at once otherwise. */
  onError?: (source: string, err: Error) => void;
  /** Re-queues rows left pending this long (their job was lost); 0 disables the sweep. */
  sweepAfterMs?: number;
  queues?: OutboundQueues;
  /** The replies' queue, the bulk one, or both (the default). */
  lanes?: WorkerLanes;
}

export interface RunningWorker {
  close(): Promise<void>;
}

/**
 * Enough bulk slots to keep a channel of `perSecond` busy while each send waits on the database, few
 * enough that the slots they hold ahead put at most about 25 ms of broadcast before a reply.
 *
 * @example bulkConcurrencyFor(1000) // 25
 */
export const bulkConcurrencyFor = (perSecond: number) => (perSecond > 0 ? Math.min(128, Math.max(2, Math.ceil(perSecond / 40))) : 8);

/**
 * Enough reply slots that replies waiting for their chat's turn (one message per chat per interval: a
 * reply in several parts, a person tapping buttons quickly) leave slots free for the other chats. A
 * reply holds its slot while it waits, but no database connection. With 8, eight villagers tapping
 * quickly held every slot for a second each: at most 8 replies a second left, whatever the channel's
 * limit (measured: bench:soak).
 *
 * @example replyConcurrencyFor(30, 1000) // 38
 */
export const replyConcurrencyFor = (perSecond: number, chatIntervalMs: number) =>
  perSecond > 0 ? Math.min(256, Math.max(8, Math.ceil(perSecond * (chatIntervalMs / 1000 + 0.25)))) : 8;

/** The longest a bulk job sleeps for its chat's turn; past it the job comes back later (ChatTurnLater). */
export const BULK_CHAT_WAIT_MS = 100;

/**
 * Rows a bulk job claims at once: about a quarter of a second of its sending, at most 10. A claim
 * statement costs Postgres far more than the rows it touches: one at a time, at 1,000 a second, the
 * claims took CPU that the fan-out of the rest of the broadcast needed. Rows claimed are in the job's
 * hands: a crash leaves them in doubt, and a stopped broadcast still sends them, so a slow channel
 * claims one at a time.
 *
 * @example claimGroupFor(1000) // 10
 * @example claimGroupFor(30) // 3
 */
export const claimGroupFor = (perSecond: number) => (perSecond > 0 ? Math.min(MAX_CLAIM_GROUP, Math.max(1, Math.floor(perSecond / bulkConcurrencyFor(perSecond) / 4))) : 1);
export const MAX_CLAIM_GROUP = 10;

export function startOutboundWorker(options: OutboundWorkerOptions): RunningWorker {
  const channel = options.adapter.name;
  const sendWith = (deps: DeliveryDeps): Processor => async (job, token) => {
    const { outboxIds, receivedAt } = OutboundJobSchema.parse(job.data);
    try {
      // Rows already sent are skipped when the job runs again.
      await deliverOutboxRows(deps, outboxIds, receivedAt);
    } catch (err) {
      if (err instanceof ChatTurnLater) {
        // Its slot goes to another chat meanwhile; not a failed attempt either.
        await job.moveToDelayed(Date.now() + err.ms, token);
        throw new DelayedError();
      }
      if (err instanceof RetryAfterError) {
        options.metrics?.providerThrottled(channel);
        // The provider said how long to wait: every send on the channel holds that long, and this
        // job comes back then, without counting as a failed attempt.
        await options.pacer.hold(channel, err.retryAfterMs);
        await job.moveToDelayed(Date.now() + err.retryAfterMs, token);
        throw new DelayedError();
      }
      throw err;
    }
  };
  const worker = (name: string, concurrency: number, deps: DeliveryDeps) => new Worker(name, sendWith(deps), { connection: options.connection, prefix: queuePrefix(options.prefix, name), concurrency });
  const lanes = options.lanes ?? 'all';
  const workers = [
    ...(takesReplies(lanes) ? [worker(outboundQueueName(channel), options.concurrency ?? 8, options)] : []),
    // Few bulk slots (see bulkConcurrencyFor): a message waiting for its chat gives its slot up meanwhile.
    ...(takesBulk(lanes) ? [worker(outboundQueueName(channel, true), options.bulkConcurrency ?? 4, { ...options, deferChatWaitsOverMs: BULK_CHAT_WAIT_MS, claimGroup: options.bulkClaimGroup ?? 1 })] : []),
  ];
  for (const worker of workers) {
    worker.on('failed', (job, err) => {
      if (!job || err instanceof UnrecoverableError) return;
      if (job.attemptsMade >= (job.opts.attempts ?? 1)) {
        // What is still pending failed for good: each row with its own error, or the job's when it
        // never got one (it waited behind a message of its chat).
        const parsed = OutboundJobSchema.safeParse(job.data);
        if (parsed.success) void failUnsent(options.db, parsed.data.outboxIds, err.message).catch(() => undefined);
        options.logger.warn({ channel, jobId: job.id, err: err.message }, 'outbound message failed for good');
      }
    });
    worker.on('error', (err) => (options.onError ? options.onError(`outbound worker ${channel}`, err) : options.logger.error({ channel, err: err.message }, 'outbound worker error')));
  }

  let sweep: NodeJS.Timeout | undefined;
  let sweeping = false;
  const sweepAfter = options.sweepAfterMs ?? 60_000;
  if (sweepAfter > 0 && options.queues) {
    const queues = options.queues;
    sweep = setInterval(() => {
      // One sweep at a time: two would both find the same lost rows before either had queued them.
      if (sweeping) return;
      sweeping = true;
      void sweepOutbox(options.db, queues, channel, sweepAfter)
        .catch((err: unknown) => options.logger.error({ channel, err: String(err) }, 'outbox sweep failed'))
        .finally(() => (sweeping = false));
    }, Math.max(1000, sweepAfter / 2));
  }
  return {
    async close() {
      if (sweep) clearInterval(sweep);
      const closed = await Promise.all(workers.map((w) => closeWithin(w, options.closeGraceMs ?? 5000)));
      if (closed.includes(false)) options.logger.warn({ worker: 'outbound' }, 'worker did not close in time (Redis reconnecting?); leaving it');
    },
  };
}

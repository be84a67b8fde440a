// The worker of one channel's outbound queue: the pacer's per-channel and per-chat limits, retries with
// back-off on transient errors, none on permanent ones, and a sweep for rows whose job was lost.
import { DelayedError, UnrecoverableError, Worker, type ConnectionOptions } from 'bullmq';
import type { Logger } from 'pino';
import { RetryAfterError } from '../channels/channel.ts';
import { deliverOutboxRow, type DeliveryDeps } from './deliver.ts';
import { markFailed, pendingOutbox } from './outbox.ts';
import { OUTBOUND_ATTEMPTS, OutboundJobSchema, outboundQueueName, type OutboundQueues } from './outbound.queue.ts';

export interface OutboundWorkerOptions extends DeliveryDeps {
  connection: ConnectionOptions;
  prefix: string;
  /** Jobs in progress at once; each waits for its messages' slots from the pacer. */
  concurrency?: number;
  logger: Logger;
  /** Re-queues rows left pending this long (their job was lost); 0 disables the sweep. */
  sweepAfterMs?: number;
  queues?: OutboundQueues;
}

export interface RunningWorker {
  worker: Worker;
  close(): Promise<void>;
}

export function startOutboundWorker(options: OutboundWorkerOptions): RunningWorker {
  const channel = options.adapter.name;
  const worker: Worker = new Worker(
    outboundQueueName(channel),
    async (job, token) => {
      const { outboxIds } = OutboundJobSchema.parse(job.data);
      for (const id of outboxIds) {
        try {
          await deliverOutboxRow(options, id);
        } catch (err) {
          if (err instanceof RetryAfterError) {
            // The provider said how long to wait: every send on the channel holds that long, and this
            // job comes back then, without counting as a failed attempt.
            await options.pacer.hold(channel, err.retryAfterMs);
            await job.moveToDelayed(Date.now() + err.retryAfterMs, token);
            throw new DelayedError();
          }
          throw err;
        }
      }
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency ?? 8,
    },
  );
  worker.on('failed', (job, err) => {
    if (!job || err instanceof UnrecoverableError) return;
    if (job.attemptsMade >= OUTBOUND_ATTEMPTS) {
      const parsed = OutboundJobSchema.safeParse(job.data);
      if (parsed.success) void markFailed(options.db, parsed.data.outboxIds, err.message).catch(() => undefined);
      options.logger.warn({ channel, jobId: job.id, err: err.message }, 'outbound message failed for good');
    }
  });
  worker.on('error', (err) => options.logger.error({ channel, err: err.message }, 'outbound worker error'));

  let sweep: NodeJS.Timeout | undefined;
  const sweepAfter = options.sweepAfterMs ?? 60_000;
  if (sweepAfter > 0 && options.queues) {
    const queues = options.queues;
    sweep = setInterval(() => {
      void pendingOutbox(options.db, channel, sweepAfter)
        .then(async (ids) => {
          for (const id of ids) await queues.enqueue(channel, [id]);
        })
        .catch((err: unknown) => options.logger.error({ channel, err: String(err) }, 'outbox sweep failed'));
    }, Math.max(1000, sweepAfter / 2));
  }
  return {
    worker,
    async close() {
      if (sweep) clearInterval(sweep);
      await worker.close();
    },
  };
}

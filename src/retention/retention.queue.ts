// The nightly retention job: a BullMQ job scheduler fires one job a night, which one worker runs. Every
// worker process declares the same scheduler (declaring it again changes nothing), and the run itself
// takes an advisory lock, so two workers, or a worker and `npm run retention`, never purge at once.
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import type { Logger } from 'pino';
import { z } from 'zod';
import { KEEP_COMPLETED, KEEP_FAILED, queueOptions } from '../delivery/queue-retention.ts';
import type { RetentionReport } from './retention-policy.ts';
import { closeWithin } from '../runtime/close-worker.ts';
import { queuePrefix } from '../redis/redis-keys.ts';

export const RETENTION_QUEUE = 'retention';
export const NIGHTLY_RETENTION = 'nightly-retention';
/** The job carries nothing: what to purge is read from Postgres. */
export const RetentionJobSchema = z.object({}).strict();

/**
 * 03:30 in the campaigns' time zone: deep in the quiet hours, when nothing unasked is sent and few
 * villagers write, after the evening's reminders and well before the morning's.
 */
export const NIGHTLY_PATTERN = '30 3 * * *';

export interface RetentionSchedule {
  /** Declares the nightly job; any number of processes may, it stays one. */
  ensureNightly(): Promise<void>;
  queue: Queue;
  close(): Promise<void>;
}

export function createRetentionSchedule(options: { connection: ConnectionOptions; prefix: string; zone: string }): RetentionSchedule {
  const queue = new Queue(RETENTION_QUEUE, queueOptions(RETENTION_QUEUE, options));
  return {
    queue,
    async ensureNightly() {
      await queue.upsertJobScheduler(NIGHTLY_RETENTION, { pattern: NIGHTLY_PATTERN, tz: options.zone }, { name: 'purge', data: {}, opts: { removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED } });
    },
    close: () => queue.close(),
  };
}

/** Runs each retention job with `run`; one at a time in this process. */
export function startRetentionWorker(options: { connection: ConnectionOptions; prefix: string; run: () => Promise<RetentionReport>; logger: Logger; onError?: (source: string, err: Error) => void; closeGraceMs?: number }): { close(): Promise<void> } {
  const worker = new Worker(
    RETENTION_QUEUE,
    async (job) => {
      RetentionJobSchema.parse(job.data);
      return options.run();
    },
    { connection: options.connection, prefix: queuePrefix(options.prefix, RETENTION_QUEUE), concurrency: 1 },
  );
  worker.on('failed', (job, err) => options.logger.error({ jobId: job?.id, err: err.message }, 'retention run failed'));
  worker.on('error', (err) => (options.onError ? options.onError('retention worker', err) : options.logger.error({ err: err.message }, 'retention worker error')));
  return {
    async close() {
      // A run in hand is purged in batches: left here, it goes on where it stopped next time.
      if (!(await closeWithin(worker, options.closeGraceMs ?? 5000))) options.logger.warn({ worker: 'retention worker' }, 'worker did not close in time (Redis reconnecting, or a long run); leaving it');
    },
  };
}

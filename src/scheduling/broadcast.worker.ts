// The broadcast worker: writes one page, queues its messages behind the replies, and queues the next page;
// a page due in the quiet hours waits for the morning.
import { Worker, type ConnectionOptions } from 'bullmq';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/tables.ts';
import type { OutboundQueues } from '../delivery/outbound.queue.ts';
import type { Translate } from '../i18n/translator.ts';
import { BROADCAST_QUEUE, BroadcastJobSchema, queueOpenSegments, type BroadcastPages } from './broadcast.queue.ts';
import { fanoutPage } from './broadcasts.ts';
import { BROADCAST_PAGE } from './broadcast-segments.ts';
import { delayUntil } from './delay-job.ts';
import { outOfQuietHours, type QuietHours } from './quiet-hours.ts';
import { closeWithin } from '../runtime/close-worker.ts';
import { queuePrefix } from '../redis/redis-keys.ts';

export { BROADCAST_PAGE } from './broadcast-segments.ts';
export const BROADCAST_JOB_SIZE = 200;
/**
 * Pages written at once (of one broadcast's segments, or of several broadcasts). One more than the two
 * database cores here: a page spends part of its time in this process and in Redis, and a third writer
 * keeps Postgres busy meanwhile (300,000 people: 10.9 and 13.2 s against 13.3 and 13.9 s with two).
 */
export const BROADCAST_WRITERS = 3;

export function startBroadcastWorker(options: {
  connection: ConnectionOptions;
  prefix: string;
  db: Kysely<Database>;
  t: Translate;
  outbound: OutboundQueues;
  pages: BroadcastPages;
  logger: Logger;
  /** How long close() waits for the jobs in hand (default 5 s). */
  closeGraceMs?: number;
  /** Where an error of the worker's Redis connection goes (a line per cause now and then); logged at once otherwise. */
  onError?: (source: string, err: Error) => void;
  /** Nothing unasked at night: a page that comes due in these hours, in `zone`, is written at their end. */
  zone: string;
  quiet: QuietHours;
  now?: () => Date;
  pageSize?: number;
}): { worker: Worker; close(): Promise<void> } {
  const now = options.now ?? (() => new Date());
  const worker = new Worker(
    BROADCAST_QUEUE,
    async (job, token) => {
      const { broadcastId, segment } = BroadcastJobSchema.parse(job.data);
      const at = now();
      const morning = outOfQuietHours(at, options.zone, options.quiet);
      if (morning.getTime() !== at.getTime()) await delayUntil(job, token, morning, at);
      // The start: a page job for each segment, which the worker's slots then write side by side.
      if (segment === undefined) return `${await queueOpenSegments(options.db, options.pages, broadcastId)} segments`;
      const page = await fanoutPage(options.db, broadcastId, options.pageSize ?? BROADCAST_PAGE, (locale) => options.t(locale, 'broadcasts:stopHint'), segment);
      // Jobs of 200 messages on the bulk lane, which replies never wait behind: a million people make 5,000
      // jobs, not 20,000 (a fifth less CPU for this process at that scale).
      for (const [channel, ids] of page.queued) await options.outbound.enqueueChunks(channel, ids, BROADCAST_JOB_SIZE, { bulk: true });
      if (!page.done) await options.pages.page(broadcastId, segment, page.cursor);
      return page.done ? 'done' : 'more';
    },
    { connection: options.connection, prefix: queuePrefix(options.prefix, BROADCAST_QUEUE), concurrency: BROADCAST_WRITERS },
  );
  worker.on('error', (err) => (options.onError ? options.onError('broadcast worker', err) : options.logger.error({ err: err.message }, 'broadcast worker error')));
  return {
    worker,
    async close() {
      if (!(await closeWithin(worker, options.closeGraceMs ?? 5000))) options.logger.warn({ worker: 'broadcast worker' }, 'worker did not close in time (Redis reconnecting?); leaving it');
    },
  };
}

// Every queue's worker, in one place: the service runs them in process by default, and `npm run worker`
// runs more of them elsewhere. Closing waits for jobs in progress.
import type { ConnectionOptions } from 'bullmq';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/tables.ts';
import type { OutboundQueues } from '../delivery/outbound.queue.ts';
import { renderWordsIn } from '../delivery/deliver.ts';
import { startOutboundWorker } from '../delivery/outbound.worker.ts';
import type { Metrics } from '../metrics/metrics.ts';
import type { FireDeps } from '../scheduling/fire-notification.ts';
import type { NotificationTimers } from '../scheduling/notification.queue.ts';
import { startNotificationWorker } from '../scheduling/notification.worker.ts';
import { reconcileNotifications } from '../scheduling/reconciler.ts';
import { reconcileBroadcasts, type BroadcastPages } from '../scheduling/broadcast.queue.ts';
import { startBroadcastWorker } from '../scheduling/broadcast.worker.ts';
import { repostUnacknowledgedAlerts } from '../scheduling/staff-alert-repost.ts';
import { runRetention, startRetentionWorker, type RetentionSchedule } from '../retention/index.ts';
import type { OutboundChannel } from './outbound-channels.ts';
import type { RedisClient } from '../redis/redis-clients.ts';
import { takesBulk, type WorkerLanes } from './worker-lanes.ts';

export interface WorkersOptions {
  db: Kysely<Database>;
  redis: RedisClient;
  connection: ConnectionOptions;
  /** The deployment's key prefix (a hash tag on a Redis Cluster: see redis/redis-keys.ts). */
  prefix: string;
  queues: OutboundQueues;
  timers: NotificationTimers;
  pages: BroadcastPages;
  channels: readonly OutboundChannel[];
  fire: FireDeps;
  logger: Logger;
  /** Where the workers' Redis errors go: a line per cause now and then. */
  onError?: (source: string, err: Error) => void;
  /** How often the reconciler looks for timers Redis lost. */
  reconcileEveryMs: number;
  broadcastPageSize?: number;
  /** The nightly purge of what is past `retentionDays`. */
  retention: { schedule: RetentionSchedule; retentionDays: number };
  /** Counts what the outbound workers send, wait for and are refused. */
  metrics?: Metrics;
  /** The work this process takes (default all of it). */
  lanes?: WorkerLanes;
}

export function startWorkers(options: WorkersOptions): { close(): Promise<void> } {
  const { db, redis, connection, prefix, queues, timers, logger } = options;
  const onError = options.onError ? { onError: options.onError } : {};
  const lanes = options.lanes ?? 'all';
  const outbound = options.channels.map((c) =>
    startOutboundWorker({ db, adapter: c.adapter, pacer: c.pacer, concurrency: c.concurrency, bulkConcurrency: c.bulkConcurrency, bulkClaimGroup: c.bulkClaimGroup, connection, prefix, logger, queues, renderWords: renderWordsIn(options.fire.t), ...onError, ...(c.templates ? { templates: c.templates } : {}), metrics: options.metrics, lanes }),
  );
  if (!takesBulk(lanes)) return { close: async () => void (await Promise.all(outbound.map((w) => w.close()))) };
  const notifications = startNotificationWorker({ connection, prefix, fire: options.fire, outbound: queues, logger, horizonMs: timers.horizonMs, ...onError });
  const broadcasts = startBroadcastWorker({ connection, prefix, db, t: options.fire.t, zone: options.fire.zone, quiet: options.fire.quiet, outbound: queues, pages: options.pages, logger, ...onError, ...(options.broadcastPageSize ? { pageSize: options.broadcastPageSize } : {}) });
  const reconcile = () =>
    reconcileNotifications(db, redis, timers)
      .then((r) => r.restored > 0 && logger.warn(r, 'restored notification timers that Redis had lost'))
      .then(() => reconcileBroadcasts(db, options.pages))
      .then(() => repostUnacknowledgedAlerts(db, new Date()))
      .catch((err: unknown) => logger.error({ err: String(err) }, 'reconciler failed'));
  const retention = startRetentionWorker({ connection, prefix, logger, ...onError, run: () => runRetention(db, { retentionDays: options.retention.retentionDays }, logger) });
  void options.retention.schedule.ensureNightly().catch((err: unknown) => logger.error({ err: String(err) }, 'could not schedule the nightly retention job'));
  void reconcile();
  const every = setInterval(() => void reconcile(), options.reconcileEveryMs);
  return {
    async close() {
      clearInterval(every);
      await Promise.all([...outbound.map((w) => w.close()), notifications.close(), broadcasts.close(), retention.close()]);
    },
  };
}

// The Redis connections and queues every process shares: the service, and `npm run worker`.
import { Redis } from 'ioredis';
import type { Config } from '../config/config.schema.ts';
import type { Db } from '../db/connection.ts';
import type { Logger } from '../logging/logger.ts';
import { repeatedErrorLog } from '../logging/repeated-errors.ts';
import { untilAvailable } from './retry.ts';
import { createOutboundQueues, type OutboundQueues } from '../delivery/outbound.queue.ts';
import { createTranslator, loadResources } from '../i18n/translator.ts';
import type { FireDeps } from '../scheduling/fire-notification.ts';
import { createNotificationTimers, type NotificationTimers } from '../scheduling/notification.queue.ts';
import { createBroadcastPages, type BroadcastPages } from '../scheduling/broadcast.queue.ts';
import { createRetentionSchedule, type RetentionSchedule } from '../retention/index.ts';

export interface QueuesSetup {
  redis: Redis;
  /** BullMQ's workers block on Redis, so they need a connection that never gives up on a command. */
  connection: { url: string; maxRetriesPerRequest: null };
  queues: OutboundQueues;
  timers: NotificationTimers;
  pages: BroadcastPages;
  fire: FireDeps;
  /** Where every Redis client of the process reports an error: a line per source and cause at most every 30 s. */
  redisError: (source: string, err: Error) => void;
  /** The nightly retention job, and the settings its runs use. */
  retention: { schedule: RetentionSchedule; retentionDays: number };
  close(): Promise<void>;
}

export async function setUpQueues(config: Config, db: Db, logger: Logger): Promise<QueuesSetup> {
  const redisError = repeatedErrorLog(logger);
  const redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2, connectTimeout: 5000 });
  redis.on('error', (err) => redisError('commands', err));
  await untilAvailable('Redis', () => redis.connect(), { attempts: 30, baseMs: 500, maxMs: 5000, logger });
  const connection = { url: config.REDIS_URL, maxRetriesPerRequest: null };
  const queues = createOutboundQueues({ connection, prefix: config.QUEUE_PREFIX, onError: (err) => redisError('outbound queue', err) });
  const timers = createNotificationTimers({ connection, prefix: config.QUEUE_PREFIX, horizonHours: config.TIMER_HORIZON_HOURS });
  timers.queue.on('error', (err) => redisError('notification queue', err));
  const pages = createBroadcastPages({ connection, prefix: config.QUEUE_PREFIX });
  pages.queue.on('error', (err) => redisError('broadcast queue', err));
  const retention = createRetentionSchedule({ connection, prefix: config.QUEUE_PREFIX, zone: config.TIME_ZONE });
  retention.queue.on('error', (err) => redisError('retention queue', err));
  return {
    redis,
    connection,
    queues,
    timers,
    pages,
    redisError,
    fire: { db, t: createTranslator(loadResources()), zone: config.TIME_ZONE, quiet: config.QUIET_HOURS },
    retention: { schedule: retention, retentionDays: config.RETENTION_DAYS },
    async close() {
      await queues.close();
      await timers.close();
      await pages.close();
      await retention.close();
      redis.disconnect();
    },
  };
}

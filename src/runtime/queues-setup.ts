// The Redis connections and queues every process shares: the service, and `npm run worker`.
import type { ConnectionOptions } from 'bullmq';
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
import { openRedisClients, type RedisClient } from '../redis/redis-clients.ts';

export interface QueuesSetup {
  /** One Redis server's client, or a Redis Cluster's (REDIS_CLUSTER_NODES). */
  redis: RedisClient;
  /** BullMQ's workers block on Redis, so they need a connection that never gives up on a command. */
  connection: ConnectionOptions;
  /** The prefix of every key: QUEUE_PREFIX, as a hash tag on a Redis Cluster (see redis/redis-keys.ts). */
  prefix: string;
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
  const clients = openRedisClients(config, redisError);
  const { commands: redis, queues: connection, prefix } = clients;
  await untilAvailable('Redis', () => clients.connect(), { attempts: 30, baseMs: 500, maxMs: 5000, logger });
  const queues = createOutboundQueues({ connection, prefix, onError: (err) => redisError('outbound queue', err) });
  const timers = createNotificationTimers({ connection, prefix, horizonHours: config.TIMER_HORIZON_HOURS });
  timers.queue.on('error', (err) => redisError('notification queue', err));
  const pages = createBroadcastPages({ connection, prefix });
  pages.queue.on('error', (err) => redisError('broadcast queue', err));
  const retention = createRetentionSchedule({ connection, prefix, zone: config.TIME_ZONE });
  retention.queue.on('error', (err) => redisError('retention queue', err));
  return {
    redis,
    connection,
    prefix,
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
      clients.close();
    },
  };
}

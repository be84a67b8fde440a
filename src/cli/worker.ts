// `npm run worker`: the queues without the HTTP server — outbound messages of the API channels,
// notification timers and the reconciler. Several can run at once; SIGTERM lets jobs in progress finish.
import { loadConfig } from '../config/load-config.ts';
import { createDatabase } from '../db/connection.ts';
import { DEFAULT_AUTH_THROTTLE, redisAuthThrottle } from '../http/auth-throttle.ts';
import { buildMetricsServer } from '../http/metrics-server.ts';
import { createLogger } from '../logging/logger.ts';
import { createMetrics } from '../metrics/prometheus-metrics.ts';
import { outboundChannels } from '../runtime/outbound-channels.ts';
import { setUpQueues } from '../runtime/queues-setup.ts';
import { startWorkers } from '../runtime/workers.ts';
import { runCommand } from './command-runner.ts';

await runCommand(async () => {
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  const db = createDatabase({ connectionString: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE });
  const setup = await setUpQueues(config, db);
  const channels = outboundChannels(config, setup.redis);
  // This process's counters only: the queues and the outbox are read by the service's scrape.
  const metrics = createMetrics();
  const workers = startWorkers({
    db, redis: setup.redis, connection: setup.connection, prefix: config.QUEUE_PREFIX, queues: setup.queues, timers: setup.timers, pages: setup.pages, fire: setup.fire, logger,
    channels: [channels.telegram, channels.whatsapp].filter((c) => c !== undefined),
    reconcileEveryMs: config.RECONCILE_EVERY_MS,
    broadcastPageSize: config.BROADCAST_PAGE_SIZE,
    metrics,
  });
  const metricsServer = config.METRICS_PORT !== undefined && config.METRICS_TOKEN
    ? buildMetricsServer({ db, logger, metrics, token: config.METRICS_TOKEN, authThrottle: redisAuthThrottle(setup.redis, { prefix: config.QUEUE_PREFIX, ...DEFAULT_AUTH_THROTTLE }) })
    : undefined;
  await metricsServer?.listen({ port: config.METRICS_PORT, host: config.HOST });
  logger.info({ channels: Object.keys(channels), metricsPort: config.METRICS_PORT }, 'workers started');
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger.info({ signal }, 'finishing the jobs in progress');
      void workers.close().then(() => metricsServer?.close()).then(() => setup.close()).then(() => db.destroy()).then(resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
});

// `npm run worker`: the queues without the HTTP server — outbound messages of the API channels,
// notification timers and the reconciler. Several can run at once; SIGTERM lets jobs in progress finish.
import { loadConfig } from '../config/load-config.ts';
import { DEFAULT_AUTH_THROTTLE, redisAuthThrottle } from '../http/auth-throttle.ts';
import { buildMetricsServer } from '../http/metrics-server.ts';
import { createLogger } from '../logging/logger.ts';
import { createMetrics } from '../metrics/prometheus-metrics.ts';
import { openDatabase, startRetries } from '../runtime/database.ts';
import { manageLifecycle, type Closer } from '../runtime/lifecycle.ts';
import { outboundChannels } from '../runtime/outbound-channels.ts';
import { setUpQueues } from '../runtime/queues-setup.ts';
import { untilAvailable } from '../runtime/retry.ts';
import { startWorkers } from '../runtime/workers.ts';
import { sql } from 'kysely';
import { runCommand } from './command-runner.ts';

await runCommand(async () => {
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  const closers: Closer[] = [];
  manageLifecycle({ logger, deadlineMs: config.SHUTDOWN_TIMEOUT_MS, closers });
  const db = openDatabase(config, logger);
  closers.push({ name: 'database', close: () => db.destroy() });
  await untilAvailable('the database', () => sql`select 1`.execute(db), startRetries(logger));
  const setup = await setUpQueues(config, db, logger);
  closers.push({ name: 'queues', close: () => setup.close() });
  const channels = outboundChannels(config, setup.redis, setup.prefix);
  // This process's counters only: the queues and the outbox are read by the service's scrape.
  const metrics = createMetrics();
  const workers = startWorkers({
    db, redis: setup.redis, connection: setup.connection, prefix: setup.prefix, queues: setup.queues, timers: setup.timers, pages: setup.pages, fire: setup.fire, logger,
    channels: [channels.telegram, channels.whatsapp].filter((c) => c !== undefined),
    reconcileEveryMs: config.RECONCILE_EVERY_MS,
    onError: setup.redisError,
    broadcastPageSize: config.BROADCAST_PAGE_SIZE,
    retention: setup.retention,
    metrics,
    lanes: config.WORKER_LANES,
  });
  closers.push({ name: 'workers', close: () => workers.close() });
  const metricsServer = config.METRICS_PORT !== undefined && config.METRICS_TOKEN
    ? buildMetricsServer({ db, logger, metrics, token: config.METRICS_TOKEN, authThrottle: redisAuthThrottle(setup.redis, { prefix: setup.prefix, ...DEFAULT_AUTH_THROTTLE }) })
    : undefined;
  if (metricsServer) {
    closers.push({ name: 'metrics server', close: () => metricsServer.close() });
    await metricsServer.listen({ port: config.METRICS_PORT, host: config.HOST });
  }
  logger.info({ channels: Object.keys(channels), lanes: config.WORKER_LANES, metricsPort: config.METRICS_PORT }, 'workers started');
});

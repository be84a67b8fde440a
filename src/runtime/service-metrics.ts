// The service's metrics: its counters, and the gauges every process shares (the queues in Redis,
// the outbox in Postgres), read when Prometheus scrapes the service. Workers show their counters only.
import type { Db } from '../db/connection.ts';
import { outboxBacklog } from '../delivery/outbox.ts';
import { createMetrics, type PrometheusMetrics } from '../metrics/prometheus-metrics.ts';
import { bullmqQueueDepths, queueNamesFor } from '../metrics/queue-depths.ts';
import type { RedisClient } from '../redis/redis-clients.ts';

export function serviceMetrics(options: { db: Db; redis: RedisClient; prefix: string; channels: readonly string[] }): { metrics: PrometheusMetrics; close(): Promise<void> } {
  const queues = bullmqQueueDepths({ connection: options.redis, prefix: options.prefix, names: queueNamesFor(options.channels) });
  return { metrics: createMetrics({ queues, outbox: () => outboxBacklog(options.db) }), close: () => queues.close() };
}

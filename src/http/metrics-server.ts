// The small HTTP server of a process that has no other: `npm run worker` serves its own counters
// (messages sent, reply latency, the pacer, 429s) on METRICS_PORT, nothing else.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from '../logging/logger.ts';
import { answerFailures } from './failure-answers.ts';
import { registerMetricsRoute, type MetricsRouteDeps } from './metrics.routes.ts';

export function buildMetricsServer(deps: MetricsRouteDeps & { logger: Logger }): FastifyInstance {
  const logger: FastifyBaseLogger = deps.logger;
  const app = Fastify({ loggerInstance: logger });
  answerFailures(app);
  registerMetricsRoute(app, deps);
  return app;
}

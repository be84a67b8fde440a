// GET /metrics: this process's metrics in the Prometheus text format, for the scraper holding
// METRICS_TOKEN or the platform admin with their staff token. Queue names and counts say how busy
// the service is, so nobody else reads them; without METRICS_TOKEN the route does not exist.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.ts';
import { staffForToken } from '../domain/staff/staff-tokens.ts';
import { tooManyAttempts, type AuthThrottle } from './auth-throttle.ts';
import { sameSecret } from './telegram-webhook.routes.ts';

export const METRICS_PATH = '/metrics';

/** The page a scrape gets; `createMetrics` gives one. */
export interface MetricsPage {
  readonly contentType: string;
  scrape(): Promise<string>;
}

export interface MetricsRouteDeps {
  /** Finds the platform admin's staff token. */
  db: Db;
  metrics: MetricsPage;
  /** METRICS_TOKEN, the scraper's. */
  token: string;
  /** Wrong tokens here count with the admin API's. */
  authThrottle: AuthThrottle;
}

export function registerMetricsRoute(app: FastifyInstance, deps: MetricsRouteDeps): void {
  app.get(METRICS_PATH, async (request, reply) => {
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
    if (!sameSecret(token, deps.token)) {
      const member = token ? await staffForToken(deps.db, token) : undefined;
      if (!member) {
        const waitMs = await deps.authThrottle.failed(request.ip);
        if (waitMs > 0) return tooManyAttempts(reply, waitMs);
        return reply.code(401).send({ error: 'give METRICS_TOKEN or the platform admin\'s staff token as "Authorization: Bearer <token>"' });
      }
      if (member.role !== 'admin') return reply.code(403).send({ error: 'the metrics are for the platform admin and the scraper holding METRICS_TOKEN' });
    }
    const page = await deps.metrics.scrape();
    return reply.header('cache-control', 'no-store').type(deps.metrics.contentType).send(page);
  });
}

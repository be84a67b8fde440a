// GET /health: whether the service can reach Postgres and Redis (for load balancers and docker compose).
// Up or down only: the reason goes to the log, never to whoever asks.
import type { FastifyInstance, FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

/** Anything that answers a ping; ioredis does. */
export interface Pingable {
  ping(): Promise<string>;
}

export function registerHealthRoutes(app: FastifyInstance, deps: { db: Db; redis: Pingable }): void {
  // Asked every few seconds by load balancers and the container's health check: not worth a log line each.
  app.get('/health', { logLevel: 'warn' }, async (request, reply) => {
    const [db, redis] = await Promise.all([
      check('db', () => sql`select 1`.execute(deps.db), request.log),
      check('redis', () => deps.redis.ping(), request.log),
    ]);
    const ok = db === 'up' && redis === 'up';
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', db, redis });
  });
}

async function check(name: string, probe: () => Promise<unknown>, log: FastifyBaseLogger): Promise<'up' | 'down'> {
  try {
    await Promise.race([probe(), new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 2 s')), 2000).unref())]);
    return 'up';
  } catch (err) {
    log.warn({ dependency: name, err: err instanceof Error ? err.message : String(err) }, 'health check failed');
    return 'down';
  }
}

// GET /health: whether the service can reach Postgres and Redis (for load balancers and docker compose).
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

/** Anything that answers a ping; ioredis does. */
export interface Pingable {
  ping(): Promise<string>;
}

export function registerHealthRoutes(app: FastifyInstance, deps: { db: Db; redis: Pingable }): void {
  app.get('/health', async (_request, reply) => {
    const [db, redis] = await Promise.all([
      check(() => sql`select 1`.execute(deps.db)),
      check(() => deps.redis.ping()),
    ]);
    const ok = db === 'ok' && redis === 'ok';
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', db, redis });
  });
}

async function check(probe: () => Promise<unknown>): Promise<string> {
  try {
    await Promise.race([probe(), new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 2 s')), 2000).unref())]);
    return 'ok';
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

// Composition root: reads the configuration once and starts what it enables.
import { Redis } from 'ioredis';
import { loadConfig } from './config/load-config.ts';
import { createDatabase } from './db/connection.ts';
import { ensureDatabaseExists } from './db/ensure-database.ts';
import { prepareDatabase } from './db/prepare-database.ts';
import { systemClock } from './domain/clock.ts';
import { buildServer } from './http/server.ts';
import { createLogger } from './logging/logger.ts';
import { describeFailure } from './cli/command-runner.ts';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  if (config.MIGRATE_ON_START) {
    await ensureDatabaseExists(config.DATABASE_URL);
  }
  const db = createDatabase({ connectionString: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE });
  if (config.MIGRATE_ON_START) {
    const prepared = await prepareDatabase(db);
    logger.info({ applied: prepared.applied, provinces: prepared.provinces }, 'database ready');
  }
  const redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  const app = buildServer({ db, redis, clock: systemClock, logger, timeZone: config.TIME_ZONE });
  await app.listen({ port: config.PORT, host: config.HOST });

  const stop = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await app.close();
    redis.disconnect();
    await db.destroy();
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Qafila could not start.\n${describeFailure(err)}\n`);
  process.exit(1);
});

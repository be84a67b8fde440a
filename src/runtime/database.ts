// The database as every long-running process opens it: timeouts, a lost connection logged rather than
// fatal, and start-up that waits (bounded) for a Postgres that is still starting.
import { createDatabase, type Db } from '../db/connection.ts';
import { ensureDatabaseExists } from '../db/ensure-database.ts';
import { prepareDatabase } from '../db/prepare-database.ts';
import type { DatabaseConfig } from '../config/config.schema.ts';
import type { Logger } from '../logging/logger.ts';
import { untilAvailable } from './retry.ts';

/** About a minute in all: long enough for a fresh Postgres volume, short enough to say what is wrong. */
export const startRetries = (logger: Logger) => ({ attempts: 20, baseMs: 500, maxMs: 5000, logger });

export function openDatabase(config: DatabaseConfig, logger: Logger): Db {
  return createDatabase({
    connectionString: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    onConnectionLost: (err) => logger.warn({ err: err.message, code: (err as { code?: unknown }).code }, 'database connection lost'),
  });
}

/** Creates the database if missing and migrates it, on a connection of its own without a statement timeout. */
export async function migrateWhenAvailable(config: DatabaseConfig, logger: Logger): Promise<void> {
  await untilAvailable('the database', () => ensureDatabaseExists(config.DATABASE_URL), startRetries(logger));
  const db = createDatabase({ connectionString: config.DATABASE_URL, poolSize: 2, statementTimeoutMs: 0, onConnectionLost: (err) => logger.warn({ err: err.message }, 'database connection lost') });
  try {
    const prepared = await untilAvailable('the database', () => prepareDatabase(db), startRetries(logger));
    logger.info({ applied: prepared.applied, provinces: prepared.provinces }, 'database ready');
  } finally {
    await db.destroy();
  }
}

// Builds the Kysely instance on a pg pool. Dates and times stay strings; counts become numbers.
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './tables.ts';

const DATE_OID = 1082;
const TIME_OID = 1083;
const INT8_OID = 20;

// A `date` is a calendar day in Morocco, not an instant: parsing it into a JS Date would shift it.
pg.types.setTypeParser(DATE_OID, (v) => v);
pg.types.setTypeParser(TIME_OID, (v) => v);
// count(*) and sums are int8; the values we count stay far below 2^53.
pg.types.setTypeParser(INT8_OID, (v) => Number(v));

export interface DatabaseOptions {
  connectionString: string;
  poolSize?: number;
  /**
   * Told when a connection waiting in the pool dies (Postgres restarted, or ended it). The pool drops
   * it and opens another on the next query; without a listener pg would end the process.
   */
  onConnectionLost?: (err: Error) => void;
  /** How long a query waits for a connection (a free one of the pool, or a new one) before it fails (default 10 s). */
  connectTimeoutMs?: number;
  /** The longest a statement may run (default 30 s; 0 for none, as migrations need). */
  statementTimeoutMs?: number;
}

export type Db = Kysely<Database>;

/**
 * @example
 * const db = createDatabase({ connectionString: config.DATABASE_URL, poolSize: 10, onConnectionLost: (err) => logger.warn({ err }, 'database connection lost') });
 * await db.selectFrom('campaigns').selectAll().execute();
 * await db.destroy();
 */
export function createDatabase(options: DatabaseOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
    // A transaction left open by a stuck caller must not hold its row locks (a slot's) for ever.
    idle_in_transaction_session_timeout: 60_000,
    keepAlive: true,
  });
  pool.on('error', (err) => options.onConnectionLost?.(err));
  // A connection in use when Postgres ends it also says so on its own client: heard here, its query
  // fails and the pool drops it on release, instead of Node ending the process on an unheard 'error'.
  pool.on('connect', (client) => client.on('error', (err) => options.onConnectionLost?.(err)));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

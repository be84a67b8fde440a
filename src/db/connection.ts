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
}

export type Db = Kysely<Database>;

/**
 * @example
 * const db = createDatabase({ connectionString: config.DATABASE_URL, poolSize: 10 });
 * await db.selectFrom('campaigns').selectAll().execute();
 * await db.destroy();
 */
export function createDatabase(options: DatabaseOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

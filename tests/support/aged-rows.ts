// Rows made old on Postgres' clock (which wrote their times), for the retention job to find: a test never
// waits 180 days, and never compares Node's clock with Postgres'.
import { sql } from 'kysely';
import type { Db } from '../../src/db/connection.ts';

export interface AgedRows {
  table: string;
  /** The time columns to move back. */
  columns: readonly string[];
  /** The rows, by `key` (default `id`). */
  ids: ReadonlyArray<number | string>;
  key?: string;
}

/** Sets the rows' time columns to `days` days before Postgres' now(). */
export async function makeOld(db: Db, rows: AgedRows, days: number): Promise<void> {
  if (rows.ids.length === 0) return;
  const set = sql.join(rows.columns.map((c) => sql`${sql.ref(c)} = now() - make_interval(days => ${days})`));
  await sql`update ${sql.table(rows.table)} set ${set} where ${sql.ref(rows.key ?? 'id')} in (${sql.join([...rows.ids])})`.execute(db);
}

// Deleting old rows a few thousand at a time, oldest first, with progress in the log for a long run.
import { performance } from 'node:perf_hooks';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/tables.ts';

export interface Batch {
  removed: number;
  /** False once the last batch was taken: no row left, or only rows of the retention period. */
  more: boolean;
  /** Rows of other tables that went with these (the delivery log with its messages). */
  alongside?: number;
}

/** Runs `step` until it says there is no more; logs progress every `logEveryMs` and at the end. */
export async function untilDone(table: string, step: () => Promise<Batch>, logger: Logger, logEveryMs = 10_000): Promise<{ removed: number; alongside: number }> {
  const started = performance.now();
  let lastLog = started;
  let removed = 0;
  let alongside = 0;
  for (;;) {
    const batch = await step();
    removed += batch.removed;
    alongside += batch.alongside ?? 0;
    if (!batch.more) break;
    if (performance.now() - lastLog >= logEveryMs) {
      lastLog = performance.now();
      logger.info({ table, removed, seconds: Math.round((lastLog - started) / 1000) }, 'retention: still purging');
    }
  }
  logger.info({ table, removed, seconds: Math.round((performance.now() - started) / 1000) }, 'retention: purged');
  return { removed, alongside };
}

export interface OldestFirst {
  /** A table whose `id` grows with time. */
  table: 'outbox' | 'notifications' | 'audit_log';
  /** When the row was written (by Postgres): rows before `cutoff` may go. */
  writtenAt: 'created_at' | 'at';
  cutoff: Date;
  rows: number;
  /** What else a row must satisfy to go, on the table aliased `x`. */
  also: RawBuilder<boolean>;
  /** Columns of `x` the deleted rows hand to `more` (as the CTE `gone`), and statements run on them. */
  returning?: RawBuilder<unknown>;
  more?: { ctes: RawBuilder<unknown>; counted: RawBuilder<number> };
}

/**
 * A step that walks the table by id from the start, a batch at a time, and deletes the rows written before
 * the cutoff that `also` lets go; it stops at the first batch that reaches rows of the retention period.
 * By id rather than by time: no index on the time is needed, the pages are read from the primary key,
 * and after the first night each walk goes over little more than what it deletes (and the few old rows
 * kept, such as a check-in's first notification).
 */
export function oldestFirst(db: Kysely<Database>, o: OldestFirst): () => Promise<Batch> {
  let after = 0;
  const table = sql.table(o.table);
  const writtenAt = sql.ref(o.writtenAt);
  return async () => {
    const result = await sql<{ last: number | null; reached: boolean; removed: number; alongside: number }>`
      with scanned as (select id, ${writtenAt} as written_at from ${table} where id > ${after} order by id limit ${o.rows}),
      gone as (
        delete from ${table} x using scanned s
        where x.id = s.id and s.written_at < ${o.cutoff} and ${o.also}
        returning ${o.returning ?? sql`x.id`}
      )${o.more ? sql`, ${o.more.ctes}` : sql``}
      select (select max(id) from scanned) as last,
        exists (select 1 from scanned where written_at >= ${o.cutoff}) as reached,
        (select count(*) from gone)::int as removed,
        ${o.more?.counted ?? sql`0`}::int as alongside`.execute(db);
    const row = result.rows[0];
    if (!row || row.last === null) return { removed: row?.removed ?? 0, more: false, alongside: row?.alongside ?? 0 };
    after = Number(row.last);
    return { removed: row.removed, more: !row.reached, alongside: row.alongside };
  };
}

// Looks for strings (a phone, a name, what someone wrote) in every text, varchar and jsonb column of every
// table, read from information_schema: a table or column added later is searched without touching this file.
import { sql } from 'kysely';
import type { Db } from '../../src/db/connection.ts';

const TEXT_TYPES = ['text', 'character varying', 'character', 'json', 'jsonb'];
const TEXT_ARRAYS = ['_text', '_varchar', '_bpchar', '_json', '_jsonb'];

/** Where each needle is found, as 'table.column: needle', sorted; case-insensitive. */
export async function findEverywhere(db: Db, needles: readonly string[]): Promise<string[]> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      and (c.data_type = any(${TEXT_TYPES}::text[]) or (c.data_type = 'ARRAY' and c.udt_name = any(${TEXT_ARRAYS}::text[])))
    order by c.table_name, c.column_name`.execute(db);
  if (columns.rows.length === 0) throw new Error('no text column found: is this the right schema?');
  const hits: string[] = [];
  for (const { table_name, column_name } of columns.rows) {
    const found = await sql<{ needle: string }>`
      select distinct n.needle
      from ${sql.table(table_name)} as x cross join unnest(${needles}::text[]) as n(needle)
      where strpos(lower(${sql.ref(`x.${column_name}`)}::text), lower(n.needle)) > 0`.execute(db);
    for (const { needle } of found.rows) hits.push(`${table_name}.${column_name}: ${needle}`);
  }
  return hits.sort();
}

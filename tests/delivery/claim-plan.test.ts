// A claim finds its rows by id, whatever the outbox's statistics say. Taken while the outbox was empty
// (a new service, or a quiet night after the retention job), they let the planner read every entry of
// outbox_pending at each claim to AND it with the ids: a million entries per claim during a national
// broadcast, until autovacuum analyses the table again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { claimStatement } from '../../src/delivery/outbox.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

/** Every index a plan reads, from Postgres' JSON explain. */
function indexesIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(indexesIn);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => (key === 'Index Name' && typeof value === 'string' ? [value] : indexesIn(value)));
}

describe('the claim of a broadcast group', () => {
  it('reads the rows by id, not every pending row, when the statistics predate the broadcast', async () => {
    const contact = await t.db.insertInto('contacts').values({ locale: 'fr' }).returning('id').executeTakeFirstOrThrow();
    // Analysed empty; then a broadcast's pending rows, not yet analysed.
    await sql`vacuum analyze outbox`.execute(t.db);
    await sql`
      insert into outbox (contact_id, channel, recipient, kind, payload)
      select ${contact.id}::int, 'telegram', (9000 + g)::text, 'broadcast', '{"text":"Annonce"}' from generate_series(1, 60000) g`.execute(t.db);
    const group = await t.db.selectFrom('outbox').select('id').where('status', '=', 'pending').orderBy('id', 'desc').limit(10).execute();

    const plan = await sql<{ 'QUERY PLAN': unknown }>`explain (format json) ${claimStatement(group.map((r) => r.id), [], [])}`.execute(t.db);
    const indexes = indexesIn(plan.rows[0]?.['QUERY PLAN']);
    expect(indexes).toContain('outbox_pkey');
    expect(indexes).not.toContain('outbox_pending');
  });
});

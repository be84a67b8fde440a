// The outbox has no foreign key to contacts (its check cost a row lock per message written); a contact
// deleted still takes its messages with it, and nobody else's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

describe('outbox rows of a deleted contact', () => {
  it('go with the contact, and the other contacts keep theirs', async () => {
    const [gone, kept] = await Promise.all([1, 2].map(() => t.db.insertInto('contacts').defaultValues().returning('id').executeTakeFirstOrThrow()));
    if (!gone || !kept) throw new Error('no contacts');
    const message = (contactId: number) => ({ contact_id: contactId, channel: 'telegram', recipient: String(contactId), payload: JSON.stringify({ text: 'Salam' }) });
    await t.db.insertInto('outbox').values([message(gone.id), message(gone.id), message(kept.id)]).execute();
    await t.db.deleteFrom('contacts').where('id', '=', gone.id).execute();
    const left = await sql<{ contact_id: number; n: number }>`select contact_id, count(*)::int as n from outbox group by contact_id`.execute(t.db);
    expect(left.rows).toEqual([{ contact_id: kept.id, n: 1 }]);
  });

  it('are written without a foreign-key check (none is declared)', async () => {
    const keys = await sql<{ conname: string }>`select conname from pg_constraint where conrelid = 'outbox'::regclass and contype = 'f' and conname like '%contact%'`.execute(t.db);
    expect(keys.rows).toEqual([]);
  });
});

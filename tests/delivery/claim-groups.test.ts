// A broadcast's rows are claimed a group at a time: each statement claims the next group and marks the
// group just sent, so a message costs Postgres a fraction of a statement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelAdapter } from '../../src/channels/channel.ts';
import { TELEGRAM_CAPABILITIES } from '../../src/channels/telegram/telegram.channel.ts';
import { noPacing } from '../../src/delivery/chat-pacer.ts';
import { deliverOutboxRows } from '../../src/delivery/deliver.ts';
import { claimGroupFor } from '../../src/delivery/outbound.worker.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

async function addMessages(n: number): Promise<number[]> {
  const contact = await t.db.insertInto('contacts').values({ locale: 'fr' }).returning('id').executeTakeFirstOrThrow();
  const rows = await t.db
    .insertInto('outbox')
    .values(Array.from({ length: n }, (_, i) => ({ contact_id: contact.id, channel: 'telegram', recipient: String(7000 + i), kind: 'broadcast' as const, payload: JSON.stringify({ text: 'Annonce' }) })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

describe('claiming a job\'s rows in groups', () => {
  it('claims each group before sending it, marks it sent with the next claim, and logs every message once', async () => {
    const ids = await addMessages(25);
    // What the outbox held at each send: the statuses of the job's rows, in order.
    const seen: string[][] = [];
    const adapter: ChannelAdapter = {
      name: 'telegram',
      capabilities: TELEGRAM_CAPABILITIES,
      async send(to) {
        const rows = await t.db.selectFrom('outbox').select('status').where('id', 'in', ids).orderBy('id').execute();
        seen.push(rows.map((r) => r.status));
        return `p-${to}`;
      },
    };
    await deliverOutboxRows({ db: t.db, adapter, pacer: noPacing, claimGroup: 10 }, ids);
    const expected = (sent: number, claimedUntil: number) => ids.map((_, i) => (i < sent ? 'sent' : i < claimedUntil ? 'sending' : 'pending'));
    // The first send: its group of ten claimed, nothing marked yet; the eleventh: the first ten marked.
    expect(seen[0]).toEqual(expected(0, 10));
    expect(seen[9]).toEqual(expected(0, 10));
    expect(seen[10]).toEqual(expected(10, 20));
    expect(seen[20]).toEqual(expected(20, 25));
    expect(seen).toHaveLength(25);
    const rows = await t.db.selectFrom('outbox').select(['status', 'attempts', 'provider_id']).where('id', 'in', ids).orderBy('id').execute();
    expect(rows).toEqual(ids.map((_, i) => ({ status: 'sent', attempts: 1, provider_id: `p-${7000 + i}` })));
    const log = await t.db.selectFrom('sent_messages').select(['outbox_id', 'provider_id']).where('outbox_id', 'in', ids).orderBy('outbox_id').execute();
    expect(log).toEqual(ids.map((id, i) => ({ outbox_id: id, provider_id: `p-${7000 + i}` })));
  });
});

describe('the group a bulk job claims', () => {
  it('is about a quarter of a second of its sending: ten at 1,000 or 80 a second, three at 30, one for a slow channel', () => {
    expect([1000, 80, 30, 4, 0].map(claimGroupFor)).toEqual([10, 10, 3, 1, 1]);
  });
});

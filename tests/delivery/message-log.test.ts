// The message log (`sent_messages`) keeps every message a provider accepted. Telegram counts message
// ids per chat, so two villagers' messages often share an id; WhatsApp's ids are unique everywhere, and
// its delivery statuses find their message by the id alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createTelegramAdapter } from '../../src/channels/telegram/telegram.channel.ts';
import { noPacing } from '../../src/delivery/chat-pacer.ts';
import { applyDeliveryStatuses } from '../../src/delivery/delivery-status.ts';
import { createOutboundQueues, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { startOutboundWorker } from '../../src/delivery/outbound.worker.ts';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.ts';
import { outboxDrained } from '../support/outbox-wait.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { connection, deleteKeys, testPrefix } from '../support/test-redis.ts';

const prefix = testPrefix();
let t: TestDatabase;
let telegram: FakeTelegram;
let queues: OutboundQueues;

beforeAll(async () => {
  t = await createTestDatabase();
  telegram = await startFakeTelegram();
  queues = createOutboundQueues({ connection, prefix });
});
afterAll(async () => {
  await queues?.close();
  await telegram?.close();
  await t?.drop();
  await deleteKeys(prefix);
});

async function addMessage(channel: string, recipient: string, payload: object): Promise<number> {
  const contact = await t.db.insertInto('contacts').values({ locale: 'fr' }).returning('id').executeTakeFirstOrThrow();
  return (await t.db.insertInto('outbox').values({ contact_id: contact.id, channel, recipient, payload: JSON.stringify(payload) }).returning('id').executeTakeFirstOrThrow()).id;
}

const logOf = (ids: readonly number[]) =>
  t.db.selectFrom('sent_messages').select(['outbox_id', 'provider_id']).where('outbox_id', 'in', [...ids]).orderBy('outbox_id').orderBy('sent_at').orderBy('provider_id').execute();

describe('the message log', () => {
  it('keeps every Telegram message sent, though each chat counts its message ids from 1', async () => {
    const venue = { text: 'Le lieu', location: { lat: 31.24, lng: -6.13, name: 'Centre de santé', address: "Kelâat M'Gouna" } };
    const ids = [
      await addMessage('telegram', '8101', { text: 'Bonjour' }),
      await addMessage('telegram', '8102', { text: 'Bonjour' }),
      await addMessage('telegram', '8103', venue),
      await addMessage('telegram', '8101', venue),
    ];
    const worker = startOutboundWorker({ db: t.db, adapter: createTelegramAdapter({ token: telegram.token, apiRoot: telegram.apiRoot }), pacer: noPacing, connection, prefix, logger: pino({ level: 'silent' }), sweepAfterMs: 0 });
    try {
      // One job: sent in this order, so each chat's ids are known.
      await queues.enqueue('telegram', ids);
      await outboxDrained(t.db);
    } finally {
      await worker.close();
    }
    const [a, b, c, d] = ids;
    // Chat 8101 got messages 1 to 3; 8102 its own 1; 8103 its own 1 and 2 (the text, then the pin).
    expect(await logOf(ids)).toEqual([
      { outbox_id: a, provider_id: '1' },
      { outbox_id: b, provider_id: '1' },
      { outbox_id: c, provider_id: '1' },
      { outbox_id: c, provider_id: '2' },
      { outbox_id: d, provider_id: '2' },
      { outbox_id: d, provider_id: '3' },
    ]);
    const rows = await t.db.selectFrom('outbox').select(['id', 'status', 'provider_id']).where('id', 'in', ids).orderBy('id').execute();
    expect(rows).toEqual([
      { id: a, status: 'sent', provider_id: '1' },
      { id: b, status: 'sent', provider_id: '1' },
      { id: c, status: 'sent', provider_id: '1 2' },
      { id: d, status: 'sent', provider_id: '2 3' },
    ]);
  });

  it("still finds a WhatsApp message by its provider id alone when its status arrives", async () => {
    const first = await addMessage('whatsapp', '212600000301', { text: 'Bonjour' });
    const second = await addMessage('whatsapp', '212600000302', { text: 'Bonjour' });
    await t.db.insertInto('sent_messages').values([
      { channel: 'whatsapp', provider_id: 'wamid.A1', outbox_id: first },
      { channel: 'whatsapp', provider_id: 'wamid.B1', outbox_id: second },
    ]).execute();
    expect(await applyDeliveryStatuses(t.db, 'whatsapp', [{ providerId: 'wamid.B1', status: 'read' }, { providerId: 'wamid.unknown', status: 'read' }])).toBe(1);
    const rows = await t.db.selectFrom('outbox').select(['id', 'read_at']).where('id', 'in', [first, second]).orderBy('id').execute();
    expect(rows.map((r) => [r.id, r.read_at instanceof Date])).toEqual([[first, false], [second, true]]);
    expect(await t.db.selectFrom('sent_messages').select(['provider_id', 'status']).where('outbox_id', 'in', [first, second]).orderBy('provider_id').execute()).toEqual([
      { provider_id: 'wamid.A1', status: 'sent' },
      { provider_id: 'wamid.B1', status: 'read' },
    ]);
  });
});

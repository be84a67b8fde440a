// A villager's reply never waits behind a batch of reminders on the same channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { ChannelAdapter } from '../../src/channels/channel.ts';
import { WHATSAPP_WEB_CAPABILITIES } from '../../src/channels/whatsapp-web/whatsapp-web.channel.ts';
import { noPacing } from '../../src/delivery/chat-pacer.ts';
import { createOutboundQueues, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { startOutboundWorker } from '../../src/delivery/outbound.worker.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { outboxDrained } from '../support/outbox-wait.ts';
import { connection, deleteKeys, testPrefix } from '../support/test-redis.ts';

let t: TestDatabase;
let queues: OutboundQueues;
const prefix = testPrefix();

beforeAll(async () => {
  t = await createTestDatabase();
  queues = createOutboundQueues({ connection, prefix });
});
afterAll(async () => {
  await queues?.close();
  await t?.drop();
  await deleteKeys(prefix);
});

describe('replies first', () => {
  it('sends a reply queued after 30 reminders before the reminders still waiting, whatever holds the bulk slots', async () => {
    const contact = await t.db.insertInto('contacts').values({ locale: 'fr' }).returning('id').executeTakeFirstOrThrow();
    const add = async (text: string, kind: 'reply' | 'notification') =>
      (await t.db.insertInto('outbox').values({ contact_id: contact.id, channel: 'whatsapp_web', recipient: `${text}@c.us`, kind, payload: JSON.stringify({ text }) }).returning('id').executeTakeFirstOrThrow()).id;
    for (let i = 0; i < 30; i++) await queues.enqueue('whatsapp_web', [await add(`reminder-${i}`, 'notification')], { bulk: true });
    await queues.enqueue('whatsapp_web', [await add('reply', 'reply')]);
    const order: string[] = [];
    const adapter: ChannelAdapter = {
      name: 'whatsapp_web',
      capabilities: WHATSAPP_WEB_CAPABILITIES,
      async send(to) {
        order.push(to.replace('@c.us', ''));
        await new Promise((resolve) => setTimeout(resolve, 5));
        return `id-${order.length}`;
      },
    };
    const worker = startOutboundWorker({ db: t.db, adapter, pacer: noPacing, connection, prefix, logger: pino({ level: 'silent' }), concurrency: 1, bulkConcurrency: 1, sweepAfterMs: 0 });
    try {
      await outboxDrained(t.db);
    } finally {
      await worker.close();
    }
    expect(order).toHaveLength(31);
    // At most the one reminder already being sent when the reply was picked up goes before it.
    expect(order.indexOf('reply')).toBeLessThanOrEqual(1);
  });
});

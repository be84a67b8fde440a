// Messages waiting for their chat's turn (one message per chat a second on Telegram) hold up no other
// chat's: the service runs enough reply slots for replies that wait, and a reminder or announcement
// waiting for its chat gives its bulk slot up meanwhile.
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import type { ChannelAdapter } from '../../src/channels/channel.ts';
import { TELEGRAM_CAPABILITIES } from '../../src/channels/telegram/telegram.channel.ts';
import { ConfigSchema } from '../../src/config/config.schema.ts';
import { redisPacer } from '../../src/delivery/chat-pacer.ts';
import { createOutboundQueues, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { replyConcurrencyFor, startOutboundWorker } from '../../src/delivery/outbound.worker.ts';
import { outboundChannels } from '../../src/runtime/outbound-channels.ts';
import { outboxDrained } from '../support/outbox-wait.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { waitUntil } from '../support/wait-until.ts';
import { connection, deleteKeys, TEST_REDIS_URL, testPrefix } from '../support/test-redis.ts';

let t: TestDatabase;
let redis: Redis;
let queues: OutboundQueues;
const prefix = testPrefix();

beforeAll(async () => {
  t = await createTestDatabase();
  redis = new Redis(TEST_REDIS_URL);
  queues = createOutboundQueues({ connection, prefix });
});
afterAll(async () => {
  await queues?.close();
  redis?.disconnect();
  await t?.drop();
  await deleteKeys(prefix);
});

/** A Telegram stand-in that notes when each chat received each message. */
function recordingChannel(): { sent: Map<string, number[]>; adapter: ChannelAdapter } {
  const sent = new Map<string, number[]>();
  const adapter: ChannelAdapter = {
    name: 'telegram',
    capabilities: TELEGRAM_CAPABILITIES,
    async send(to) {
      sent.set(to, [...(sent.get(to) ?? []), performance.now()]);
      return `m${performance.now()}`;
    },
  };
  return { sent, adapter };
}

describe('reply slots', () => {
  it('are enough for a channel\'s rate while each reply waits up to its chat\'s interval', () => {
    expect(replyConcurrencyFor(30, 1000)).toBe(38);
    expect(replyConcurrencyFor(80, 0)).toBe(20);
    expect(replyConcurrencyFor(5, 1000)).toBe(8);
    expect(replyConcurrencyFor(1000, 1000)).toBe(256);
  });

  it('send a reply to one chat at once while 12 replies to another wait a second each for their turn', async () => {
    // The service's Telegram channel as its settings build it, with a stand-in for the Bot API.
    const config = ConfigSchema.parse({ DATABASE_URL: t.url, REDIS_URL: TEST_REDIS_URL, TELEGRAM_BOT_TOKEN: '123456:TEST-token-abcdefghijklmnopqrst' });
    const telegram = outboundChannels(config, redis, prefix).telegram;
    if (!telegram) throw new Error('no Telegram channel built');
    const { sent: sentAt, adapter } = recordingChannel();
    const contact = await t.db.insertInto('contacts').values({ locale: 'fr' }).returning('id').executeTakeFirstOrThrow();
    const add = async (chat: string) =>
      (await t.db.insertInto('outbox').values({ contact_id: contact.id, channel: 'telegram', recipient: chat, payload: JSON.stringify({ text: 'Merci' }) }).returning('id').executeTakeFirstOrThrow()).id;
    // A villager tapping faster than Telegram lets a chat receive: 12 replies, a second apart at best.
    for (let i = 0; i < 12; i++) await queues.enqueue('telegram', [await add('111')]);
    const worker = startOutboundWorker({ db: t.db, adapter, pacer: telegram.pacer, concurrency: telegram.concurrency, connection, prefix, logger: pino({ level: 'silent' }), sweepAfterMs: 0 });
    try {
      await waitUntil(() => (sentAt.get('111')?.length ?? 0) >= 2, 'the quick villager\'s first replies', 10_000, 10);
      const queuedAt = performance.now();
      await queues.enqueue('telegram', [await add('222')]);
      await waitUntil(() => sentAt.has('222'), 'the other villager\'s reply', 30_000, 10);
      // With 8 slots it waited for the quick villager's replies ahead of it, a second each.
      expect((sentAt.get('222')?.[0] ?? Infinity) - queuedAt).toBeLessThan(1000);
      expect(sentAt.get('111')?.length).toBeLessThan(12);
      await waitUntil(() => sentAt.get('111')?.length === 12, 'the quick villager\'s replies', 30_000, 50);
    } finally {
      await worker.close();
    }
  }, 60_000);
});

describe('bulk messages in several parts', () => {
  it('leave 20 two-part reminders on two bulk slots in a few seconds, each chat\'s parts a second apart, each once', async () => {
    const { sent, adapter } = recordingChannel();
    await t.db.deleteFrom('outbox').execute();
    const contact = await t.db.insertInto('contacts').values({ locale: 'fr' }).returning('id').executeTakeFirstOrThrow();
    const reminder = { text: 'Rappel : votre rendez-vous est demain.', location: { lat: 31.24, lng: -6.13, name: 'Centre de santé' } };
    for (let i = 0; i < 20; i++) {
      const row = await t.db.insertInto('outbox').values({ contact_id: contact.id, channel: 'telegram', recipient: String(700 + i), kind: 'notification', payload: JSON.stringify(reminder) }).returning('id').executeTakeFirstOrThrow();
      await queues.enqueue('telegram', [row.id], { bulk: true });
    }
    const pacer = redisPacer(redis, { prefix, perSecond: 1000, chatIntervalMs: 1000 });
    const started = performance.now();
    const worker = startOutboundWorker({ db: t.db, adapter, pacer, connection, prefix, logger: pino({ level: 'silent' }), concurrency: 1, bulkConcurrency: 2, sweepAfterMs: 0 });
    try {
      await outboxDrained(t.db, 30_000);
    } finally {
      await worker.close();
    }
    const seconds = (performance.now() - started) / 1000;
    // Holding a slot through each chat's second, two slots took ten seconds for twenty chats.
    expect(seconds).toBeLessThan(5);
    expect([...sent.values()].map((times) => times.length)).toEqual(Array.from({ length: 20 }, () => 2));
    for (const [first = 0, second = 0] of sent.values()) expect(second - first).toBeGreaterThanOrEqual(950);
    const rows = await t.db.selectFrom('outbox').select(['status', 'provider_id']).execute();
    expect(rows.every((r) => r.status === 'sent' && r.provider_id?.split(' ').length === 2)).toBe(true);
  }, 60_000);
});

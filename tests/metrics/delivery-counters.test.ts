// What holds sends back, counted per channel: the pacer's waits (the chat's interval, a 429's hold)
// and the provider's 429s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { RetryAfterError, type ChannelAdapter } from '../../src/channels/channel.ts';
import { TELEGRAM_CAPABILITIES } from '../../src/channels/telegram/telegram.channel.ts';
import { redisPacer } from '../../src/delivery/chat-pacer.ts';
import { createOutboundQueues, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { startOutboundWorker } from '../../src/delivery/outbound.worker.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { createMetrics } from '../../src/metrics/prometheus-metrics.ts';
import { parsePrometheusText, valueOf } from '../support/prometheus-text.ts';
import { outboxDrained } from '../support/outbox-wait.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { connection, deleteKeys, TEST_REDIS_URL, testPrefix } from '../support/test-redis.ts';

const prefix = testPrefix();
let t: TestDatabase;
let redis: Redis;
let queues: OutboundQueues;
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

async function queueMessages(recipients: readonly string[], reply: object = { text: 'Rappel' }): Promise<number[]> {
  const contact = await t.db.insertInto('contacts').values({ locale: 'fr' }).returning('id').executeTakeFirstOrThrow();
  const rows = await t.db.insertInto('outbox').values(recipients.map((recipient) => ({ contact_id: contact.id, channel: 'telegram', recipient, payload: JSON.stringify(reply) }))).returning('id').execute();
  return rows.map((r) => r.id);
}

/** Delivers the queued jobs through `adapter` with a pacer of its own, then reads the counters. */
async function deliverAll(adapter: ChannelAdapter, chatIntervalMs: number, metrics = createMetrics()) {
  const pacer = redisPacer(redis, { prefix: `${prefix}:${chatIntervalMs}`, perSecond: 0, chatIntervalMs });
  const worker = startOutboundWorker({ db: t.db, adapter, pacer, connection, prefix, logger: createLogger('silent'), concurrency: 1, sweepAfterMs: 0, metrics });
  try {
    await outboxDrained(t.db);
  } finally {
    await worker.close();
  }
  return parsePrometheusText(await metrics.scrape());
}

describe('the pacer', () => {
  it('counts each send it held for its slot, and for how long', async () => {
    const adapter: ChannelAdapter = { name: 'telegram', capabilities: TELEGRAM_CAPABILITIES, send: async () => 'm' };
    // Three messages to one chat in one job, 300 ms apart at the least: the second and the third wait. (The
    // first waits too when Redis answered it over 20 ms late, on a loaded machine: the pacer then takes a fresh slot.)
    await queues.enqueue('telegram', await queueMessages(['4141', '4141', '4141']));
    const samples = await deliverAll(adapter, 300);
    const held = valueOf(samples, 'qafila_pacer_delayed_sends_total', { channel: 'telegram' });
    expect(held).toBeGreaterThanOrEqual(2);
    expect(held).toBeLessThanOrEqual(3);
    // At least the two intervals, less the time the sends themselves took.
    const waited = valueOf(samples, 'qafila_pacer_wait_seconds_total', { channel: 'telegram' });
    expect(waited).toBeGreaterThan(0.25);
    expect(waited).toBeLessThan(5);
    expect(valueOf(samples, 'qafila_messages_sent_total', { channel: 'telegram' })).toBe(3);
  });
});

describe('the reply latency', () => {
  it('is measured once per message answered, to the first part of its first reply, however many parts and replies follow', async () => {
    let wall = 5_000_000;
    const metrics = createMetrics({ now: () => wall });
    // A reply with the venue (a text, then a location on Telegram), and a second reply after it.
    const [first, second] = await queueMessages(['4343', '4343'], { text: 'Votre rendez-vous', location: { lat: 31.24, lng: -6.13, name: 'Centre de santé' } });
    await queues.enqueue('telegram', [first ?? 0, second ?? 0], { receivedAt: wall });
    const parts: string[] = [];
    const adapter: ChannelAdapter = {
      name: 'telegram',
      capabilities: TELEGRAM_CAPABILITIES,
      async send(_to, part) {
        // Each part is accepted 400 ms after the one before; the first 400 ms after the message came in.
        wall += 400;
        return `m${parts.push(part.kind)}`;
      },
    };
    const samples = await deliverAll(adapter, 0, metrics);
    expect(parts).toEqual(['text', 'location', 'text', 'location']);
    expect(valueOf(samples, 'qafila_reply_latency_seconds_count', { channel: 'telegram' })).toBe(1);
    expect(valueOf(samples, 'qafila_reply_latency_seconds_sum', { channel: 'telegram' })).toBe(0.4);
    expect(valueOf(samples, 'qafila_messages_sent_total', { channel: 'telegram' })).toBe(2);
  });
});

describe("a provider's 429", () => {
  it('is counted once, on its channel, and the message still goes after the wait', async () => {
    let calls = 0;
    const adapter: ChannelAdapter = {
      name: 'telegram',
      capabilities: TELEGRAM_CAPABILITIES,
      async send() {
        calls++;
        if (calls === 1) throw new RetryAfterError(500, 'Too Many Requests: retry after 0.5');
        return `m${calls}`;
      },
    };
    await queues.enqueue('telegram', await queueMessages(['4242']));
    const samples = await deliverAll(adapter, 0);
    expect(valueOf(samples, 'qafila_provider_throttled_total', { channel: 'telegram' })).toBe(1);
    expect(valueOf(samples, 'qafila_provider_throttled_total', { channel: 'whatsapp' })).toBe(0);
    expect(valueOf(samples, 'qafila_messages_sent_total', { channel: 'telegram' })).toBe(1);
    expect(calls).toBe(2);
  });
});

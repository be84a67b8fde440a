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

async function queueMessages(recipients: readonly string[]): Promise<number[]> {
  const contact = await t.db.insertInto('contacts').values({ locale: 'fr' }).returning('id').executeTakeFirstOrThrow();
  const rows = await t.db.insertInto('outbox').values(recipients.map((recipient) => ({ contact_id: contact.id, channel: 'telegram', recipient, payload: JSON.stringify({ text: 'Rappel' }) }))).returning('id').execute();
  return rows.map((r) => r.id);
}

/** Delivers the queued jobs through `adapter` with a pacer of its own, then reads the counters. */
async function deliverAll(adapter: ChannelAdapter, chatIntervalMs: number) {
  const metrics = createMetrics();
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
    // Three messages to one chat in one job, 300 ms apart at the least; the first goes at once.
    await queues.enqueue('telegram', await queueMessages(['4141', '4141', '4141']));
    const samples = await deliverAll(adapter, 300);
    expect(valueOf(samples, 'qafila_pacer_delayed_sends_total', { channel: 'telegram' })).toBe(2);
    const waited = valueOf(samples, 'qafila_pacer_wait_seconds_total', { channel: 'telegram' });
    expect(waited).toBeGreaterThan(0.5);
    expect(waited).toBeLessThan(1.5);
    expect(valueOf(samples, 'qafila_messages_sent_total', { channel: 'telegram' })).toBe(3);
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

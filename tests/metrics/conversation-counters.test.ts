// The counters move as villagers use the service: a message in through a channel, its reply out and
// how long it took, a place taken, a place refused and why, an emergency answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { ChannelAdapter } from '../../src/channels/channel.ts';
import { createReceiver } from '../../src/channels/receive.ts';
import { TELEGRAM_CAPABILITIES } from '../../src/channels/telegram/telegram.channel.ts';
import { noPacing } from '../../src/delivery/chat-pacer.ts';
import { createOutboundQueues, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { startOutboundWorker } from '../../src/delivery/outbound.worker.ts';
import { buildServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { createMetrics } from '../../src/metrics/prometheus-metrics.ts';
import { addDays, bookEyeConsultation, conversationDeps, registerUpToWindow, seedConversationCampaigns, START, START_DAY, Villager } from '../support/conversation-harness.ts';
import { outboxDrained } from '../support/outbox-wait.ts';
import { scrape, valueOf } from '../support/prometheus-text.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { connection, deleteKeys, testPrefix } from '../support/test-redis.ts';

const TOKEN = 'scraper-token-0123456789';
const prefix = testPrefix();
/** The clock reply latency is measured on, moved by hand. */
let wall = 1_000_000;
const metrics = createMetrics({ now: () => wall });

let t: TestDatabase;
let queues: OutboundQueues;
let app: FastifyInstance;
beforeAll(async () => {
  t = await createTestDatabase();
  // One place a window: two villagers after the same one make a refusal.
  await seedConversationCampaigns(t.db, 1);
  queues = createOutboundQueues({ connection, prefix });
  app = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock: { now: () => START }, logger: createLogger('silent'), timeZone: 'Africa/Casablanca', metrics: { page: metrics, token: TOKEN } });
});
afterAll(async () => {
  await app?.close();
  await queues?.close();
  await t?.drop();
  await deleteKeys(prefix);
});

const counted = async (name: string, labels: Record<string, string> = {}) => valueOf(await scrape(app, TOKEN), name, labels);
const withMetrics = () => ({ ...conversationDeps(t.db), metrics });

describe('a villager writing', () => {
  it('on Telegram counts the message in once, however often the provider delivers it, its replies out, and the time until the provider accepted the first', async () => {
    const receive = createReceiver({ conversation: withMetrics(), queues, metrics });
    const before = { in: await counted('qafila_messages_received_total', { channel: 'telegram' }), out: await counted('qafila_messages_sent_total', { channel: 'telegram' }) };
    await receive({ channel: 'telegram', from: '81001', text: 'Bonjour', providerId: 'update-1' });
    await receive({ channel: 'telegram', from: '81001', text: 'Bonjour', providerId: 'update-1' }); // Telegram retries its webhook
    expect(await counted('qafila_messages_received_total', { channel: 'telegram' })).toBe(before.in + 1);

    // The provider accepts the reply a second and a half after the message came in.
    wall += 1500;
    const accepted: string[] = [];
    const adapter: ChannelAdapter = { name: 'telegram', capabilities: TELEGRAM_CAPABILITIES, send: async (to) => `m${accepted.push(to)}` };
    const worker = startOutboundWorker({ db: t.db, adapter, pacer: noPacing, connection, prefix, logger: createLogger('silent'), sweepAfterMs: 0, metrics });
    try {
      await outboxDrained(t.db);
    } finally {
      await worker.close();
    }
    const sent = await t.db.selectFrom('outbox').select('id').where('recipient', '=', '81001').where('status', '=', 'sent').execute();
    expect(sent.length).toBeGreaterThan(0);
    expect(await counted('qafila_messages_sent_total', { channel: 'telegram' })).toBe(before.out + sent.length);
    const samples = await scrape(app, TOKEN);
    expect(valueOf(samples, 'qafila_reply_latency_seconds_count', { channel: 'telegram' })).toBe(1);
    expect(valueOf(samples, 'qafila_reply_latency_seconds_sum', { channel: 'telegram' })).toBe(1.5);
    expect(valueOf(samples, 'qafila_reply_latency_seconds_bucket', { channel: 'telegram', le: '1' })).toBe(0);
    expect(valueOf(samples, 'qafila_reply_latency_seconds_bucket', { channel: 'telegram', le: '2.5' })).toBe(1);
  });

  it('counts a message the flood limit turned away too: it came in', async () => {
    const flooded = createReceiver({ conversation: withMetrics(), queues, metrics, flood: { check: async () => 'drop' } });
    const before = await counted('qafila_messages_received_total', { channel: 'whatsapp' });
    expect(await flooded({ channel: 'whatsapp', from: '212600000904', text: 'allo', providerId: 'wamid.flood-1' })).toEqual({ throttled: true });
    expect(await counted('qafila_messages_received_total', { channel: 'whatsapp' })).toBe(before + 1);
  });
});

describe('bookings', () => {
  it('counts a place taken, and a place refused by its reason when another villager took it first', async () => {
    const day = addDays(START_DAY, 13);
    const late = new Villager(withMetrics(), '+212600000901');
    await late.onboard('fr');
    await registerUpToWindow(late, { name: 'Said Ouali', sex: 'male', age: 60, day });
    await late.send('1'); // the only window: one place left, and the summary to confirm
    const before = { booked: await counted('qafila_bookings_total', { channel: 'terminal' }), full: await counted('qafila_booking_refusals_total', { action: 'book', reason: 'slot_full' }) };

    const first = new Villager(withMetrics(), '+212600000902');
    await first.onboard('fr');
    await bookEyeConsultation(first, { name: 'Naima Ouali', sex: 'female', age: 55, day });
    expect(await counted('qafila_bookings_total', { channel: 'terminal' })).toBe(before.booked + 1);

    await late.choose('confirm');
    expect(await counted('qafila_booking_refusals_total', { action: 'book', reason: 'slot_full' })).toBe(before.full + 1);
    expect(await counted('qafila_bookings_total', { channel: 'terminal' })).toBe(before.booked + 1);
  });
});

describe('emergencies', () => {
  it('counts an emergency answered with the numbers, even in a first message before any consent', async () => {
    const before = await counted('qafila_emergencies_total', { channel: 'terminal' });
    const v = new Villager(withMetrics(), '+212600000903');
    const replies = await v.send('urgence mon père est tombé');
    expect(replies[0]?.text).toContain('141');
    expect(await counted('qafila_emergencies_total', { channel: 'terminal' })).toBe(before + 1);
    await v.send('Bonjour'); // not an emergency
    expect(await counted('qafila_emergencies_total', { channel: 'terminal' })).toBe(before + 1);
  });
});

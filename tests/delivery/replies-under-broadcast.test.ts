// Replies first, measured: a 10,000-recipient broadcast fills a channel limited to 100 messages a second
// while 50 villagers book through it. Their replies must not queue behind the announcement.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { pino } from 'pino';
import type { ChannelAdapter, ParsedInbound } from '../../src/channels/channel.ts';
import { createReceiver } from '../../src/channels/receive.ts';
import { TELEGRAM_CAPABILITIES } from '../../src/channels/telegram/telegram.channel.ts';
import { redisPacer } from '../../src/delivery/chat-pacer.ts';
import { createOutboundQueues, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { bulkConcurrencyFor, claimGroupFor, startOutboundWorker } from '../../src/delivery/outbound.worker.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { createBroadcastPages, type BroadcastPages } from '../../src/scheduling/broadcast.queue.ts';
import { startBroadcastWorker } from '../../src/scheduling/broadcast.worker.ts';
import { broadcastProgress, cancelBroadcast, createBroadcast } from '../../src/scheduling/broadcasts.ts';
import { ensureOrganisation } from '../support/fixtures.ts';
import { conversationDeps, seedConversationCampaigns, START } from '../support/conversation-harness.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { waitUntil } from '../support/wait-until.ts';
import { connection, deleteKeys, TEST_REDIS_URL, testPrefix } from '../support/test-redis.ts';

const prefix = testPrefix();
const RATE = 100;
const RECIPIENTS = 10_000;
const VILLAGERS = 50;
const staff = { kind: 'staff' as const, id: 1 };
let t: TestDatabase;
let redis: Redis;
let queues: OutboundQueues;
let pages: BroadcastPages;

beforeAll(async () => {
  t = await createTestDatabase();
  redis = new Redis(TEST_REDIS_URL);
  queues = createOutboundQueues({ connection, prefix });
  pages = createBroadcastPages({ connection, prefix });
});
afterAll(async () => {
  await queues?.close();
  await pages?.close();
  redis?.disconnect();
  await t?.drop();
  await deleteKeys(prefix);
});

const percentile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN;

describe('replies during a broadcast', () => {
  it('leave ahead of a 10,000-recipient broadcast on a channel limited to 100 a second', async () => {
    const { caravanId } = await seedConversationCampaigns(t.db, 1000);
    const ORG = await ensureOrganisation(t.db, 'test-association');
    await sql`
      with c as (insert into contacts (locale, consent_at) select (array['ary', 'ary-Latn', 'ar', 'fr'])[1 + g % 4], now() from generate_series(1, ${RECIPIENTS}::int) g returning id),
      i as (insert into contact_identities (channel, external_id, contact_id) select 'telegram', (1000000 + id)::text, id from c)
      insert into alert_subscriptions (contact_id, province_code) select id, 'tinghir' from c`.execute(t.db);

    // The channel: every send stamped; villagers' chats are 'v1'..'v50', the broadcast's are numbers.
    const bulkSent: number[] = [];
    const replySent = new Map<string, number[]>();
    const channel: ChannelAdapter = {
      name: 'telegram',
      capabilities: TELEGRAM_CAPABILITIES,
      async send(to) {
        if (to.startsWith('v')) replySent.get(to)?.push(performance.now());
        else bulkSent.push(performance.now());
        return randomUUID();
      },
    };
    const logger = pino({ level: 'silent' });
    const pacer = redisPacer(redis, { prefix, perSecond: RATE, chatIntervalMs: 0 });
    const delivery = startOutboundWorker({ db: t.db, adapter: channel, pacer, bulkConcurrency: bulkConcurrencyFor(RATE), bulkClaimGroup: claimGroupFor(RATE), connection, prefix, logger, queues, sweepAfterMs: 0 });
    // The broadcast runs on the machine's clock, at whatever hour the test runs: no quiet hours here.
    const fanout = startBroadcastWorker({ connection, prefix, db: t.db, t: createTranslator(loadResources()), outbound: queues, pages, logger, zone: 'Africa/Casablanca', quiet: { from: '00:00', until: '00:00' } });
    const receive = createReceiver({ conversation: conversationDeps(t.db, undefined, { reportMissing: false }), queues });

    const b = await createBroadcast(t.db, staff, ORG, { audience: { provinces: ['tinghir'] }, texts: { fr: 'La caravane arrive le 14 décembre.', ar: 'القافلة تصل يوم 14 دجنبر.' } }, START);
    expect(b.targeted).toBe(RECIPIENTS);
    await pages.start(b.id);
    // The announcement first fills the channel.
    await waitUntil(() => bulkSent.length >= 2 * RATE, 'the broadcast to fill the channel', 30_000, 50);

    type Step = { text: string } | { choice: string };
    const journey: Step[] = [
      { text: 'salam' }, { choice: 'accept' }, { choice: 'register' }, { choice: 'self' }, { text: 'Amina Amrani' }, { choice: 'female' }, { text: '33' },
      { text: 'Ait Sedrate' }, { text: 'Tinghir' }, { choice: `c${caravanId}` }, { choice: 'ophthalmology' }, { choice: '2026-12-14' }, { text: '1' }, { choice: 'confirm' },
    ];
    /** From the villager's message arriving to each reply leaving, and how many broadcast messages left in between once it was queued. */
    const latencies: number[] = [];
    const overtakenBy: number[] = [];
    const queueWaits: number[] = [];
    const backlog: number[] = [];
    const handling: number[] = [];
    let nextId = 1;
    const chatStarted = performance.now();
    const bulkBefore = bulkSent.length;
    await Promise.all(
      Array.from({ length: VILLAGERS }, async (_, i) => {
        const chat = `v${i + 1}`;
        const mine: number[] = [];
        replySent.set(chat, mine);
        await sleep((i * 5000) / VILLAGERS); // people do not all start in the same second
        for (const step of journey) {
          const arrived = performance.now();
          const inbound: ParsedInbound = { channel: 'telegram', from: chat, providerId: `u${nextId++}`, ...step };
          const before = mine.length;
          const result = await receive(inbound);
          const queuedAt = performance.now();
          const bulkAtQueue = bulkSent.length;
          const replies = 'replies' in result ? result.replies.length : 0;
          expect(replies).toBeGreaterThan(0);
          await waitUntil(() => mine.length >= before + replies, `the replies to ${chat}`, 30_000, 5);
          handling.push(queuedAt - arrived);
          for (const at of mine.slice(before, before + replies)) {
            latencies.push(at - arrived);
            queueWaits.push(at - queuedAt);
            overtakenBy.push(bulkSent.filter((s) => s > queuedAt && s < at).length);
            backlog.push(RECIPIENTS - bulkAtQueue);
          }
          await sleep(1000 + Math.random() * 1000); // reading the answer, typing the next: quick people
        }
      }),
    );
    const chatSeconds = (performance.now() - chatStarted) / 1000;
    const bulkDuring = bulkSent.length - bulkBefore;
    const progress = await broadcastProgress(t.db, ORG, b.id);
    await cancelBroadcast(t.db, staff, ORG, b.id);
    await Promise.all([delivery.close(), fanout.close()]);

    const p99 = percentile(latencies, 0.99);
    console.info(
      `${latencies.length} replies to ${VILLAGERS} villagers in ${chatSeconds.toFixed(1)} s while ${bulkDuring} broadcast messages left: ` +
        `p50 ${percentile(latencies, 0.5).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms; ` +
        `handling p99 ${percentile(handling, 0.99).toFixed(0)} ms, in the queue p99 ${percentile(queueWaits, 0.99).toFixed(0)} ms; ` +
        `broadcast messages overtaking a queued reply: at most ${Math.max(...overtakenBy)}`,
    );
    const booked = await sql<{ n: number }>`select count(*)::int as n from appointments where status = 'booked'`.execute(t.db);
    expect(booked.rows[0]?.n).toBe(VILLAGERS);
    // The broadcast kept going all along, and was far from done: the channel was shared, not handed over.
    expect(progress?.sent ?? RECIPIENTS).toBeLessThan(RECIPIENTS);
    expect(bulkDuring).toBeGreaterThan(0);
    // No reply waited behind the broadcast: thousands of its messages were waiting when each reply was
    // queued, and fewer than the channel sends in one second left before the reply did.
    expect(Math.min(...backlog)).toBeGreaterThan(RECIPIENTS / 2);
    expect(Math.max(...overtakenBy)).toBeLessThan(RATE);
  }, 120_000);
});

// `npm run bench:webhook`: Telegram webhooks end to end, and the pace of delivery. One JSON line on stdout.
//
// 1. 200 villagers book through POST /webhooks/telegram on a listening server (secret check, dedupe,
//    conversation, outbox, enqueue), flat out for requests_per_s, then paced at --rate requests per
//    second in all (default 300, the target load) for the latency a villager's update sees.
// 2. --replies (default 3,000) replies to 300 chats delivered by the outbound worker to a local Bot API
//    server through grammY: the most sent in any sliding second, and the average rate.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { sql } from 'kysely';
import { redisFloodGuard } from '../src/channels/flood-guard.ts';
import { createReceiver } from '../src/channels/receive.ts';
import { createTelegramAdapter } from '../src/channels/telegram/telegram.channel.ts';
import { redisPacer } from '../src/delivery/chat-pacer.ts';
import { createOutboundQueues } from '../src/delivery/outbound.queue.ts';
import { startOutboundWorker } from '../src/delivery/outbound.worker.ts';
import { buildServer } from '../src/http/server.ts';
import { TELEGRAM_WEBHOOK_PATH } from '../src/http/telegram-webhook.routes.ts';
import { createTestDatabase } from '../tests/support/test-database.ts';
import { conversationDeps, seedConversationCampaigns } from '../tests/support/conversation-harness.ts';
import { startFakeTelegram } from '../tests/support/fake-telegram.ts';
import { maxInAnyWindow } from './rate-window.ts';

const { values } = parseArgs({
  options: {
    villagers: { type: 'string', default: '200' },
    rate: { type: 'string', default: '300' },
    replies: { type: 'string', default: '3000' },
    pool: { type: 'string', default: '10' },
  },
});
const villagers = Number(values.villagers);
const rate = Number(values.rate);
const replies = Number(values.replies);
const SECRET = 'bench-secret-0123456789';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const log = (line: string) => process.stderr.write(`${line}\n`);
const percentile = (sorted: number[], q: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;

const t = await createTestDatabase({ poolSize: Number(values.pool) });
const telegram = await startFakeTelegram();
const redis = new Redis(REDIS_URL);
const prefix = `qafila-bench-${randomUUID()}`;
const connection = { url: REDIS_URL, maxRetriesPerRequest: null };
const queues = createOutboundQueues({ connection, prefix });
const logger = pino({ level: 'silent' });
const adapter = createTelegramAdapter({ token: telegram.token, apiRoot: telegram.apiRoot });
try {
  const { caravanId } = await seedConversationCampaigns(t.db, 100_000);
  // Simulated villagers type far faster than people: the per-person flood limit is raised for them.
  const flood = redisFloodGuard(redis, { prefix, limit: 100_000, windowMs: 60_000 });
  const receive = createReceiver({ conversation: conversationDeps(t.db, undefined, { reportMissing: false }), queues, flood });
  const app = buildServer({ db: t.db, redis, clock: { now: () => new Date() }, logger, timeZone: 'Africa/Casablanca', telegram: { secretToken: SECRET, receive, chats: { answerGroup: async () => undefined, setBlocked: async () => undefined }, answerCallback: async () => true } });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });

  let updateId = 1;
  type Step = { text: string } | { data: string };
  const journey = (): Step[] => [
    { text: 'salam' }, { data: 'accept' }, { data: 'register' }, { data: 'self' }, { text: 'Amina Amrani' }, { data: 'female' }, { text: '33' },
    { text: 'Ait Sedrate' }, { text: 'Tinghir' }, { data: `c${caravanId}` }, { data: 'ophthalmology' }, { data: '2026-12-14' }, { text: '1' }, { data: 'confirm' },
  ];
  const update = (chat: number, step: Step) => {
    const id = updateId++;
    const user = { id: chat, is_bot: false, first_name: 'A' };
    return 'text' in step
      ? { update_id: id, message: { message_id: id, date: 0, chat: { id: chat, type: 'private' }, from: user, text: step.text } }
      : { update_id: id, callback_query: { id: `cb${id}`, from: user, chat_instance: 'x', data: step.data, message: { message_id: 1, date: 0, chat: { id: chat, type: 'private' } } } };
  };
  const post = async (chat: number, step: Step) => {
    const response = await fetch(`${base}${TELEGRAM_WEBHOOK_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(update(chat, step)),
    });
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}: ${await response.text()}`);
  };

  /** Every villager's journey; paced villagers start at different steps (walked first, unmeasured). */
  async function run(firstChat: number, gapMs: number) {
    const people = Array.from({ length: villagers }, (_, i) => ({ chat: firstChat + i, steps: journey() }));
    if (gapMs > 0) await Promise.all(people.map(async (p, i) => { for (const s of p.steps.splice(0, i % 12)) await post(p.chat, s); }));
    const sends: Array<{ at: number; ms: number }> = [];
    let firstDone = Infinity;
    const started = performance.now();
    await Promise.all(people.map(async ({ chat, steps }, i) => {
      let due = started + (gapMs * i) / villagers;
      for (const step of steps) {
        if (gapMs > 0) await sleep(Math.max(0, due - performance.now()));
        const at = performance.now();
        await post(chat, step);
        sends.push({ at, ms: performance.now() - at });
        due += gapMs;
      }
      firstDone = Math.min(firstDone, performance.now());
    }));
    // Only while every villager is still talking is the load the one asked for.
    const counted = sends.filter((s) => s.at < firstDone);
    return { latencies: counted.map((s) => s.ms).sort((a, b) => a - b), seconds: (firstDone - started) / 1000 };
  }

  await run(900_000, 0); // warm-up
  const flat = await run(100_000, 0);
  log(`flat out: ${flat.latencies.length} webhook requests in ${flat.seconds.toFixed(1)} s`);
  const paced = await run(200_000, (1000 * villagers) / rate);
  log(`paced: ${paced.latencies.length} requests in ${paced.seconds.toFixed(1)} s`);
  await app.close();

  // Part 2: a backlog of replies to 300 chats, delivered at Telegram's pace.
  await sql`update outbox set status = 'cancelled' where status = 'pending'`.execute(t.db);
  await queues.close();
  const deliveryQueues = createOutboundQueues({ connection, prefix: `${prefix}-delivery` });
  const contactIds = (await sql<{ id: number }>`insert into contacts (locale) select 'fr' from generate_series(1, 300) returning id`.execute(t.db)).rows.map((r) => r.id);
  const rows = await sql<{ id: number }>`
    insert into outbox (contact_id, channel, recipient, payload)
    select c.id, 'telegram', (500000 + c.n)::text, ${JSON.stringify({ text: 'Rappel : votre rendez-vous est demain.' })}::jsonb
    from (select id, row_number() over (order by id) as n from contacts where id = any(${contactIds})) c, generate_series(1, ${Math.ceil(replies / 300)}) g
    order by g, c.id limit ${replies} returning id`.execute(t.db);
  for (const r of rows.rows) await deliveryQueues.enqueue('telegram', [r.id]);
  telegram.calls.length = 0;
  const pacer = redisPacer(redis, { prefix: `${prefix}-delivery`, perSecond: 30, chatIntervalMs: 1000, margin: 0.06 }); // as the service paces Telegram
  const worker = startOutboundWorker({ db: t.db, adapter, pacer, connection, prefix: `${prefix}-delivery`, logger, concurrency: 32, sweepAfterMs: 0 });
  const deliveryStarted = Date.now();
  while (telegram.calls.filter((c) => c.method === 'sendMessage').length < rows.rows.length) {
    await sleep(1000);
    log(`${telegram.calls.length} of ${rows.rows.length} replies delivered`);
    if (Date.now() - deliveryStarted > 15 * 60_000) throw new Error('delivery did not finish in 15 minutes');
  }
  await worker.close();
  await deliveryQueues.close();
  const times = telegram.calls.filter((c) => c.method === 'sendMessage').map((c) => c.at);
  const spanS = (Math.max(...times) - Math.min(...times)) / 1000;

  process.stdout.write(
    `${JSON.stringify({
      requests_per_s: Math.round(flat.latencies.length / flat.seconds),
      p50_ms: percentile(paced.latencies, 0.5),
      p99_ms: percentile(paced.latencies, 0.99),
      pacing_max_per_s: maxInAnyWindow(times, 1000),
      pacing_avg_per_s: Math.round(((times.length - 1) / spanS) * 10) / 10,
      paced_rate_per_s: Math.round(paced.latencies.length / paced.seconds),
      saturated_p50_ms: percentile(flat.latencies, 0.5),
      saturated_p99_ms: percentile(flat.latencies, 0.99),
      villagers,
      replies_delivered: times.length,
    })}\n`,
  );
} finally {
  await queues.close().catch(() => undefined);
  await telegram.close();
  redis.disconnect();
  await t.drop();
}

// `npm run bench:soak`: a season of the service in a few minutes, on real service and worker processes
// (`npm start` with WORKERS_IN_PROCESS=false, and `npm run worker` processes), a local Bot API and a scratch database.
// One JSON line at the end of stdout; progress on stderr.
//
// Villagers behave as people do: each message waits for its reply (its first message reaching the Bot
// API), then a moment to read and type. --concurrency (200) of them at a time.
// Two worker processes by default: WORKER_LANES=replies and WORKER_LANES=bulk (--lanes one: a single worker).
// 1. --villagers (2,000) book an eye consultation through POST /webhooks/telegram, from "Bonjour" to the
//    confirmation (14 messages each, 1 to 2 s apart).
// 2. Their reminders fire. The clock is controlled by moving due times to Postgres' now(), one due time
//    after the other (two days before, then the morning of the visit), as the days would pass: the
//    worker's reconciler (every 10 s here) finds them due and starts their timers, which fire at once,
//    through the service's own path (checks, text, outbox, the bulk queue). Each villager answers "1".
// 3. A --broadcast (10,000) recipient announcement to the subscribers of Tinghir (the villagers, subscribed
//    by SQL as if they had asked for alerts, and others created at the start), created through the admin
//    API. While it is delivered, --chatting (200) villagers go about the menu, a message every 3.5 to
//    5.5 s: replies_p99_ms_during_broadcast is from a POST to the first message of its reply reaching the
//    Bot API, for the messages sent and answered while the broadcast was leaving.
// 4. With all the work done: the Redis keys under the run's prefix (MEMORY USAGE summed over SCAN), and the
//    tables' growth (pg_total_relation_size with indexes and TOAST, from a VACUUM FULL before the run to
//    the end, as they stand).
// 5. The processes stopped, every time (timestamptz) column of every table is moved back RETENTION_DAYS + 1
//    days — the database as if that long had passed; calendar days are left as they are — and
//    `npm run retention` runs, as the nightly job would. After a VACUUM FULL, what the run still holds.
//
// Quiet hours are off (QUIET_HOURS=00:00-00:00) so that it runs at any hour; Telegram's limit is --rate
// messages a second (default 200: at the free 30 a second the booking phase's replies alone would take a
// quarter of an hour), one message per chat a second as Telegram asks.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { localDay } from '../src/domain/clock.ts';
import { DEFAULT_RETENTION_DAYS } from '../src/retention/retention-policy.ts';
import { seedConversationCampaigns } from '../tests/support/conversation-harness.ts';
import { startFakeTelegram, type BotApiCall } from '../tests/support/fake-telegram.ts';
import { addTestStaff } from '../tests/support/fixtures.ts';
import { runCli } from '../tests/support/run-cli.ts';
import { healthOf, startProcess, type ServiceProcess } from '../tests/support/service-process.ts';
import { createTestDatabase } from '../tests/support/test-database.ts';
import { deleteKeys, keysUnder } from '../tests/support/test-redis.ts';
import { BOOKING_JOURNEY, postUntilAcknowledged, telegramUpdate } from '../tests/support/villager-traffic.ts';

const { values } = parseArgs({
  options: {
    villagers: { type: 'string', default: '2000' },
    broadcast: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '200' },
    chatting: { type: 'string', default: '200' },
    lanes: { type: 'string', default: 'split' },
  },
});
const villagers = Number(values.villagers);
const recipients = Number(values.broadcast);
const rate = Number(values.rate);
const concurrency = Number(values.concurrency);
const chatting = Math.min(villagers, Number(values.chatting));
if (values.lanes !== 'split' && values.lanes !== 'one') throw new Error('--lanes is split (a worker for the replies, one for the rest) or one');
const lanes = values.lanes;
const ZONE = 'Africa/Casablanca';
const SECRET = 'soak-bench-webhook-secret';
const FIRST_CHAT = 100_000;
const RETENTION_DAYS = DEFAULT_RETENTION_DAYS;
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const BROADCAST = { fr: 'La caravane revient à Tinghir le mois prochain.', ar: 'القافلة تعود إلى تنغير الشهر المقبل.' };
const log = (line: string) => process.stderr.write(`${line}\n`);
const percentile = (sorted: number[], q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN);
const since = (start: number) => Math.round((Date.now() - start) / 1000);

const started = Date.now();
const t = await createTestDatabase({ poolSize: 4 });
const telegram = await startFakeTelegram();
const redis = new Redis(REDIS_URL);
const prefix = `qafila-bench-soak-${randomUUID().slice(0, 8)}`;
const processes: ServiceProcess[] = [];
const count = async (query: string) => Number((await sql<{ n: string }>`select count(*) as n from ${sql.raw(query)}`.execute(t.db)).rows[0]?.n);
/** The tables with their indexes and TOAST: what the service's rows take, without the catalogs' noise. */
const tableBytes = async () =>
  Number((await sql<{ b: string }>`
    select coalesce(sum(pg_total_relation_size(c.oid)), 0) as b from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'`.execute(t.db)).rows[0]?.b);

/** Waits until `done` says true, saying `what` and the progress every 5 s. */
async function until(what: string, done: () => Promise<boolean>, progress: () => Promise<string>, timeoutMs = 10 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastLog = Date.now();
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`${what}: not done in ${timeoutMs / 1000} s (${await progress()})`);
    if (Date.now() - lastLog > 5000) {
      lastLog = Date.now();
      log(`[${since(started)} s] ${what}: ${await progress()}`);
    }
    await sleep(250);
  }
}
const unsent = () => count(`outbox where status in ('pending', 'sending')`);
const allSent = (what: string) => until(what, async () => (await unsent()) === 0, async () => `${await unsent()} messages to send`);

// Calls to the Bot API: the broadcast's, counted, and the others, handed to the villager waiting for a reply.
const isBroadcast = (call: BotApiCall) => typeof call.payload.text === 'string' && (call.payload.text.startsWith(BROADCAST.fr) || call.payload.text.startsWith(BROADCAST.ar));
const broadcastTimes: number[] = [];
const broadcastTo = new Map<string, number>();
const waiting = new Map<string, (at: number) => void>();
telegram.listen((call) => {
  const chat = String(call.payload.chat_id);
  if (isBroadcast(call)) {
    broadcastTo.set(chat, call.at);
    return void broadcastTimes.push(call.at);
  }
  const resolve = waiting.get(chat);
  if (resolve && call.method !== 'answerCallbackQuery') {
    waiting.delete(chat);
    resolve(call.at);
  }
});

try {
  // Set-up, before the baseline: the campaigns (room for every villager on the first day), a coordinator,
  // and the broadcast's recipients who are not villagers.
  await seedConversationCampaigns(t.db, villagers, localDay(new Date(), ZONE));
  const coordinator = (await addTestStaff(t.db, { name: 'Khadija', role: 'coordinator' })).token;
  const others = Math.max(0, recipients - villagers);
  await sql`
    with c as (insert into contacts (locale, consent_at) select (array['ary', 'ary-Latn', 'ar', 'fr'])[1 + g % 4], now() from generate_series(1, ${others}::int) g returning id),
    i as (insert into contact_identities (channel, external_id, contact_id) select 'telegram', (5000000 + id)::text, id from c)
    insert into alert_subscriptions (contact_id, province_code) select id, 'tinghir' from c`.execute(t.db);
  await sql`vacuum full`.execute(t.db);
  await sql`analyze`.execute(t.db);
  const baseline = await tableBytes();

  const env = {
    DATABASE_URL: t.url,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_PER_SECOND: String(rate),
    WORKERS_IN_PROCESS: 'false',
    DATABASE_POOL_SIZE: '20',
    QUIET_HOURS: '00:00-00:00',
    RECONCILE_EVERY_MS: '10000',
    MIGRATE_ON_START: 'false',
    SIMULATOR: 'off',
    LOG_LEVEL: 'warn',
  };
  const service = await startProcess('src/main.ts', env);
  // A worker for the replies and one for the rest (--lanes split, the default), or one for all (--lanes one).
  const workers = lanes === 'split'
    ? [await startProcess('src/cli/worker.ts', { ...env, WORKER_LANES: 'replies' }), await startProcess('src/cli/worker.ts', { ...env, WORKER_LANES: 'bulk' })]
    : [await startProcess('src/cli/worker.ts', env)];
  processes.push(service, ...workers);
  await until('starting', async () => {
    if (!service.alive() || workers.some((w) => !w.alive())) throw new Error(`a process ended at start:\n${[service, ...workers].map((p) => p.output()).join('\n')}`);
    return (await healthOf(service)) === 200;
  }, async () => 'waiting for the service', 60_000);
  const url = () => service.url;

  // Villagers as people are: each message waits for its reply, then a moment to read and type.
  let messages = 0;
  let unanswered = 0;
  let updateId = 1;
  async function say(chat: number, text: string): Promise<{ at: number; ackedAt: number; repliedAt: number } | undefined> {
    const replied = new Promise<number>((resolve) => waiting.set(String(chat), resolve));
    const at = Date.now();
    await postUntilAcknowledged(url, SECRET, telegramUpdate(updateId++, chat, text));
    const ackedAt = Date.now();
    messages++;
    const repliedAt = await Promise.race([replied, sleep(30_000).then(() => undefined)]);
    if (repliedAt !== undefined) return { at, ackedAt, repliedAt };
    waiting.delete(String(chat));
    unanswered++;
    return undefined;
  }
  /** Villager i's messages, `concurrency` villagers at once. */
  async function everyVillager(what: string, texts: (i: number) => string[], thinkMs: () => number): Promise<number[]> {
    const latencies: number[] = [];
    let next = 0;
    let done = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, villagers) }, async () => {
        for (let i = next++; i < villagers; i = next++) {
          for (const text of texts(i)) {
            const r = await say(FIRST_CHAT + i, text);
            if (r) latencies.push(r.repliedAt - r.at);
            await sleep(thinkMs());
          }
          if (++done % 250 === 0) log(`[${since(started)} s] ${what}: ${done} villagers done`);
        }
      }),
    );
    return latencies.sort((a, b) => a - b);
  }

  // 1. Bookings.
  const bookingLatencies = await everyVillager('booking', (i) => BOOKING_JOURNEY(`Villageois ${i} Test`), () => 1000 + Math.random() * 1000);
  await allSent('booking replies');
  const bookings = await count(`appointments where status = 'booked'`);
  log(`[${since(started)} s] ${bookings} bookings from ${messages} messages`);

  // 2. Reminders, as the clock reaches each due time in turn (two days before, then the morning); the
  // villagers answer the last one.
  const reminders = await count(`notifications where kind = 'reminder' and status in ('pending', 'queued')`);
  const dueTimes = await sql<{ due_at: Date }>`select distinct due_at from notifications where kind = 'reminder' and status in ('pending', 'queued') order by due_at`.execute(t.db);
  const waitingReminders = () => count(`notifications where kind = 'reminder' and status in ('pending', 'queued')`);
  for (const { due_at } of dueTimes.rows) {
    await sql`update notifications set due_at = now() where kind = 'reminder' and status in ('pending', 'queued') and due_at = ${due_at}`.execute(t.db);
    await until('reminders', async () => (await count(`notifications where kind = 'reminder' and status in ('pending', 'queued') and due_at <= now()`)) === 0, async () => `${await waitingReminders()} of ${reminders} not fired`);
    await allSent('reminders');
  }
  const remindersFired = await count(`notifications where kind = 'reminder' and status = 'sent'`);
  await everyVillager('answering reminders', () => ['1'], () => 0);
  await allSent('answers to the reminders');

  // 3. The broadcast, and villagers writing while it leaves.
  await sql`
    insert into alert_subscriptions (contact_id, province_code)
    select contact_id, 'tinghir' from contact_identities
    where channel = 'telegram' and external_id::bigint between ${FIRST_CHAT} and ${FIRST_CHAT + Math.min(villagers, recipients) - 1}`.execute(t.db);
  const created = await fetch(`${service.url}/admin/api/broadcasts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${coordinator}`, 'content-type': 'application/json' },
    body: JSON.stringify({ audience: { provinces: ['tinghir'] }, texts: BROADCAST }),
  });
  const broadcast = (await created.json()) as { id: number; targeted: number };
  if (created.status !== 201) throw new Error(`the broadcast was refused: ${JSON.stringify(broadcast)}`);
  log(`[${since(started)} s] broadcast ${broadcast.id} to ${broadcast.targeted}; ${chatting} villagers writing meanwhile`);
  const samples: Array<{ chat: number; at: number; ackedAt: number; repliedAt: number }> = [];
  const menuWalk = ['0', '3', '0', '1'];
  const chatUntil = Date.now() + 10 * 60_000;
  const broadcastLeaving = () => broadcastTimes.length < broadcast.targeted && Date.now() < chatUntil;
  await Promise.all(
    Array.from({ length: chatting }, async (_, k) => {
      const chat = FIRST_CHAT + Math.floor((k * villagers) / chatting);
      await sleep(Math.random() * 4000);
      for (let step = 0; broadcastLeaving(); step++) {
        const r = await say(chat, menuWalk[step % menuWalk.length] ?? '0');
        if (r) samples.push({ chat, ...r });
        await sleep(3500 + Math.random() * 2000); // a quick person, within the flood limit
      }
    }),
  );
  await until('broadcast', async () => (await t.db.selectFrom('broadcasts').select('status').where('id', '=', broadcast.id).executeTakeFirst())?.status === 'done', async () => `${broadcastTimes.length} of ${broadcast.targeted} delivered`);
  await allSent('the rest of the broadcast');
  const [firstBroadcast = 0, lastBroadcast = 0] = [Math.min(...broadcastTimes), Math.max(...broadcastTimes)];
  const duringBroadcast = samples.filter((s) => s.at >= firstBroadcast && s.repliedAt <= lastBroadcast);
  const during = duringBroadcast.map((s) => s.repliedAt - s.at).sort((a, b) => a - b);
  const acked = duringBroadcast.map((s) => s.ackedAt - s.at).sort((a, b) => a - b);
  const delivered = duringBroadcast.map((s) => s.repliedAt - s.ackedAt).sort((a, b) => a - b);
  // Telegram's one message per chat a second: a reply right behind the announcement to the same chat waits for it.
  const behindAnnouncement = (s: { chat: number; at: number; repliedAt: number }) => {
    const to = broadcastTo.get(String(s.chat));
    return to !== undefined && to >= s.at - 1000 && to <= s.repliedAt;
  };
  const clear = duringBroadcast.filter((s) => !behindAnnouncement(s)).map((s) => s.repliedAt - s.at).sort((a, b) => a - b);

  // 4. All work done: what Redis and Postgres hold.
  const keys = await keysUnder(redis, prefix);
  const pipeline = redis.pipeline();
  for (const key of keys) pipeline.memory('USAGE', key);
  const redisBytes = ((await pipeline.exec()) ?? []).reduce((sum, [, bytes]) => sum + Number(bytes ?? 0), 0);
  const grown = (await tableBytes()) - baseline;
  log(`[${since(started)} s] Redis: ${keys.length} keys, ${redisBytes} bytes; Postgres grew ${grown} bytes`);
  for (const p of processes) p.child.kill('SIGTERM');
  const exits = await Promise.all(processes.map((p) => p.exited));
  const errors = processes.flatMap((p) => p.output().split('\n').filter((l) => /"level":(50|60)/.test(l)));
  if (errors.length > 0) log(`${errors.length} error lines from the processes, the first: ${errors[0]}`);

  // 5. As if RETENTION_DAYS had passed: every time the database holds moved back, then the retention job.
  const columns = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and data_type = 'timestamp with time zone' and table_name not like 'kysely%'`.execute(t.db);
  const byTable = new Map<string, string[]>();
  for (const c of columns.rows) byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c.column_name]);
  for (const [table, cols] of byTable) {
    const set = sql.join(cols.map((c) => sql`${sql.ref(c)} = ${sql.ref(c)} - make_interval(days => ${RETENTION_DAYS + 1})`));
    await sql`update ${sql.table(table)} set ${set}`.execute(t.db);
  }
  const retention = await runCli('retention', [], { DATABASE_URL: t.url, RETENTION_DAYS: String(RETENTION_DAYS) });
  if (retention.code !== 0) throw new Error(`npm run retention failed: ${retention.stderr}`);
  await sql`vacuum full`.execute(t.db);
  const kept = (await tableBytes()) - baseline;

  process.stdout.write(
    `${JSON.stringify({
      messages,
      pg_bytes_per_message: Math.round(grown / messages),
      redis_bytes_after: redisBytes,
      pg_bytes_after_retention: kept,
      replies_p99_ms_during_broadcast: percentile(during, 0.99),
      bookings,
      reminders_fired: remindersFired,
      broadcast_delivered: broadcastTimes.length,
      seconds: since(started),
      villagers,
      pg_bytes_grown: grown,
      kept_share: Math.round((kept / grown) * 1000) / 1000,
      redis_keys: keys.length,
      replies_p50_ms_during_broadcast: percentile(during, 0.5),
      webhook_p99_ms_during_broadcast: percentile(acked, 0.99),
      after_webhook_p99_ms_during_broadcast: percentile(delivered, 0.99),
      replies_behind_own_announcement: duringBroadcast.length - clear.length,
      replies_p99_ms_not_behind_own_announcement: percentile(clear, 0.99),
      replies_p99_ms_booking: percentile(bookingLatencies, 0.99),
      replies_during_broadcast: during.length,
      replies_unanswered: unanswered,
      broadcast_s: Math.round((lastBroadcast - firstBroadcast) / 100) / 10,
      rate_per_s: rate,
      retention: JSON.parse(retention.stdout.trim().split('\n').at(-1) ?? '{}') as unknown,
      process_exits: exits,
    })}\n`,
  );
} finally {
  for (const p of processes) if (p.alive()) p.child.kill('SIGKILL');
  await telegram.close();
  await deleteKeys(prefix);
  redis.disconnect();
  await t.drop();
}

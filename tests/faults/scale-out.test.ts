// Two service processes and two worker processes on one Postgres and one Redis, 1,000 known villagers
// booking through the Telegram webhook spread over both services, for 300 places: no slot holds more
// than its capacity, the counts agree with the appointments, and every reply leaves once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { renderReply } from '../../src/channels/render.ts';
import { TELEGRAM_CAPABILITIES } from '../../src/channels/telegram/telegram.channel.ts';
import { ReplySchema } from '../../src/conversation/reply.ts';
import { localDay } from '../../src/domain/clock.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { deleteKeys, TEST_REDIS_URL, testPrefix } from '../support/test-redis.ts';
import { healthOf, startProcess, type ServiceProcess } from '../support/service-process.ts';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.ts';
import { seedConversationCampaigns } from '../support/conversation-harness.ts';
import { countsAgree } from '../support/fixtures.ts';
import { KNOWN_VILLAGER_JOURNEY, runBookingTraffic } from '../support/villager-traffic.ts';

const VILLAGERS = 1000;
const PLACES = 300;
const FIRST_CHAT = 950_000;
const SECRET = 'fault-test-webhook-secret';
const prefix = testPrefix();
let t: TestDatabase;
let telegram: FakeTelegram;
let caravanId = 0;
const processes: ServiceProcess[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  ({ caravanId } = await seedConversationCampaigns(t.db, PLACES, localDay(new Date(), 'Africa/Casablanca')));
  telegram = await startFakeTelegram();
  // Villagers who wrote before: consented, in Tinghir, each registered themselves.
  await sql`
    with c as (
      insert into contacts (locale, consent_at, province_code) select 'fr', now(), 'tinghir' from generate_series(1, ${VILLAGERS}::int) returning id
    ), n as (select id, row_number() over (order by id) - 1 as i from c),
    i as (insert into contact_identities (channel, external_id, contact_id) select 'telegram', (${FIRST_CHAT} + n.i)::text, n.id from n)
    insert into beneficiaries (contact_id, relation, full_name, sex, birth_year, commune)
    select n.id, 'self', 'Villageois ' || n.i, 'female', 1970, 'Tinghir' from n`.execute(t.db);
});
afterAll(async () => {
  for (const p of processes) p.child.kill('SIGKILL');
  await telegram?.close();
  await t?.drop();
  await deleteKeys(prefix);
});

describe('two services and two workers on one database and one Redis', () => {
  it('sell no place twice and send every reply once, for 1,000 villagers booking at once', async () => {
    const env = {
      DATABASE_URL: t.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_PER_SECOND: '1000',
      TELEGRAM_CHAT_INTERVAL_MS: '0',
      WORKERS_IN_PROCESS: 'false',
      DATABASE_POOL_SIZE: '10',
      LOG_LEVEL: 'warn',
    };
    const services = [await startProcess('src/main.ts', env), await startProcess('src/main.ts', env)];
    const workers = [await startProcess('src/cli/worker.ts', env), await startProcess('src/cli/worker.ts', env)];
    processes.push(...services, ...workers);
    for (const s of services) await expect.poll(() => healthOf(s), { timeout: 60_000, interval: 200 }).toBe(200);

    const started = Date.now();
    const traffic = await runBookingTraffic({
      villagers: VILLAGERS,
      firstChat: FIRST_CHAT,
      concurrency: 60,
      secret: SECRET,
      url: (i) => services[i % 2]?.url ?? '',
      journey: KNOWN_VILLAGER_JOURNEY,
    });
    const trafficSeconds = (Date.now() - started) / 1000;
    const settled = async () => Number((await sql<{ n: number }>`select count(*)::int as n from outbox where status <> 'sent'`.execute(t.db)).rows[0]?.n);
    await expect.poll(settled, { timeout: 180_000, interval: 500 }).toBe(0);

    const slots = await t.db.selectFrom('slots').select(['id', 'capacity', 'booked']).where('campaign_id', '=', caravanId).where('service', '=', 'ophthalmology').execute();
    const booked = await sql<{ n: number }>`select count(*)::int as n from appointments where campaign_id = ${caravanId} and service = 'ophthalmology' and status = 'booked'`.execute(t.db);
    const rows = await t.db.selectFrom('outbox').select(['id', 'payload']).execute();
    const logged = await sql<{ outbox_id: number; n: number }>`select outbox_id, count(*)::int as n from sent_messages group by outbox_id`.execute(t.db);
    const loggedBy = new Map(logged.rows.map((r) => [Number(r.outbox_id), Number(r.n)]));
    const parts = (payload: unknown) => renderReply(ReplySchema.parse(payload), TELEGRAM_CAPABILITIES).length;
    const expectedSends = rows.reduce((a, r) => a + parts(r.payload), 0);
    const providerSends = telegram.calls.filter((c) => c.messageId !== undefined).length;
    console.log(`scale out: ${JSON.stringify({ villagers: VILLAGERS, messages: traffic.acknowledged, traffic_s: Math.round(trafficSeconds), places: PLACES, booked: Number(booked.rows[0]?.n), replies: rows.length, provider_sends: providerSends, expected_sends: expectedSends, services: 2, workers: 2 })}`);

    expect(traffic.acknowledged).toBe(VILLAGERS * 7);
    expect(slots.every((s) => s.booked <= s.capacity)).toBe(true);
    expect(Number(booked.rows[0]?.n)).toBe(slots.reduce((a, s) => a + s.booked, 0));
    // The first day's window is full; the villagers turned away were offered the waiting list or another day.
    expect(slots.find((s) => s.booked === s.capacity)).toBeDefined();
    expect(await countsAgree(t.db, caravanId)).toBe(true);
    // Each reply once: every part of every message sent, none twice.
    expect(rows.filter((r) => loggedBy.get(r.id) !== parts(r.payload))).toEqual([]);
    expect(providerSends).toBe(expectedSends);
    expect(processes.every((p) => p.alive())).toBe(true);
  }, 600_000);
});

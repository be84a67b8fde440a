// The same 2,100 villager messages while every connection of the service and the worker to Postgres
// is terminated, twice: no process exits, and every acknowledged message is handled once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { localDay } from '../../src/domain/clock.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { deleteKeys, TEST_REDIS_URL, testPrefix } from '../support/test-redis.ts';
import { healthOf, startProcess, type ServiceProcess } from '../support/service-process.ts';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.ts';
import { seedConversationCampaigns } from '../support/conversation-harness.ts';
import { runBookingTraffic } from '../support/villager-traffic.ts';

const VILLAGERS = 150;
const SECRET = 'fault-test-webhook-secret';
const prefix = testPrefix();
let t: TestDatabase;
let admin: TestDatabase;
let telegram: FakeTelegram;
const processes: ServiceProcess[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  admin = await createTestDatabase({ poolSize: 1 });
  await seedConversationCampaigns(t.db, 1000, localDay(new Date(), 'Africa/Casablanca'));
  telegram = await startFakeTelegram();
});
afterAll(async () => {
  for (const p of processes) p.child.kill('SIGKILL');
  await telegram?.close();
  await t?.drop();
  await admin?.drop();
  await deleteKeys(prefix);
});

describe('Postgres connections terminated under traffic', () => {
  it('ends no process and loses no acknowledged message', async () => {
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
      LOG_LEVEL: 'warn',
    };
    const service = await startProcess('src/main.ts', env);
    const worker = await startProcess('src/cli/worker.ts', env);
    processes.push(service, worker);
    await expect.poll(() => healthOf(service), { timeout: 60_000, interval: 200 }).toBe(200);
    let terminated = 0;
    const terminations: Array<Promise<unknown>> = [];
    const traffic = await runBookingTraffic({
      villagers: VILLAGERS,
      firstChat: 940_000,
      concurrency: 30,
      secret: SECRET,
      url: () => service.url,
      onAcknowledged: (n) => {
        if (n === 600 || n === 1400) {
          terminations.push(sql<{ n: number }>`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = ${t.name}`.execute(admin.db).then((r) => (terminated += Number(r.rows[0]?.n ?? 0))));
        }
      },
    });
    await Promise.all(terminations);
    const settled = async () => Number((await sql<{ n: number }>`select count(*)::int as n from outbox where status in ('pending', 'failed')`.execute(t.db)).rows[0]?.n);
    await expect.poll(settled, { timeout: 120_000, interval: 500 }).toBe(0);
    const receipts = Number((await sql<{ n: number }>`select count(*)::int as n from inbound_receipts where channel = 'telegram'`.execute(t.db)).rows[0]?.n);
    const booked = Number((await sql<{ n: number }>`select count(*)::int as n from appointments where status = 'booked'`.execute(t.db)).rows[0]?.n);
    console.log(`postgres terminated under traffic: ${JSON.stringify({ messages: VILLAGERS * 14, acknowledged: traffic.acknowledged, resent_by_provider: traffic.retries, connections_terminated: terminated, receipts, bookings: booked, service_alive: service.alive(), worker_alive: worker.alive() })}`);
    expect(terminated).toBeGreaterThan(2);
    expect([service.alive(), worker.alive()]).toEqual([true, true]);
    expect(receipts).toBe(VILLAGERS * 14);
    expect(booked).toBe(VILLAGERS);
    expect(service.output()).not.toMatch(/"level":60|Unhandled/);
  }, 300_000);
});

// Postgres goes away under the running service — its connections terminated, then refused — and comes
// back. The process stays up, says 503 while it cannot reach the database and 200 soon after, and a
// villager's message is refused (so the provider sends it again) rather than lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { deleteKeys, TEST_REDIS_URL, testPrefix } from '../support/test-redis.ts';
import { healthOf, startProcess, type ServiceProcess } from '../support/service-process.ts';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.ts';
import { seedConversationCampaigns } from '../support/conversation-harness.ts';

const prefix = testPrefix();
const SECRET = 'fault-test-webhook-secret';
let t: TestDatabase;
let admin: TestDatabase;
let telegram: FakeTelegram;
let service: ServiceProcess | undefined;

beforeAll(async () => {
  t = await createTestDatabase();
  admin = await createTestDatabase({ poolSize: 1 });
  await seedConversationCampaigns(t.db);
  telegram = await startFakeTelegram();
});
afterAll(async () => {
  service?.child.kill('SIGKILL');
  await sql`alter database ${sql.id(t.name)} with allow_connections true`.execute(admin.db).catch(() => undefined);
  await telegram?.close();
  await t?.drop();
  await admin?.drop();
  await deleteKeys(prefix);
});

/** Ends every connection the service holds to its database, as a Postgres restart does. */
const terminateBackends = () => sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${t.name}`.execute(admin.db);
const allowConnections = (allow: boolean) => sql`alter database ${sql.id(t.name)} with allow_connections ${sql.raw(allow ? 'true' : 'false')}`.execute(admin.db);

const update = (id: number, text: string) => ({ update_id: id, message: { message_id: id, date: 0, chat: { id: 8100 + id, type: 'private' }, from: { id: 8100 + id, is_bot: false, first_name: 'A' }, text } });
const post = (body: object) => fetch(`${service?.url}/webhooks/telegram`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET }, body: JSON.stringify(body) }).then((r) => r.status, () => 0);
const handled = async (chat: number) => Number((await sql<{ n: number }>`select count(*)::int as n from contact_identities where channel = 'telegram' and external_id = ${String(chat)}`.execute(t.db)).rows[0]?.n);

describe('Postgres going away under the service', () => {
  it('keeps the process up, answers 503 then 200, and refuses rather than loses a message', async () => {
    service = await startProcess('src/main.ts', {
      DATABASE_URL: t.url,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
    });
    await expect.poll(() => healthOf(service as ServiceProcess), { timeout: 30_000, interval: 200 }).toBe(200);
    expect(await post(update(1, 'Bonjour'))).toBe(200);

    // Twice, as when Postgres restarts: every connection ends at once.
    await terminateBackends();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await terminateBackends();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(service.alive()).toBe(true);
    await expect.poll(() => healthOf(service as ServiceProcess), { timeout: 10_000, interval: 200 }).toBe(200);

    // Down for a while: connections refused.
    await allowConnections(false);
    await terminateBackends();
    await expect.poll(() => healthOf(service as ServiceProcess), { timeout: 10_000, interval: 200 }).toBe(503);
    const refused = await post(update(2, 'Bonjour'));
    expect(refused).toBeGreaterThanOrEqual(500);
    expect(service.alive()).toBe(true);

    // Back: healthy within 10 s, and the message Telegram sends again is handled, once.
    await allowConnections(true);
    await expect.poll(() => healthOf(service as ServiceProcess), { timeout: 10_000, interval: 200 }).toBe(200);
    expect(await post(update(2, 'Bonjour'))).toBe(200);
    expect(await post(update(2, 'Bonjour'))).toBe(200);
    expect([await handled(8101), await handled(8102)]).toEqual([1, 1]);
    expect(service.output()).not.toMatch(/Unhandled|uncaught/i);
    expect(service.output()).toMatch(/"msg":"database connection lost"/);
  }, 90_000);
});

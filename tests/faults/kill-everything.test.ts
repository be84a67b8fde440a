// kill -9 of the service and the worker in the middle of 2,100 villager messages, with Redis's data
// dropped too, then both started again: every message Telegram got a 200 for was handled once, every
// reply left at most once (those in doubt are listed, never sent again), and traffic flowed again
// within 35 s.
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
import { runBookingTraffic } from '../support/villager-traffic.ts';

const VILLAGERS = 150; // 14 messages each: 2,100
const SECRET = 'fault-test-webhook-secret';
const prefix = testPrefix();
let t: TestDatabase;
let telegram: FakeTelegram;
const processes: ServiceProcess[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  // The service runs on the machine's clock: the caravan is dated from the real today.
  await seedConversationCampaigns(t.db, 1000, localDay(new Date(), 'Africa/Casablanca'));
  telegram = await startFakeTelegram();
});
afterAll(async () => {
  for (const p of processes) p.child.kill('SIGKILL');
  await telegram?.close();
  await t?.drop();
  await deleteKeys(prefix);
});

const env = () => ({
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
});

async function startPair(): Promise<{ service: ServiceProcess; worker: ServiceProcess }> {
  const service = await startProcess('src/main.ts', env());
  const worker = await startProcess('src/cli/worker.ts', env());
  processes.push(service, worker);
  await expect.poll(() => healthOf(service), { timeout: 60_000, interval: 200 }).toBe(200);
  return { service, worker };
}

const sends = () => telegram.calls.filter((c) => c.messageId !== undefined);

describe('kill -9 of everything in the middle of the traffic', () => {
  it('loses no acknowledged message, sends no reply twice, and flows again within 35 s', async () => {
    let pair = await startPair();
    let killedAt = 0;
    let restartedAt = 0;
    let firstAnswerAfter = 0;
    let killing: Promise<void> | undefined;
    const traffic = await runBookingTraffic({
      villagers: VILLAGERS,
      firstChat: 930_000,
      concurrency: 30,
      secret: SECRET,
      url: () => pair.service.url,
      onAcknowledged: (n) => {
        if (killedAt > 0 && firstAnswerAfter === 0) firstAnswerAfter = Date.now();
        if (n === 700) {
          killing = (async () => {
            // Everything at once, and Redis's data with it.
            pair.service.child.kill('SIGKILL');
            pair.worker.child.kill('SIGKILL');
            killedAt = Date.now();
            await Promise.all([pair.service.exited, pair.worker.exited]);
            await deleteKeys(prefix);
            pair = await startPair();
            restartedAt = Date.now();
          })();
        }
      },
    });
    await killing;
    // Sends of the new processes (what was in flight at the kill ends before they are up).
    const sendsAfterRestart = sends().filter((c) => c.at > restartedAt);

    // Every reply either left (sent) or is in doubt (sending); none waits, none failed.
    const settled = async () => Number((await sql<{ n: number }>`select count(*)::int as n from outbox where status in ('pending', 'failed')`.execute(t.db)).rows[0]?.n);
    await expect.poll(settled, { timeout: 120_000, interval: 500 }).toBe(0);

    const receipts = Number((await sql<{ n: number }>`select count(*)::int as n from inbound_receipts where channel = 'telegram'`.execute(t.db)).rows[0]?.n);
    const bookings = await sql<{ contacts: number; appointments: number }>`
      select count(distinct b.contact_id)::int as contacts, count(*)::int as appointments from appointments a join beneficiaries b on b.id = a.beneficiary_id where a.status = 'booked'`.execute(t.db);
    const rows = await t.db.selectFrom('outbox').select(['id', 'status', 'payload']).where('channel', '=', 'telegram').execute();
    const logged = await sql<{ outbox_id: number; n: number }>`select outbox_id, count(*)::int as n from sent_messages group by outbox_id`.execute(t.db);
    const loggedBy = new Map(logged.rows.map((r) => [Number(r.outbox_id), Number(r.n)]));
    const partsOf = (payload: unknown) => renderReply(ReplySchema.parse(payload), TELEGRAM_CAPABILITIES).length;
    const doubtful = rows.filter((r) => r.status === 'sending');
    const overSent = rows.filter((r) => (loggedBy.get(r.id) ?? 0) > partsOf(r.payload));
    const logTotal = [...loggedBy.values()].reduce((a, b) => a + b, 0);
    const doubtfulParts = doubtful.reduce((a, r) => a + partsOf(r.payload), 0);

    const counts = {
      messages: VILLAGERS * 14,
      acknowledged: traffic.acknowledged,
      resent_by_provider: traffic.retries,
      receipts,
      bookings: bookings.rows[0],
      replies: rows.length,
      sent: rows.filter((r) => r.status === 'sent').length,
      doubtful: doubtful.length,
      provider_sends: sends().length,
      logged_sends: logTotal,
      flowing_again_after_s: Math.round((firstAnswerAfter - killedAt) / 100) / 10,
      replies_again_after_s: sendsAfterRestart[0] ? Math.round(((sendsAfterRestart[0]?.at ?? 0) - killedAt) / 100) / 10 : null,
    };
    console.log(`kill -9 under traffic: ${JSON.stringify(counts)}`);

    expect(traffic.acknowledged).toBe(VILLAGERS * 14);
    // Handled once: one receipt per message, one booking per villager.
    expect(receipts).toBe(VILLAGERS * 14);
    expect(bookings.rows[0]).toEqual({ contacts: VILLAGERS, appointments: VILLAGERS });
    // At most once: no row logged more parts than it has, and the provider saw no send beyond the log
    // but for rows in doubt.
    expect(overSent.map((r) => r.id)).toEqual([]);
    expect(sends().length).toBeGreaterThanOrEqual(logTotal);
    expect(sends().length).toBeLessThanOrEqual(logTotal + doubtfulParts);
    expect(firstAnswerAfter - killedAt).toBeLessThan(35_000);
    expect((sendsAfterRestart[0]?.at ?? Infinity) - killedAt).toBeLessThan(35_000);
  }, 300_000);
});

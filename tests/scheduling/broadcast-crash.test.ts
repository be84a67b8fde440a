// A worker killed (SIGKILL) in the middle of a 5,000-recipient broadcast, another started: every
// recipient is fanned out once, nobody gets the message twice, and the only doubt is the handful of
// messages that were in flight at the kill, which are reported rather than sent again.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { bulkConcurrencyFor, claimGroupFor } from '../../src/delivery/outbound.worker.ts';
import { createBroadcastPages } from '../../src/scheduling/broadcast.queue.ts';
import { broadcastProgress, createBroadcast } from '../../src/scheduling/broadcasts.ts';
import { ensureOrganisation, importTestCampaign } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.ts';
import { connection, deleteKeys, TEST_REDIS_URL, testPrefix } from '../support/test-redis.ts';

const RECIPIENTS = 5000;
const REDIS_URL = TEST_REDIS_URL;
const prefix = testPrefix();
let t: TestDatabase;
let telegram: FakeTelegram;
let ORG = 0;

beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 4 });
  telegram = await startFakeTelegram();
  await importTestCampaign(t.db, { slug: 'crash-caravan', province: 'tinghir' });
  ORG = await ensureOrganisation(t.db, 'test-association');
  await sql`
    with c as (insert into contacts (locale, consent_at) select 'fr', now() from generate_series(1, ${RECIPIENTS}::int) returning id),
    i as (insert into contact_identities (channel, external_id, contact_id) select 'telegram', (800000 + id)::text, id from c)
    insert into alert_subscriptions (contact_id, province_code) select id, 'tinghir' from c`.execute(t.db);
});
afterAll(async () => {
  await telegram?.close();
  await t?.drop();
  await deleteKeys(prefix);
});

function worker(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli/worker.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: t.url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_PER_SECOND: '1000',
      TELEGRAM_CHAT_INTERVAL_MS: '0',
      QUIET_HOURS: '00:00-00:00',
      // Small pages, so the kill lands in the middle of the fan-out.
      BROADCAST_PAGE_SIZE: '100',
      LOG_LEVEL: 'silent',
    },
    stdio: 'ignore',
  });
}

describe('a worker killed mid-broadcast', () => {
  it('leaves every recipient with exactly one message, or reported as in flight', async () => {
    const b = await createBroadcast(t.db, { kind: 'staff', id: 1 }, ORG, { audience: { provinces: ['tinghir'] }, texts: { fr: 'La caravane arrive le 14 décembre.' } }, new Date());
    expect(b.targeted).toBe(RECIPIENTS);
    const pages = createBroadcastPages({ connection, prefix });
    const first = worker();
    try {
      await pages.start(b.id);
      // Kill it once it has fanned out part of the broadcast (and sent some of it).
      await expect.poll(async () => (await broadcastProgress(t.db, ORG, b.id))?.queued ?? 0, { timeout: 30_000, interval: 20 }).toBeGreaterThanOrEqual(1000);
    } finally {
      first.kill('SIGKILL');
    }
    const atKill = await broadcastProgress(t.db, ORG, b.id);
    expect(atKill?.queued).toBeLessThan(RECIPIENTS);

    const second = worker();
    try {
      // Jobs the killed worker held come back once their locks expire and a stall check finds them (30 to
      // 60 s), later on a loaded machine.
      await expect.poll(async () => (await broadcastProgress(t.db, ORG, b.id))?.status, { timeout: 150_000, interval: 250 }).toBe('done');
      await expect.poll(async () => (await t.db.selectFrom('outbox').select('id').where('kind', '=', 'broadcast').where('status', '=', 'pending').execute()).length, { timeout: 150_000, interval: 250 }).toBe(0);
    } finally {
      second.kill('SIGTERM');
      await new Promise((resolve) => second.on('exit', resolve));
      await pages.close();
    }
    const deliveries = await sql<{ n: number; people: number }>`select count(*)::int as n, count(distinct contact_id)::int as people from outbox where broadcast_id = ${b.id}`.execute(t.db);
    expect(deliveries.rows[0]).toEqual({ n: RECIPIENTS, people: RECIPIENTS });
    const perChat = new Map<string, number>();
    for (const c of telegram.calls) if (c.method === 'sendMessage') perChat.set(String(c.payload.chat_id), (perChat.get(String(c.payload.chat_id)) ?? 0) + 1);
    expect([...perChat.values()].filter((n) => n > 1)).toEqual([]);
    const inFlight = await t.db.selectFrom('outbox').select('recipient').where('kind', '=', 'broadcast').where('status', '=', 'sending').execute();
    // Each bulk job of the worker has one group of claimed rows in 'sending' at most: that is all a kill can leave in doubt.
    expect(inFlight.length).toBeLessThanOrEqual(bulkConcurrencyFor(1000) * claimGroupFor(1000));
    expect(perChat.size + inFlight.filter((r) => !perChat.has(r.recipient)).length).toBe(RECIPIENTS);
  }, 330_000);
});

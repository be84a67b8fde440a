// The retention job runs by itself: the workers declare one nightly job at 03:30 in Morocco, however many
// of them start, and run it when it comes; `npm run retention` runs it now and says what it removed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { DateTime } from 'luxon';
import { pino } from 'pino';
import { createOutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { createRetentionSchedule, NIGHTLY_RETENTION } from '../../src/retention/index.ts';
import { startWorkers } from '../../src/runtime/workers.ts';
import { createBroadcastPages } from '../../src/scheduling/broadcast.queue.ts';
import { createNotificationTimers } from '../../src/scheduling/notification.queue.ts';
import { DEFAULT_QUIET_HOURS } from '../../src/scheduling/quiet-hours.ts';
import { makeOld } from '../support/aged-rows.ts';
import { runCli } from '../support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { connection, deleteKeys, TEST_REDIS_URL, testPrefix } from '../support/test-redis.ts';

const ZONE = 'Africa/Casablanca';
const prefix = testPrefix();
let t: TestDatabase;
let redis: Redis;

beforeAll(async () => {
  t = await createTestDatabase();
  redis = new Redis(TEST_REDIS_URL);
});
afterAll(async () => {
  redis?.disconnect();
  await t?.drop();
  await deleteKeys(prefix);
});

/** `n` replies written long ago, past any retention period. */
async function oldReplies(n: number, days = 400): Promise<number[]> {
  const contact = await t.db.insertInto('contacts').values({ locale: 'fr' }).returning('id').executeTakeFirstOrThrow();
  const rows = await t.db.insertInto('outbox').values(Array.from({ length: n }, () => ({ contact_id: contact.id, channel: 'telegram', recipient: '9090', status: 'sent' as const, payload: '{"text":"Merci"}' }))).returning('id').execute();
  const ids = rows.map((r) => r.id);
  await makeOld(t.db, { table: 'outbox', columns: ['created_at'], ids }, days);
  return ids;
}
const left = async (ids: number[]) => (await t.db.selectFrom('outbox').select('id').where('id', 'in', ids).execute()).length;

describe('the nightly retention job', () => {
  it('is declared once, at 03:30 in Morocco, however many workers start, and runs the purge in a worker', async () => {
    const ids = await oldReplies(3);
    const logger = pino({ level: 'silent' });
    const queues = createOutboundQueues({ connection, prefix });
    const timers = createNotificationTimers({ connection, prefix });
    const pages = createBroadcastPages({ connection, prefix });
    const schedules = [createRetentionSchedule({ connection, prefix, zone: ZONE }), createRetentionSchedule({ connection, prefix, zone: ZONE })];
    const fire = { db: t.db, t: createTranslator(loadResources()), zone: ZONE, quiet: DEFAULT_QUIET_HOURS };
    const start = (schedule: (typeof schedules)[number]) =>
      startWorkers({ db: t.db, redis, connection, prefix, queues, timers, pages, channels: [], fire, logger, reconcileEveryMs: 3_600_000, retention: { schedule, retentionDays: 180 } });
    const workers = schedules.map(start);
    try {
      await expect.poll(() => schedules[0]?.queue.getJobSchedulersCount(), { timeout: 10_000 }).toBe(1);
      await Promise.all(schedules.map((s) => s.ensureNightly()));
      const all = (await schedules[0]?.queue.getJobSchedulers()) ?? [];
      expect(all.map((s) => [s.key, s.pattern, s.tz])).toEqual([[NIGHTLY_RETENTION, '30 3 * * *', ZONE]]);
      const next = DateTime.fromMillis(all[0]?.next ?? 0, { zone: ZONE });
      expect(next.toFormat('HH:mm')).toBe('03:30');

      // The night comes (a job like the scheduler's, now): one of the workers purges.
      await schedules[0]?.queue.add('purge', {});
      await expect.poll(() => left(ids), { timeout: 15_000 }).toBe(0);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([...schedules.map((s) => s.close()), queues.close(), timers.close(), pages.close()]);
    }
  });

  it('`npm run retention` purges now and prints what it removed as one JSON line', async () => {
    const ids = await oldReplies(2);
    const recent = await oldReplies(1, 20);
    const result = await runCli('retention', [], { DATABASE_URL: t.url });
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ outbox: 2, sent_messages: 0, notifications: 0, broadcasts_counted: 0, seconds: expect.any(Number) });
    expect(await left(ids)).toBe(0);
    expect(await left(recent)).toBe(1);
  });
});

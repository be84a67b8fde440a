// The workers re-post an alert nobody took within the hour as soon as they start (their reconciler's
// first round), once however many times they start again: Postgres remembers, the fresh Redis does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { createOutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { createRetentionSchedule } from '../../src/retention/index.ts';
import { startWorkers } from '../../src/runtime/workers.ts';
import { createBroadcastPages } from '../../src/scheduling/broadcast.queue.ts';
import { createNotificationTimers } from '../../src/scheduling/notification.queue.ts';
import { DEFAULT_QUIET_HOURS } from '../../src/scheduling/quiet-hours.ts';
import { REPOST_AFTER_MS, REPOST_HEADING } from '../../src/scheduling/staff-alert-repost.ts';
import { alertAt, importSurgeryCaravan, operatedPatient, ZONE } from '../support/alert-world.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { connection, deleteKeys, TEST_REDIS_URL, testPrefix } from '../support/test-redis.ts';

let t: TestDatabase;
let redis: Redis;
const prefixes: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  redis = new Redis(TEST_REDIS_URL);
});
afterAll(async () => {
  redis?.disconnect();
  await t?.drop();
  for (const prefix of prefixes) await deleteKeys(prefix);
});

/** Starts every worker on a Redis prefix of its own (an empty Redis, as after a flush), runs `during`, closes them. */
async function withWorkers(during: () => Promise<void>): Promise<void> {
  const prefix = testPrefix();
  prefixes.push(prefix);
  const queues = createOutboundQueues({ connection, prefix });
  const timers = createNotificationTimers({ connection, prefix });
  const pages = createBroadcastPages({ connection, prefix });
  const schedule = createRetentionSchedule({ connection, prefix, zone: ZONE });
  const fire = { db: t.db, t: createTranslator(loadResources()), zone: ZONE, quiet: DEFAULT_QUIET_HOURS };
  const workers = startWorkers({ db: t.db, redis, connection, prefix, queues, timers, pages, channels: [], fire, logger: pino({ level: 'silent' }), reconcileEveryMs: 3_600_000, retention: { schedule, retentionDays: 180 } });
  try {
    await during();
  } finally {
    await workers.close();
    await Promise.all([schedule.close(), queues.close(), timers.close(), pages.close()]);
  }
}

describe('the workers and the hour-old alert', () => {
  it('post it again when they start, and not a second time when they start again on an empty Redis', async () => {
    const caravan = await importSurgeryCaravan(t.db, 'tinghir-workers', { staffChat: '-1009876543210' });
    const patient = await operatedPatient(t.db, caravan, 'Brahim Oulad', 1);
    const hourAgo = () => new Date(Date.now() - REPOST_AFTER_MS - 60_000);
    const first = await alertAt(t.db, 'red_flag', patient.appointmentId, { question: 'pain', answer: 3 }, hourAgo());
    const messages = async (id: number) => (await t.db.selectFrom('outbox').select('payload').where('staff_alert_id', '=', id).orderBy('id').execute()).map((r) => (r.payload as { text: string }).text);
    await withWorkers(async () => {
      await expect.poll(() => messages(first), { timeout: 10_000 }).toHaveLength(2);
    });
    expect((await messages(first))[1]).toMatch(new RegExp(`^${REPOST_HEADING}`));
    // Started again: their first round re-posts a newer alert, and leaves the first alone.
    const second = await alertAt(t.db, 'unreachable', patient.appointmentId, { checkin: 'day_3', reason: 'no answer after a retry' }, hourAgo());
    await withWorkers(async () => {
      await expect.poll(() => messages(second), { timeout: 10_000 }).toHaveLength(2);
    });
    expect(await messages(first)).toHaveLength(2);
  });
});

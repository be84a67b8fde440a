// Redis holds the timers of what is due within the horizon (36 hours) only: a reminder booked three weeks
// ahead has no job until the reconciler finds it within the horizon, and then fires once; a timer put off
// beyond the horizon ends and is started again in time. Postgres keeps every notification meanwhile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { createOutboundQueues, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import type { FireDeps } from '../../src/scheduling/fire-notification.ts';
import { createNotificationTimers, notificationJobId, type NotificationTimers } from '../../src/scheduling/notification.queue.ts';
import { startNotificationWorker } from '../../src/scheduling/notification.worker.ts';
import { DEFAULT_QUIET_HOURS } from '../../src/scheduling/quiet-hours.ts';
import { reconcileNotifications } from '../../src/scheduling/reconciler.ts';
import { addDays, bookEyeConsultation, conversationDeps, seedConversationCampaigns, START, START_DAY, Villager } from '../support/conversation-harness.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { connection, deleteKeys, TEST_REDIS_URL, testPrefix } from '../support/test-redis.ts';

const HOUR = 3_600_000;
const logger = pino({ level: 'silent' });
const prefix = testPrefix();
let t: TestDatabase;
let fire: FireDeps;
let redis: Redis;
let timers: NotificationTimers;
let outbound: OutboundQueues;

beforeAll(async () => {
  t = await createTestDatabase();
  // The Tinghir caravan three weeks after the start: days 21 and 22.
  await seedConversationCampaigns(t.db, 200, addDays(START_DAY, 8));
  fire = { db: t.db, t: createTranslator(loadResources()), zone: 'Africa/Casablanca', quiet: DEFAULT_QUIET_HOURS };
  redis = new Redis(TEST_REDIS_URL);
  timers = createNotificationTimers({ connection, prefix });
  outbound = createOutboundQueues({ connection, prefix });
});
afterAll(async () => {
  await timers?.close();
  await outbound?.close();
  redis?.disconnect();
  await t?.drop();
  await deleteKeys(prefix);
});

/** A Telegram villager booked three weeks ahead; their two reminders, soonest first. */
async function bookedThreeWeeksAhead(chat: string): Promise<Array<{ id: number; due_at: Date }>> {
  const v = new Villager(conversationDeps(t.db), chat, 'telegram');
  await v.onboard('fr');
  await bookEyeConsultation(v, { name: 'Hafsa Ouali', sex: 'female', age: 38, day: addDays(START_DAY, 21) });
  return t.db.selectFrom('notifications as n').innerJoin('contact_identities as i', 'i.contact_id', 'n.contact_id').select(['n.id', 'n.due_at']).where('i.external_id', '=', chat).orderBy('n.due_at').execute();
}

const jobOf = (q: NotificationTimers, id: number) => q.queue.getJob(notificationJobId(id));
const statusOf = async (id: number) => (await t.db.selectFrom('notifications').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const before = (at: Date, ms: number) => new Date(at.getTime() - ms);

describe('timers within the horizon', () => {
  it('gives a reminder booked three weeks ahead no Redis job until it comes within 36 hours, then fires it once', async () => {
    const [soon, later] = await bookedThreeWeeksAhead('81101');
    if (!soon || !later) throw new Error('the booking wrote no reminders');
    expect(soon.due_at.getTime() - START.getTime()).toBeGreaterThan(18 * 24 * HOUR);
    // What the booking does once committed: nothing is due within the horizon.
    await timers.schedule([soon, later].map((n) => ({ id: n.id, dueAt: n.due_at })), START);
    expect(await timers.queue.getDelayedCount()).toBe(0);
    expect(await reconcileNotifications(t.db, redis, timers, START)).toEqual({ checked: 0, restored: 0 });
    expect(await reconcileNotifications(t.db, redis, timers, before(soon.due_at, 37 * HOUR))).toEqual({ checked: 0, restored: 0 });
    expect(await jobOf(timers, soon.id)).toBeUndefined();

    // 35 hours before: the reconciler starts its timer, and only its.
    const within = before(soon.due_at, 35 * HOUR);
    expect(await reconcileNotifications(t.db, redis, timers, within)).toEqual({ checked: 1, restored: 1 });
    expect((await jobOf(timers, soon.id))?.delay).toBe(35 * HOUR);
    expect(await jobOf(timers, later.id)).toBeUndefined();
    // Redis is flushed meanwhile: the next pass starts it again.
    await deleteKeys(prefix);
    expect(await reconcileNotifications(t.db, redis, timers, within)).toEqual({ checked: 1, restored: 1 });

    // Its time comes (BullMQ counts the delay on the machine's clock: the job is moved to now).
    const worker = startNotificationWorker({ connection, prefix, fire, outbound, logger, now: () => soon.due_at });
    try {
      await (await jobOf(timers, soon.id))?.promote();
      await expect.poll(() => statusOf(soon.id), { timeout: 10_000 }).toBe('sent');
      // The reconciler's next pass, five minutes later, starts nothing again: it was sent.
      expect(await reconcileNotifications(t.db, redis, timers, new Date(soon.due_at.getTime() + 5 * 60_000))).toEqual({ checked: 0, restored: 0 });
    } finally {
      await worker.close();
    }
    const sent = await t.db.selectFrom('notifications as n').innerJoin('outbox as o', 'o.id', 'n.outbox_id').select('o.id').where('n.id', 'in', [soon.id, later.id]).execute();
    expect(sent).toHaveLength(1);
    expect(await statusOf(later.id)).toBe('pending');
  });

  it('ends the timer of a reminder put off beyond the horizon, and starts it again when it comes within', async () => {
    const [reminder] = await bookedThreeWeeksAhead('81102');
    if (!reminder) throw new Error('the booking wrote no reminders');
    // A one-hour horizon, and a timer that fires at 23:00 in Morocco: the reminder waits nine hours for 08:00.
    const ownPrefix = testPrefix();
    const short = createNotificationTimers({ connection, prefix: ownPrefix, horizonHours: 1 });
    const night = new Date(`${addDays(START_DAY, 19)}T22:00:00Z`);
    const morning = new Date(`${addDays(START_DAY, 20)}T07:00:00Z`);
    const worker = startNotificationWorker({ connection, prefix: ownPrefix, fire, outbound, logger, now: () => night, horizonMs: short.horizonMs });
    try {
      await short.schedule([{ id: reminder.id, dueAt: night }], night);
      await expect.poll(async () => short.queue.getJobState(notificationJobId(reminder.id)), { timeout: 10_000 }).toBe('unknown');
      expect(await statusOf(reminder.id)).toBe('pending');
      expect(await short.queue.getDelayedCount()).toBe(0);
    } finally {
      await worker.close();
    }
    // The reconciler finds it again half an hour before 08:00 (the row still says when it is due).
    await t.db.updateTable('notifications').set({ due_at: morning }).where('id', '=', reminder.id).execute();
    try {
      expect(await reconcileNotifications(t.db, redis, short, before(morning, 30 * 60_000))).toEqual({ checked: 1, restored: 1 });
      expect((await jobOf(short, reminder.id))?.delay).toBe(30 * 60_000);
    } finally {
      await short.close();
      await deleteKeys(ownPrefix);
    }
  });
});

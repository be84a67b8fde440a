// The timers of notifications on BullMQ: a flushed Redis loses none, the worker fires a due one once,
// holds a night-time one until the morning, and two workers racing send each reminder once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import type { FireDeps } from '../../src/scheduling/fire-notification.ts';
import { createNotificationTimers, notificationJobId, type NotificationTimers } from '../../src/scheduling/notification.queue.ts';
import { startNotificationWorker } from '../../src/scheduling/notification.worker.ts';
import { reconcileNotifications } from '../../src/scheduling/reconciler.ts';
import { DEFAULT_QUIET_HOURS } from '../../src/scheduling/quiet-hours.ts';
import { createOutboundQueues, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { bookEyeConsultation, conversationDeps, seedConversationCampaigns, START, Villager } from '../support/conversation-harness.ts';
import { connection, deleteKeys, TEST_REDIS_URL, testPrefix } from '../support/test-redis.ts';

const tr = createTranslator(loadResources());
const logger = pino({ level: 'silent' });
const prefix = testPrefix();
let t: TestDatabase;
let fire: FireDeps;
let redis: Redis;
let timers: NotificationTimers;
let outbound: OutboundQueues;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db, 5000);
  fire = { db: t.db, t: tr, zone: 'Africa/Casablanca', quiet: DEFAULT_QUIET_HOURS };
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

/** A Telegram villager with an eye appointment on 14 December; returns its two reminders. */
async function bookedVillager(db: TestDatabase['db'], chat: string): Promise<Array<{ id: number; due_at: Date }>> {
  const v = new Villager(conversationDeps(db), chat, 'telegram');
  await v.onboard('fr');
  await bookEyeConsultation(v, { name: 'Rachida Amzil', sex: 'female', age: 52, day: '2026-12-14' });
  return db.selectFrom('notifications as n').innerJoin('contact_identities as i', 'i.contact_id', 'n.contact_id').select(['n.id', 'n.due_at']).where('i.external_id', '=', chat).orderBy('n.id').execute();
}

const at = (iso: string) => new Date(iso);
const statusOf = async (id: number) => (await t.db.selectFrom('notifications').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

describe('reconciler', () => {
  it('restores every timer after Redis lost them, and a second pass finds nothing missing', async () => {
    // Its own database and prefix: the reconciler walks every waiting notification of both. A horizon of
    // a month, so the reminders two weeks away have their timers too.
    const own = await createTestDatabase();
    const ownPrefix = testPrefix();
    const ownTimers = createNotificationTimers({ connection, prefix: ownPrefix, horizonHours: 30 * 24 });
    try {
      await seedConversationCampaigns(own.db);
      const reminders = await bookedVillager(own.db, '81005');
      const contactId = (await own.db.selectFrom('contact_identities').select('contact_id').where('external_id', '=', '81005').executeTakeFirstOrThrow()).contact_id;
      // 1,000 more, due over the next days, as a busy week would have.
      const bulk = await own.db
        .insertInto('notifications')
        .values(Array.from({ length: 1000 }, (_, i) => ({ kind: 'reminder' as const, contact_id: contactId, label: `bulk_${i}`, due_at: new Date(START.getTime() + (i + 1) * 60_000) })))
        .returning(['id', 'due_at'])
        .execute();
      const all = [...reminders, ...bulk];
      await ownTimers.schedule(all.map((n) => ({ id: n.id, dueAt: n.due_at })), START);
      expect(await ownTimers.queue.getDelayedCount()).toBe(1002);
      // Redis loses everything of this prefix.
      await deleteKeys(ownPrefix);
      expect(await ownTimers.queue.getDelayedCount()).toBe(0);
      expect(await reconcileNotifications(own.db, redis, ownTimers, START)).toEqual({ checked: 1002, restored: 1002 });
      expect(await ownTimers.queue.getDelayedCount()).toBe(1002);
      // Each timer waits as long as it did before: the first reminder until two days before the visit.
      const first = await ownTimers.queue.getJob(notificationJobId(reminders[0]?.id ?? 0));
      expect(first?.delay).toBe((reminders[0]?.due_at.getTime() ?? 0) - START.getTime());
      expect(await reconcileNotifications(own.db, redis, ownTimers, START)).toEqual({ checked: 1002, restored: 0 });
    } finally {
      await ownTimers.close();
      await own.drop();
      await deleteKeys(ownPrefix);
    }
  });
});

describe('the notifications worker', () => {
  it('fires a due timer and queues the message for its channel once', async () => {
    const [reminder] = await bookedVillager(t.db, '81006');
    const due = at('2026-12-12T17:00:00Z');
    const worker = startNotificationWorker({ connection, prefix, fire, outbound, logger, now: () => due });
    try {
      await timers.schedule([{ id: reminder?.id ?? 0, dueAt: due }], due);
      await expect.poll(() => statusOf(reminder?.id ?? 0), { timeout: 10_000 }).toBe('sent');
      const outboxId = (await t.db.selectFrom('notifications').select('outbox_id').where('id', '=', reminder?.id ?? 0).executeTakeFirstOrThrow()).outbox_id;
      // Queued just after the commit that marked it sent.
      await expect.poll(() => redis.exists(`${prefix}:outbound-telegram-bulk:outbox-${outboxId}`), { timeout: 5_000 }).toBe(1);
      expect(await redis.exists(`${prefix}:outbound-telegram:outbox-${outboxId}`)).toBe(0);
    } finally {
      await worker.close();
    }
  });

  it('holds a timer that fires at 23:00 until 08:00, sending nothing in the night', async () => {
    const [reminder] = await bookedVillager(t.db, '81007');
    // 23:00 in Morocco (UTC+1 in December): nine hours to 08:00.
    const night = at('2026-12-12T22:00:00Z');
    const worker = startNotificationWorker({ connection, prefix, fire, outbound, logger, now: () => night });
    const id = notificationJobId(reminder?.id ?? 0);
    try {
      await timers.schedule([{ id: reminder?.id ?? 0, dueAt: night }], night);
      await expect.poll(() => timers.queue.getJobState(id), { timeout: 10_000 }).toBe('delayed');
    } finally {
      await worker.close();
    }
    const job = await timers.queue.getJob(id);
    const nineHours = 9 * 3_600_000;
    // Counted on BullMQ's clock from the moment it was put back, which is a little after the worker's now.
    expect(job?.delay).toBeGreaterThan(nineHours - 5_000);
    expect(job?.delay).toBeLessThanOrEqual(nineHours);
    expect(await statusOf(reminder?.id ?? 0)).toBe('pending');
    expect(await t.db.selectFrom('outbox').select('id').where('kind', '=', 'notification').where('recipient', '=', '81007').execute()).toEqual([]);
  });
});

describe('two workers on one queue', () => {
  it('send each of 200 due reminders once', async () => {
    const [reminder] = await bookedVillager(t.db, '81008');
    const { contact_id: contactId, appointment_id: appointmentId } = await t.db.selectFrom('notifications').select(['contact_id', 'appointment_id']).where('id', '=', reminder?.id ?? 0).executeTakeFirstOrThrow();
    const due = at('2026-12-12T17:00:00Z');
    const rows = await t.db
      .insertInto('notifications')
      .values(Array.from({ length: 200 }, (_, i) => ({ kind: 'reminder' as const, contact_id: contactId, appointment_id: appointmentId, label: `race_${i}`, due_at: due })))
      .returning('id')
      .execute();
    const racePrefix = testPrefix();
    const options = { connection, prefix: racePrefix, fire, outbound, logger, now: () => due };
    const raceTimers = createNotificationTimers({ connection, prefix: racePrefix });
    const workers = [startNotificationWorker(options), startNotificationWorker(options)];
    try {
      await raceTimers.schedule(rows.map((r) => ({ id: r.id, dueAt: due })), due);
      // And each timer twice more, as a reconciler racing a slow worker would.
      await raceTimers.queue.addBulk(rows.map((r) => ({ name: 'fire', data: { notificationId: r.id }, opts: { jobId: `again-${r.id}` } })));
      await expect.poll(async () => (await t.db.selectFrom('notifications').select('id').where('label', 'like', 'race_%').where('status', '=', 'sent').execute()).length, { timeout: 20_000 }).toBe(200);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
      await raceTimers.close();
      await deleteKeys(racePrefix);
    }
    // 400 firings in all, two workers: exactly one message per reminder sent was written (the villager's
    // own first reminder, due by then too, may have been fired with the others).
    const written = await t.db.selectFrom('outbox').select('id').where('kind', '=', 'notification').where('contact_id', '=', contactId).execute();
    const sent = await t.db.selectFrom('notifications').select('outbox_id').where('contact_id', '=', contactId).where('status', '=', 'sent').execute();
    expect(new Set(sent.map((n) => n.outbox_id)).size).toBe(sent.length);
    expect(written.map((o) => o.id).sort()).toEqual(sent.map((n) => n.outbox_id).sort());
    expect(written.length).toBeGreaterThanOrEqual(200);
  });
});

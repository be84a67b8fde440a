// Reminders fire once, in the contact's language, only while still valid, never at night; the answer
// confirms or cancels; a flushed Redis loses no timer.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { pino } from 'pino';
import { fireNotification, type FireDeps } from '../../src/scheduling/fire-notification.ts';
import { createNotificationTimers, type NotificationTimers } from '../../src/scheduling/notification.queue.ts';
import { startNotificationWorker } from '../../src/scheduling/notification.worker.ts';
import { reconcileNotifications } from '../../src/scheduling/reconciler.ts';
import { DEFAULT_QUIET_HOURS } from '../../src/scheduling/quiet-hours.ts';
import { createOutboundQueues, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { bookEyeConsultation, conversationDeps, seedConversationCampaigns, Villager } from '../support/conversation-harness.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const tr = createTranslator(loadResources());
let t: TestDatabase;
let fire: FireDeps;
let redis: Redis;
let timers: NotificationTimers;
let outbound: OutboundQueues;
const prefix = `qafila-test-${randomUUID()}`;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db, 5000);
  fire = { db: t.db, t: tr, zone: 'Africa/Casablanca', quiet: DEFAULT_QUIET_HOURS };
  redis = new Redis(REDIS_URL);
  const connection = { url: REDIS_URL, maxRetriesPerRequest: null };
  timers = createNotificationTimers({ connection, prefix });
  outbound = createOutboundQueues({ connection, prefix });
});
afterAll(async () => {
  await timers?.close();
  await outbound?.close();
  redis?.disconnect();
  await t?.drop();
});

/** A Telegram villager with an eye appointment on 14 December; returns its reminders' ids. */
async function bookedVillager(chat: string, locale: 'fr' | 'ary' = 'fr'): Promise<{ v: Villager; reminders: number[] }> {
  const v = new Villager(conversationDeps(t.db), chat, 'telegram');
  await v.onboard(locale);
  await bookEyeConsultation(v, { name: 'Rachida Amzil', sex: 'female', age: 52, day: '2026-12-14' });
  const rows = await t.db.selectFrom('notifications as n').innerJoin('contact_identities as i', 'i.contact_id', 'n.contact_id').select('n.id').where('i.external_id', '=', chat).orderBy('n.id').execute();
  return { v, reminders: rows.map((r) => r.id) };
}

const at = (iso: string) => new Date(iso);

describe('firing reminders', () => {
  it('says the reminder once, in the contact\'s language, with the code, the venue and how to answer', async () => {
    const { reminders } = await bookedVillager('81001', 'ary');
    const first = reminders[0] ?? 0;
    const result = await fireNotification(fire, first, at('2026-12-12T17:00:00Z'));
    expect(result.kind).toBe('sent');
    expect((await fireNotification(fire, first, at('2026-12-12T17:00:05Z')))).toEqual({ kind: 'skipped', reason: 'already sent' });
    const rows = await t.db.selectFrom('outbox').select(['payload', 'recipient', 'kind']).where('kind', '=', 'notification').where('recipient', '=', '81001').execute();
    expect(rows).toHaveLength(1);
    const reply = rows[0]?.payload as { text: string; choices: Array<{ id: string }>; location: object; template: { params: string[] } };
    expect(reply.text).toContain(tr('ary', 'reminders:answer'));
    expect(reply.choices.map((c) => c.id)).toEqual(['reminder_confirm', 'reminder_cancel']);
    expect(reply.location).toMatchObject({ name: 'Centre de santé' });
    expect(reply.template.params).toHaveLength(5);
  });

  it('waits for 08:00 when the timer fires at 23:00, and cancels a reminder whose appointment was cancelled', async () => {
    const { reminders } = await bookedVillager('81002');
    expect(await fireNotification(fire, reminders[0] ?? 0, at('2026-12-12T22:00:00Z'))).toEqual({ kind: 'deferred', until: at('2026-12-13T07:00:00Z') });
    await t.db.updateTable('appointments').set({ status: 'cancelled' }).where('id', 'in', (eb) => eb.selectFrom('notifications').select('appointment_id').where('id', '=', reminders[1] ?? 0)).execute();
    expect(await fireNotification(fire, reminders[1] ?? 0, at('2026-12-14T07:00:00Z'))).toEqual({ kind: 'skipped', reason: 'appointment no longer booked' });
  });

  it('takes "1" after a reminder as "I will come", and "2" as a cancellation', async () => {
    const a = await bookedVillager('81003');
    await fireNotification(fire, a.reminders[0] ?? 0, at('2026-12-12T17:00:00Z'));
    await a.v.send('1');
    expect(a.v.last[0]?.text).toBe(tr('fr', 'reminders:confirmed'));
    const b = await bookedVillager('81004');
    await fireNotification(fire, b.reminders[0] ?? 0, at('2026-12-12T17:00:00Z'));
    await b.v.send('2');
    expect(b.v.last[0]?.text).toBe(tr('fr', 'appointments:cancelled'));
    const rows = await t.db
      .selectFrom('appointments as ap')
      .innerJoin('beneficiaries as be', 'be.id', 'ap.beneficiary_id')
      .innerJoin('contact_identities as i', 'i.contact_id', 'be.contact_id')
      .select(['i.external_id', 'ap.status', 'ap.confirmed_at'])
      .where('i.external_id', 'in', ['81003', '81004'])
      .orderBy('i.external_id')
      .execute();
    expect(rows.map((r) => [r.external_id, r.status, r.confirmed_at !== null])).toEqual([['81003', 'booked', true], ['81004', 'cancelled', false]]);
    const left = await t.db.selectFrom('notifications as n').innerJoin('contact_identities as i', 'i.contact_id', 'n.contact_id').select('n.status').where('i.external_id', '=', '81004').where('n.status', '=', 'pending').execute();
    expect(left).toEqual([]);
  });
});

describe('reconciler', () => {
  it('restores every timer after Redis lost them, and a second pass finds nothing missing', async () => {
    const { reminders } = await bookedVillager('81005');
    // 1,000 more reminders of that appointment's kind, as a busy week would have.
    const appointment = await t.db.selectFrom('notifications').select(['appointment_id', 'contact_id']).where('id', '=', reminders[0] ?? 0).executeTakeFirstOrThrow();
    await sql`insert into notifications (kind, contact_id, appointment_id, label, due_at)
      select 'reminder', ${appointment.contact_id}, null, 'bulk_' || g, now() + interval '1 day' from generate_series(1, 1000) g`.execute(t.db);
    await timers.schedule(reminders.map((id) => ({ id, dueAt: at('2026-12-12T17:00:00Z') })));
    // Redis loses everything of this prefix.
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    const first = await reconcileNotifications(t.db, redis, timers);
    expect(first.restored).toBe(first.checked);
    expect(first.checked).toBeGreaterThanOrEqual(1002);
    expect(await timers.queue.getDelayedCount()).toBe(first.checked);
    expect(await reconcileNotifications(t.db, redis, timers)).toEqual({ checked: first.checked, restored: 0 });
  });

  it('fires a due timer through the worker and queues the message for its channel once', async () => {
    const { reminders } = await bookedVillager('81006');
    const worker = startNotificationWorker({ connection: { url: REDIS_URL, maxRetriesPerRequest: null }, prefix, fire, outbound, logger: pino({ level: 'silent' }), now: () => at('2026-12-12T17:00:00Z') });
    try {
      await timers.schedule([{ id: reminders[0] ?? 0, dueAt: at('2026-12-12T17:00:00Z') }], at('2026-12-12T17:00:00Z'));
      await expect.poll(async () => (await t.db.selectFrom('notifications').select('status').where('id', '=', reminders[0] ?? 0).executeTakeFirstOrThrow()).status, { timeout: 10_000 }).toBe('sent');
      const outboxId = (await t.db.selectFrom('notifications').select('outbox_id').where('id', '=', reminders[0] ?? 0).executeTakeFirstOrThrow()).outbox_id;
      expect(await redis.exists(`${prefix}:outbound-telegram-bulk:outbox-${outboxId}`)).toBe(1);
    } finally {
      await worker.close();
    }
  });
});

describe('two workers on one queue', () => {
  it('send each of 200 due reminders once', async () => {
    const contact = await t.db.selectFrom('contact_identities').select('contact_id').where('channel', '=', 'telegram').executeTakeFirstOrThrow();
    const appointment = await t.db.selectFrom('appointments as a').innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id').select('a.id').where('b.contact_id', '=', contact.contact_id).where('a.status', '=', 'booked').executeTakeFirstOrThrow();
    const due = at('2026-12-12T17:00:00Z');
    const rows = await t.db
      .insertInto('notifications')
      .values(Array.from({ length: 200 }, (_, i) => ({ kind: 'reminder' as const, contact_id: contact.contact_id, appointment_id: appointment.id, label: `race_${i}`, due_at: due })))
      .returning('id')
      .execute();
    const before = (await t.db.selectFrom('outbox').select((eb) => eb.fn.max('id').as('max')).executeTakeFirstOrThrow()).max ?? 0;
    const options = { connection: { url: REDIS_URL, maxRetriesPerRequest: null }, prefix: `${prefix}-race`, fire, outbound, logger: pino({ level: 'silent' }), now: () => due };
    const raceTimers = createNotificationTimers({ connection: options.connection, prefix: options.prefix });
    const workers = [startNotificationWorker(options), startNotificationWorker(options)];
    try {
      await raceTimers.schedule(rows.map((r) => ({ id: r.id, dueAt: due })), due);
      // And each timer twice more, as a reconciler racing a slow worker would.
      await raceTimers.queue.addBulk(rows.map((r) => ({ name: 'fire', data: { notificationId: r.id }, opts: { jobId: `again-${r.id}` } })));
      await expect.poll(async () => (await t.db.selectFrom('notifications').select('id').where('label', 'like', 'race_%').where('status', '=', 'sent').execute()).length, { timeout: 20_000 }).toBe(200);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
      await raceTimers.close();
    }
    // 400 firings in all, two workers: exactly one message per reminder was written.
    const written = await t.db.selectFrom('outbox').select('id').where('id', '>', Number(before)).where('kind', '=', 'notification').execute();
    expect(written).toHaveLength(200);
  });
});

// When many reminders fall due together, one timer's transaction fires the others already due with it:
// each once, only reminders, and never taken for done while another transaction that may roll back holds it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireDueTogether, type FireDeps } from '../../src/scheduling/fire-notification.ts';
import { DEFAULT_QUIET_HOURS } from '../../src/scheduling/quiet-hours.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { bookEyeConsultation, conversationDeps, seedConversationCampaigns, Villager } from '../support/conversation-harness.ts';

let t: TestDatabase;
let fire: FireDeps;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db, 5000);
  fire = { db: t.db, t: createTranslator(loadResources()), zone: 'Africa/Casablanca', quiet: DEFAULT_QUIET_HOURS };
});
afterAll(async () => t?.drop());

/** A villager booked for 14 December: their reminders' ids and appointment, by due time. */
async function booked(chat: string): Promise<{ reminders: Array<{ id: number; due_at: Date }>; appointmentId: number; contactId: number }> {
  const v = new Villager(conversationDeps(t.db), chat, 'telegram');
  await v.onboard('fr');
  await bookEyeConsultation(v, { name: 'Rachida Amzil', sex: 'female', age: 52, day: '2026-12-14' });
  const rows = await t.db
    .selectFrom('notifications as n')
    .innerJoin('contact_identities as i', 'i.contact_id', 'n.contact_id')
    .select(['n.id', 'n.due_at', 'n.appointment_id', 'n.contact_id'])
    .where('i.external_id', '=', chat)
    .where('n.kind', '=', 'reminder')
    .orderBy('n.due_at')
    .execute();
  return { reminders: rows.map((r) => ({ id: r.id, due_at: r.due_at })), appointmentId: rows[0]?.appointment_id ?? 0, contactId: rows[0]?.contact_id ?? 0 };
}
const statusOf = async (id: number) => (await t.db.selectFrom('notifications').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

describe('reminders due together', () => {
  it('fire in the transaction of the first timer to ring, each once, and leave what is not yet due or not a reminder', async () => {
    const people = [await booked('82001'), await booked('82002'), await booked('82003')];
    const [first, ...others] = people.map((p) => p.reminders[0] ?? { id: 0, due_at: new Date(0) });
    if (!first) throw new Error('no reminder booked');
    const now = new Date(Math.max(...people.map((p) => p.reminders[0]?.due_at.getTime() ?? 0)));
    // A check-in already due rides with nobody: only its own timer may put it off.
    const checkin = await t.db
      .insertInto('notifications')
      .values({ kind: 'checkin', contact_id: people[1]?.contactId ?? 0, appointment_id: people[1]?.appointmentId ?? 0, label: 'day1', due_at: new Date(now.getTime() - 60_000) })
      .returning('id')
      .executeTakeFirstOrThrow();

    const fired = await fireDueTogether(fire, [first.id], now, 50);
    expect(fired.map((f) => [f.id, f.result.kind]).sort()).toEqual([first, ...others].map((r) => [r.id, 'sent']).sort());
    for (const later of people.map((p) => p.reminders[1]?.id ?? 0)) expect(await statusOf(later)).toBe('pending');
    expect(await statusOf(checkin.id)).toBe('pending');
    // Their own timers ring next, and find them sent: one message each.
    for (const other of others) expect(await fireDueTogether(fire, [other.id], now, 50)).toEqual([{ id: other.id, result: { kind: 'skipped', reason: 'already sent' } }]);
    const messages = await t.db.selectFrom('outbox').select('contact_id').where('kind', '=', 'notification').where('contact_id', 'in', people.map((p) => p.contactId)).execute();
    expect(messages.map((m) => m.contact_id).sort()).toEqual(people.map((p) => p.contactId).sort());
  });

  it('waits for the outcome of a transaction holding the notification, and fires it when that one rolls back', async () => {
    const { reminders } = await booked('82004');
    const reminder = reminders[0];
    if (!reminder) throw new Error('no reminder booked');
    let release: () => void = () => undefined;
    let locked: () => void = () => undefined;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // Another worker's batch: holds the row, then fails.
    const holder = t.db
      .transaction()
      .execute(async (trx) => {
        await trx.selectFrom('notifications').select('id').where('id', '=', reminder.id).forUpdate().execute();
        locked();
        await new Promise<void>((resolve) => (release = resolve));
        throw new Error('the batch failed');
      })
      .catch((err: Error) => err.message);
    await isLocked;
    let settled = false;
    const firing = fireDueTogether(fire, [reminder.id], reminder.due_at, 50).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    release();
    expect(await holder).toBe('the batch failed');
    expect(await firing).toEqual([{ id: reminder.id, result: expect.objectContaining({ kind: 'sent' }) }]);
    expect(await statusOf(reminder.id)).toBe('sent');
  });
});

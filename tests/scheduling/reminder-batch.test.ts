// Reminders fired together say and do what each would alone: the same text in the person's language,
// the same refusals (no consent, STOP, no chat, visit cancelled), the conversation set for the answer,
// and two reminders to one person in one batch do not trip over each other.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../src/db/tables.ts';
import { formatConfirmationCode } from '../../src/domain/appointments/confirmation-code.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { fireNotification, type FireDeps } from '../../src/scheduling/fire-notification.ts';
import { fireRemindersTogether } from '../../src/scheduling/reminder-batch.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { addDays, bookEyeConsultation, conversationDeps, seedConversationCampaigns, START_DAY, Villager } from '../support/conversation-harness.ts';

let t: TestDatabase;
let fire: FireDeps;
let chats = 83000;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db, 5000);
  // Quiet hours off: the firing below happens at whatever instant the reminders fall due.
  fire = { db: t.db, t: createTranslator(loadResources()), zone: 'Africa/Casablanca', quiet: { from: '00:00', until: '00:00' } };
});
afterAll(async () => t?.drop());

interface Person {
  contactId: number;
  appointmentId: number;
  code: string;
  reminders: number[];
}

/** A villager booked at the caravan's first day, in `locale`, changed by `setup`: their reminders by due time. */
async function person(locale: Locale, setup: (p: Person) => Promise<void>): Promise<Person> {
  const chat = String(chats++);
  const v = new Villager(conversationDeps(t.db), chat, 'telegram');
  await v.onboard('fr');
  await bookEyeConsultation(v, { name: 'Rachida Amzil', sex: 'female', age: 52, day: addDays(START_DAY, 13) });
  const rows = await t.db
    .selectFrom('notifications as n')
    .innerJoin('contact_identities as i', 'i.contact_id', 'n.contact_id')
    .innerJoin('appointments as a', 'a.id', 'n.appointment_id')
    .select(['n.id', 'n.contact_id', 'n.appointment_id', 'a.code'])
    .where('i.external_id', '=', chat)
    .where('n.kind', '=', 'reminder')
    .orderBy('n.due_at')
    .execute();
  const first = rows[0];
  if (!first?.appointment_id) throw new Error('no reminder booked');
  await t.db.updateTable('contacts').set({ locale }).where('id', '=', first.contact_id).execute();
  const p = { contactId: first.contact_id, appointmentId: first.appointment_id, code: first.code, reminders: rows.map((r) => r.id) };
  await setup(p);
  return p;
}

/** A fired reminder as the person and the records see it, their confirmation code put aside so two people compare. */
async function outcome(p: Person, id: number) {
  const n = await t.db.selectFrom('notifications').select(['status', 'reason', 'outbox_id', 'attempts']).where('id', '=', id).executeTakeFirstOrThrow();
  const message = n.outbox_id === null ? null : await t.db.selectFrom('outbox').select(['payload', 'channel', 'kind', 'contact_id', 'campaign_id', 'organisation_id']).where('id', '=', n.outbox_id).executeTakeFirstOrThrow();
  const conversation = await t.db.selectFrom('conversations').select('state').where('contact_id', '=', p.contactId).executeTakeFirst();
  const state = conversation?.state as { reminder?: { appointmentId: number; sentAt: string } } | undefined;
  const code = formatConfirmationCode(p.code);
  return {
    status: n.status,
    reason: n.reason,
    attempts: n.attempts,
    message: message && { ...message, contact_id: message.contact_id === p.contactId, payload: JSON.stringify(message.payload).replaceAll(code, '<code>') },
    answers: state?.reminder ? { ...state.reminder, appointmentId: state.reminder.appointmentId === p.appointmentId } : null,
  };
}

const CASES: Array<{ name: string; locale: Locale; setup: (p: Person) => Promise<void> }> = [
  { name: 'booked, French', locale: 'fr', setup: async () => undefined },
  { name: 'booked, Darija', locale: 'ary', setup: async () => undefined },
  { name: 'booked, Arabizi', locale: 'ary-Latn', setup: async () => undefined },
  { name: 'booked, Arabic', locale: 'ar', setup: async () => undefined },
  { name: 'said STOP', locale: 'fr', setup: async (p) => void (await t.db.updateTable('contacts').set({ opted_out_at: sql<Date>`now()` }).where('id', '=', p.contactId).execute()) },
  { name: 'withdrew consent', locale: 'fr', setup: async (p) => void (await t.db.updateTable('contacts').set({ consent_at: null }).where('id', '=', p.contactId).execute()) },
  { name: 'blocked the bot', locale: 'fr', setup: async (p) => void (await t.db.updateTable('contact_identities').set({ blocked_at: sql<Date>`now()` }).where('contact_id', '=', p.contactId).execute()) },
  { name: 'cancelled the visit', locale: 'fr', setup: async (p) => void (await t.db.updateTable('appointments').set({ status: 'cancelled' }).where('id', '=', p.appointmentId).execute()) },
  { name: 'reminded already', locale: 'fr', setup: async (p) => void (await t.db.updateTable('notifications').set({ status: 'sent' }).where('id', '=', p.reminders[0] ?? 0).execute()) },
];

describe('reminders fired together', () => {
  it('end as each would alone, in every case', async () => {
    const now = new Date();
    const alone = await Promise.all(CASES.map((c) => person(c.locale, c.setup)));
    const together = await Promise.all(CASES.map((c) => person(c.locale, c.setup)));
    for (const p of alone) await fireNotification(fire, p.reminders[0] ?? 0, now);
    const fired = await t.db.transaction().execute((trx) => fireRemindersTogether(trx, fire, together.map((p) => p.reminders[0] ?? 0), now));

    expect(fired.map((f) => f.result.kind)).toEqual(['sent', 'sent', 'sent', 'sent', 'skipped', 'skipped', 'skipped', 'skipped', 'skipped']);
    for (const [i, c] of CASES.entries()) {
      const [a, b] = [alone[i], together[i]];
      if (!a || !b) throw new Error('a person is missing');
      expect({ case: c.name, ...(await outcome(b, b.reminders[0] ?? 0)) }).toEqual({ case: c.name, ...(await outcome(a, a.reminders[0] ?? 0)) });
    }
    // The texts are the people's own: Darija in Arabic script for one, Arabizi for another.
    const [fr, ary, aryLatn] = await Promise.all(together.slice(0, 3).map((p) => outcome(p, p.reminders[0] ?? 0)));
    expect(fr?.message?.payload).toMatch(/Rachida Amzil/);
    expect(ary?.message?.payload).toMatch(/[\u0600-\u06ff]/);
    expect(aryLatn?.message?.payload).not.toMatch(/[\u0600-\u06ff]/);
  });

  it('sends both reminders of one person in one batch, and the conversation answers the later', async () => {
    const p = await person('fr', async () => undefined);
    expect(p.reminders).toHaveLength(2);
    const fired = await t.db.transaction().execute((trx) => fireRemindersTogether(trx, fire, p.reminders, new Date()));
    expect(fired.map((f) => f.result.kind)).toEqual(['sent', 'sent']);
    const messages = await t.db.selectFrom('outbox').select('id').where('contact_id', '=', p.contactId).where('kind', '=', 'notification').execute();
    expect(messages).toHaveLength(2);
    const [first, second] = await Promise.all(p.reminders.map((id) => outcome(p, id)));
    expect(first?.answers).toEqual(second?.answers);
    expect(second?.answers?.appointmentId).toBe(true);
  });

  it('sets the conversation for the visit reminded last when one person has two visits in the batch', async () => {
    const p = await person('fr', async () => undefined);
    const other = await person('fr', async () => undefined);
    // A second visit reminded to the same phone (a relative's, booked by them).
    const second = await t.db
      .insertInto('notifications')
      .values({ kind: 'reminder', contact_id: p.contactId, appointment_id: other.appointmentId, label: 'relative', due_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.transaction().execute((trx) => fireRemindersTogether(trx, fire, [p.reminders[0] ?? 0, second.id], new Date()));
    const conversation = await t.db.selectFrom('conversations').select('state').where('contact_id', '=', p.contactId).executeTakeFirstOrThrow();
    expect((conversation.state as { reminder?: { appointmentId: number } }).reminder?.appointmentId).toBe(other.appointmentId);
  });

  it('answers a reminder it cannot find as skipped, and queues nothing for it', async () => {
    const fired = await t.db.transaction().execute((trx) => fireRemindersTogether(trx, fire, [2_000_000_000], new Date()));
    expect(fired).toEqual([{ id: 2_000_000_000, result: { kind: 'skipped', reason: 'no such notification' } }]);
  });
});

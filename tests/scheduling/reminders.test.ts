// Booking writes the reminders at the right local times; cancelling drops them; moving moves them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { bookEyeConsultation, conversationDeps, registerUpToWindow, seedConversationCampaigns, Villager } from '../support/conversation-harness.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
});
afterAll(async () => t?.drop());

const remindersOf = (phone: string) =>
  t.db
    .selectFrom('notifications as n')
    .innerJoin('contacts as c', 'c.id', 'n.contact_id')
    .select(['n.label', 'n.status', 'n.due_at', 'n.reason'])
    .where('c.phone_e164', '=', phone)
    .orderBy('n.id')
    .execute();

async function book(v: Villager, day: string): Promise<void> {
  await v.onboard('fr');
  await bookEyeConsultation(v, { name: 'Samira Haddou', sex: 'female', age: 44, day });
}

describe('reminders of a booking', () => {
  it('are written on booking: two days before at 18:00 and the morning of the visit at 08:00, Morocco time', async () => {
    const v = new Villager(conversationDeps(t.db), '+212600000601');
    await book(v, '2026-12-14');
    const rows = await remindersOf(v.phone);
    expect(rows.map((r) => [r.label, r.status, r.due_at.toISOString()])).toEqual([
      ['two_days_before', 'pending', '2026-12-12T17:00:00.000Z'],
      ['morning_of', 'pending', '2026-12-14T07:00:00.000Z'],
    ]);
  });

  it('are dropped when the appointment is cancelled', async () => {
    const v = new Villager(conversationDeps(t.db), '+212600000602');
    await book(v, '2026-12-14');
    await v.send('annuler mon rendez-vous');
    await v.choose('yes');
    expect((await remindersOf(v.phone)).map((r) => [r.status, r.reason])).toEqual([
      ['cancelled', 'appointment cancelled'],
      ['cancelled', 'appointment cancelled'],
    ]);
  });

  it('move with the appointment', async () => {
    const v = new Villager(conversationDeps(t.db), '+212600000603');
    await book(v, '2026-12-14');
    await v.send('changer mon rendez-vous');
    await v.choose(/15/);
    const rows = await remindersOf(v.phone);
    expect(rows.filter((r) => r.status === 'pending').map((r) => [r.label, r.due_at.toISOString()])).toEqual([
      ['two_days_before', '2026-12-13T17:00:00.000Z'],
      ['morning_of', '2026-12-15T07:00:00.000Z'],
    ]);
    expect(rows.filter((r) => r.status === 'cancelled')).toHaveLength(2);
  });

  it('start for the person waiting when a cancelled place goes to them', async () => {
    // Surgery on 14 December has one place, at 08:00: the morning reminder goes the evening before.
    const surgery = async (v: Villager, name: string) => {
      await v.onboard('fr');
      await registerUpToWindow(v, { name, sex: 'male', age: 60, service: 'surgery', day: '2026-12-14' });
    };
    const holder = new Villager(conversationDeps(t.db), '+212600000604');
    await surgery(holder, 'Lahcen Ouhadi');
    await holder.send('1'); // the only window
    await holder.choose('confirm');
    const waiting = new Villager(conversationDeps(t.db), '+212600000605');
    await surgery(waiting, 'Moha Ait Baha');
    await waiting.choose('waitlist');
    expect(await remindersOf(waiting.phone)).toEqual([]);

    await holder.send('annuler mon rendez-vous');
    await holder.choose('yes');
    const promoted = await remindersOf(waiting.phone);
    expect(promoted.map((r) => [r.label, r.status, r.due_at.toISOString()])).toEqual([
      ['two_days_before', 'pending', '2026-12-12T17:00:00.000Z'],
      ['morning_of', 'pending', '2026-12-13T19:00:00.000Z'],
    ]);
  });
});

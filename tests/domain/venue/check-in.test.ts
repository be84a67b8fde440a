// Checking in at the desk against the real database: every outcome a scan can have, the same scan sent
// again counted once, two desks reconciled on the first arrival, and twenty desks at once giving one
// "checked in".
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../../src/db/transaction.ts';
import { cancelAppointment } from '../../../src/domain/appointments/cancellation.ts';
import { checkIn, type DeskActor, type ScanInput } from '../../../src/domain/venue/index.ts';
import { deps } from '../../support/fixtures.ts';
import { bookPeople, DAY, NEXT_DAY, NOW, scan, seedDeskWorld, time, type DeskWorld } from '../../support/desk-world.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

let t: TestDatabase;
let w: DeskWorld;
beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 12 });
  w = await seedDeskWorld(t.db);
});
afterAll(async () => t?.drop());

const desk = (input: ScanInput, actor: DeskActor = w.desks.amina, organisationId = w.association) => inTransaction(t.db, (trx) => checkIn(trx, actor, organisationId, input, time));
const statusOf = async (code: string) => (await t.db.selectFrom('appointments').select(['status', 'arrived_at', 'arrived_by']).where('code', '=', code).executeTakeFirstOrThrow());

describe('a scan at the desk', () => {
  it('checks a booked person in with what the desk shows, and marks the appointment attended', async () => {
    const [code = ''] = await bookPeople(t.db, w.caravan, 1);
    const input = scan(w.caravan, code.toLowerCase().replace(/^(...)/, '$1-'));
    const outcome = await desk(input);
    expect(outcome).toMatchObject({ kind: 'checked_in', code, service: 'ophthalmology', window: { start: '09:00', end: '12:00' }, fasting: false, arrivedAt: input.at.toISOString() });
    expect(outcome?.kind === 'checked_in' && outcome.person).toMatchObject({ sex: expect.any(String), age: expect.any(Number), name: expect.stringMatching(/^Personne /) });
    expect(await statusOf(code)).toMatchObject({ status: 'attended', arrived_by: w.desks.amina.id });
    const audit = await t.db.selectFrom('audit_log').select(['action', 'actor']).where('entity', '=', 'appointment').where('action', '=', 'appointment.attended').execute();
    expect(audit).toContainEqual({ action: 'appointment.attended', actor: `staff:${w.desks.amina.id}` });
  });

  it('says surgery patients must come fasting', async () => {
    const [code = ''] = await bookPeople(t.db, w.caravan, 1, { service: 'surgery' });
    expect(await desk(scan(w.caravan, code))).toMatchObject({ kind: 'checked_in', service: 'surgery', fasting: true, window: { start: '08:00', end: '10:00' } });
  });

  it('answers the same scan sent three times with the very same answer, and counts it once', async () => {
    const [code = ''] = await bookPeople(t.db, w.caravan, 1);
    const input = scan(w.caravan, code);
    const answers = [await desk(input), await desk(input), await desk({ ...input, at: new Date(NOW.getTime() - 30 * 60_000) })];
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[0]?.kind).toBe('checked_in');
    const kept = await t.db.selectFrom('desk_checkins').select('outcome').where('client_id', '=', input.clientId).execute();
    expect(kept).toEqual([{ outcome: 'checked_in' }]);
    const audit = await t.db.selectFrom('audit_log').select('id').where('action', '=', 'appointment.attended').where(sql<boolean>`details @> ${JSON.stringify({ clientId: input.clientId })}::jsonb`).execute();
    expect(audit).toHaveLength(1);
  });

  it('tells a second desk the person is already in: when, by whom, under which scan', async () => {
    const [code = ''] = await bookPeople(t.db, w.caravan, 1);
    const first = scan(w.caravan, code, { at: new Date(NOW.getTime() - 10 * 60_000) });
    await desk(first, w.desks.amina);
    const second = await desk(scan(w.caravan, code), w.desks.youssef);
    expect(second).toMatchObject({ kind: 'already', code, at: first.at.toISOString(), by: 'Amina', firstClientId: first.clientId, service: 'ophthalmology' });
    expect(await statusOf(code)).toMatchObject({ arrived_by: w.desks.amina.id, arrived_at: first.at });
  });

  it('keeps the earliest arrival when two offline desks send theirs in the other order, and tells the later one', async () => {
    const [code = ''] = await bookPeople(t.db, w.caravan, 1);
    const earlier = scan(w.caravan, code, { at: new Date(NOW.getTime() - 20 * 60_000) });
    const later = scan(w.caravan, code, { at: new Date(NOW.getTime() - 5 * 60_000) });
    expect((await desk(later, w.desks.youssef))?.kind).toBe('checked_in');
    expect(await desk(earlier, w.desks.amina)).toMatchObject({ kind: 'checked_in', arrivedAt: earlier.at.toISOString() });
    expect(await statusOf(code)).toMatchObject({ arrived_by: w.desks.amina.id, arrived_at: earlier.at });
    // Youssef's desk sends its queue again and learns who was first.
    expect(await desk(later, w.desks.youssef)).toMatchObject({ kind: 'already', at: earlier.at.toISOString(), by: 'Amina', firstClientId: earlier.clientId });
    const outcomes = await t.db.selectFrom('desk_checkins as d').innerJoin('appointments as a', 'a.id', 'd.appointment_id').select('d.outcome').where('a.code', '=', code).orderBy('d.outcome').execute();
    expect(outcomes).toEqual([{ outcome: 'already' }, { outcome: 'checked_in' }]);
  });

  it('checks one person in exactly once when twenty desks scan their code at the same moment', async () => {
    const [code = ''] = await bookPeople(t.db, w.caravan, 1);
    const at = new Date(NOW.getTime() - 60_000);
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => desk(scan(w.caravan, code, { at }), i % 2 ? w.desks.amina : w.desks.youssef)));
    expect(outcomes.filter((o) => o?.kind === 'checked_in')).toHaveLength(1);
    expect(outcomes.filter((o) => o?.kind === 'already')).toHaveLength(19);
  });

  it('answers the same scan sent at once from two connections once', async () => {
    const [code = ''] = await bookPeople(t.db, w.caravan, 1);
    const input = scan(w.caravan, code);
    const [a, b] = await Promise.all([desk(input), desk(input)]);
    expect(a).toEqual(b);
    expect(a?.kind).toBe('checked_in');
  });

  it('names the other day of a person booked for tomorrow, and changes nothing', async () => {
    const [code = ''] = await bookPeople(t.db, w.caravan, 1, { day: NEXT_DAY });
    expect(await desk(scan(w.caravan, code))).toEqual({ kind: 'other_day', day: NEXT_DAY, service: 'ophthalmology' });
    expect((await statusOf(code)).status).toBe('booked');
  });

  it("names the organisation's other campaign", async () => {
    const [code = ''] = await bookPeople(t.db, w.otherCaravan, 1);
    expect(await desk(scan(w.caravan, code))).toEqual({ kind: 'other_campaign', campaignId: w.otherCaravan, title: 'Caravane de Boumalne' });
  });

  it("calls another organisation's code unknown, saying nothing of its campaign", async () => {
    const [code = ''] = await bookPeople(t.db, w.drive, 1);
    expect(await desk(scan(w.caravan, code))).toEqual({ kind: 'unknown' });
    expect((await statusOf(code)).status).toBe('booked');
  });

  it('says a cancelled appointment is cancelled', async () => {
    const [code = ''] = await bookPeople(t.db, w.caravan, 1);
    const { id } = await t.db.selectFrom('appointments').select('id').where('code', '=', code).executeTakeFirstOrThrow();
    await inTransaction(t.db, (trx) => cancelAppointment(trx, { actor: { kind: 'staff', id: 'test' }, channel: 'staff', today: DAY }, id, deps));
    expect(await desk(scan(w.caravan, code))).toEqual({ kind: 'cancelled', code });
  });

  it('calls a code nobody holds, or one with a dropped letter, unknown', async () => {
    expect(await desk(scan(w.caravan, 'AAAAAA'))).toEqual({ kind: 'unknown' });
    expect(await desk(scan(w.caravan, 'K0F3QX'))).toEqual({ kind: 'unknown' });
  });

  it("answers nothing for another organisation's campaign (the route says 404)", async () => {
    const [code = ''] = await bookPeople(t.db, w.drive, 1);
    expect(await desk(scan(w.drive, code))).toBeUndefined();
  });

  it("does not believe a desk clock far ahead, nor one before the day's start", async () => {
    const [ahead = '', behind = ''] = await bookPeople(t.db, w.caravan, 2);
    expect(await desk(scan(w.caravan, ahead, { at: new Date(NOW.getTime() + 3 * 3_600_000) }))).toMatchObject({ kind: 'checked_in', arrivedAt: NOW.toISOString() });
    expect(await desk(scan(w.caravan, behind, { at: new Date('2026-12-10T09:00:00Z') }))).toMatchObject({ kind: 'checked_in', arrivedAt: '2026-12-13T23:00:00.000Z' });
  });

  it('refuses a scan for a day that has not begun', async () => {
    const [code = ''] = await bookPeople(t.db, w.caravan, 1, { day: NEXT_DAY });
    await expect(desk(scan(w.caravan, code, { day: NEXT_DAY }))).rejects.toThrow(/has not begun/);
  });

  it('refuses a client id used by another kind of record', async () => {
    const [code = ''] = await bookPeople(t.db, w.caravan, 1);
    const clientId = randomUUID();
    await t.db.insertInto('desk_checkins').values({ client_id: clientId, kind: 'walk_in', organisation_id: w.association, campaign_id: w.caravan, appointment_id: null, staff_id: w.desks.amina.id, at: NOW, outcome: 'walked_in', answer: '{}' }).execute();
    await expect(desk(scan(w.caravan, code, { clientId }))).rejects.toThrow(/used for something else/);
  });
});

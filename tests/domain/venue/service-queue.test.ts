// Each service's queue against the real database: the checked-in people of a day and service in call
// order, "seen" kept once whatever the taps, the campaign's figures counting who still waits, and
// nothing of another organisation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../../src/db/transaction.ts';
import { campaignCapacity } from '../../../src/domain/campaigns/campaign-capacity.ts';
import { checkIn, markSeen, queueOrder, serviceQueue } from '../../../src/domain/venue/index.ts';
import { DEFAULT_CHECKIN_DAYS, markProcedureDone } from '../../../src/scheduling/checkins.ts';
import { DEFAULT_QUIET_HOURS } from '../../../src/scheduling/quiet-hours.ts';
import { bookPeople, DAY, NOW, scan, seedDeskWorld, time, ZONE, type DeskWorld } from '../../support/desk-world.ts';
import { addTestStaff } from '../../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

let t: TestDatabase;
let w: DeskWorld;
let doctor: { kind: 'staff'; id: number };
let cnts: number;
beforeAll(async () => {
  t = await createTestDatabase();
  w = await seedDeskWorld(t.db);
  doctor = { kind: 'staff', id: (await addTestStaff(t.db, { name: 'Dr Alami', role: 'medical', organisation: 'test-association' })).id };
  cnts = (await t.db.selectFrom('organisations').select('id').where('slug', '=', 'cnts').executeTakeFirstOrThrow()).id;
});
afterAll(async () => t?.drop());

const minutesAgo = (n: number) => new Date(NOW.getTime() - n * 60_000);
const arrive = (code: string, at: Date) => inTransaction(t.db, (trx) => checkIn(trx, w.desks.amina, w.association, scan(w.caravan, code, { at }), time));
const seen = (appointmentId: number, at = NOW, organisationId = w.association) => inTransaction(t.db, (trx) => markSeen(trx, doctor, organisationId, appointmentId, at));
const idOf = async (code: string) => (await t.db.selectFrom('appointments').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const queueOf = async (service: string, codes: readonly string[]) => {
  const queue = await serviceQueue(t.db, w.association, w.caravan, DAY, service);
  return { waiting: queue?.waiting, people: queue?.people.filter((p) => codes.includes(p.code)) ?? [] };
};

describe("a service's queue", () => {
  it('lists the checked-in people by window start, then by arrival, and nobody not yet arrived', async () => {
    const [afternoon = '', late = '', early = '', absent = ''] = [...(await bookPeople(t.db, w.caravan, 1, { start: '14:00' })), ...(await bookPeople(t.db, w.caravan, 3))];
    const [surgery = ''] = await bookPeople(t.db, w.caravan, 1, { service: 'surgery' });
    await arrive(afternoon, minutesAgo(50));
    await arrive(late, minutesAgo(5));
    await arrive(early, minutesAgo(40));
    await arrive(surgery, minutesAgo(45));
    const queue = await queueOf('ophthalmology', [afternoon, late, early, absent, surgery]);
    expect(queue.people.map((p) => p.code)).toEqual([early, late, afternoon]);
    expect(queue.people[0]).toMatchObject({ window: { start: '09:00', end: '12:00' }, arrivedAt: minutesAgo(40).toISOString(), seenAt: null, procedureDoneAt: null, walkIn: false, name: expect.stringMatching(/^Personne /), age: expect.any(Number) });
    expect((await queueOf('surgery', [surgery])).people.map((p) => p.code)).toEqual([surgery]);
  });

  it('keeps the first "seen" when tapped twice, audits it once, and no longer counts the person as waiting', async () => {
    const [code = ''] = await bookPeople(t.db, w.caravan, 1);
    await arrive(code, minutesAgo(20));
    const id = await idOf(code);
    const before = await queueOf('ophthalmology', [code]);
    const figuresBefore = await campaignCapacity(t.db, w.association, w.caravan, DAY);
    const first = await seen(id, minutesAgo(2));
    const again = await seen(id, NOW);
    expect(first).toEqual({ appointmentId: id, seenAt: minutesAgo(2).toISOString() });
    expect(again).toEqual(first);
    const after = await queueOf('ophthalmology', [code]);
    expect(after.people[0]?.seenAt).toBe(minutesAgo(2).toISOString());
    expect(after.waiting).toBe((before.waiting ?? 0) - 1);
    const inQueue = (f: typeof figuresBefore) => f?.days.find((d) => d.day === DAY)?.services.find((s) => s.service === 'ophthalmology')?.inQueue;
    expect(inQueue(await campaignCapacity(t.db, w.association, w.caravan, DAY))).toBe((inQueue(figuresBefore) ?? 0) - 1);
    const audit = await t.db.selectFrom('audit_log').select('actor').where('action', '=', 'appointment.seen').where('entity_id', '=', String(id)).execute();
    expect(audit).toEqual([{ actor: `staff:${doctor.id}` }]);
    const row = await t.db.selectFrom('appointments').select('seen_by').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.seen_by).toBe(doctor.id);
  });

  it('counts an operated person as no longer waiting', async () => {
    const [code = ''] = await bookPeople(t.db, w.caravan, 1, { service: 'surgery' });
    await arrive(code, minutesAgo(30));
    const before = await queueOf('surgery', [code]);
    const settings = { zone: ZONE, quiet: DEFAULT_QUIET_HOURS, days: DEFAULT_CHECKIN_DAYS, at: '10:00' };
    await inTransaction(t.db, (trx) => markProcedureDone(trx, doctor, w.association, before.people[0]?.appointmentId ?? 0, NOW, settings));
    const after = await queueOf('surgery', [code]);
    expect(after.people[0]?.procedureDoneAt).toBe(NOW.toISOString());
    expect(after.waiting).toBe((before.waiting ?? 0) - 1);
  });

  it("shows nothing of another organisation's campaign and marks none of its people", async () => {
    const [code = ''] = await bookPeople(t.db, w.caravan, 1);
    await arrive(code, minutesAgo(10));
    expect(await serviceQueue(t.db, cnts, w.caravan, DAY, 'ophthalmology')).toBeUndefined();
    expect(await seen(await idOf(code), NOW, cnts)).toBeUndefined();
    const row = await t.db.selectFrom('appointments').select('seen_at').where('code', '=', code).executeTakeFirstOrThrow();
    expect(row.seen_at).toBeNull();
  });

  it('does not mark "seen" a person who has not checked in', async () => {
    const [code = ''] = await bookPeople(t.db, w.caravan, 1);
    expect(await seen(await idOf(code))).toBeUndefined();
  });
});

describe('queueOrder', () => {
  const entry = (appointmentId: number, start: string, arrivedAt: string | null) => ({ appointmentId, window: { start }, arrivedAt, seenAt: null, procedureDoneAt: null });
  it('puts those marked attended without the desk last in their window', () => {
    const ordered = queueOrder([entry(1, '09:00', null), entry(2, '14:00', '2026-12-14T08:00:00.000Z'), entry(3, '09:00', '2026-12-14T09:00:00.000Z'), entry(4, '09:00', '2026-12-14T08:30:00.000Z')]);
    expect(ordered.map((e) => e.appointmentId)).toEqual([4, 3, 1, 2]);
  });
});

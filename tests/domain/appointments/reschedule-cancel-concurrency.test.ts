// Counts stay right when people cancel, move and book at the same moment, and the waitlist is served once each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../src/db/tables.ts';
import { bookAppointment } from '../../../src/domain/appointments/booking.ts';
import { cancelAppointment } from '../../../src/domain/appointments/cancellation.ts';
import { rescheduleAppointment } from '../../../src/domain/appointments/reschedule.ts';
import { joinWaitlist } from '../../../src/domain/appointments/waitlist.ts';
import { BookingRefused } from '../../../src/domain/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { countsAgree, createBeneficiaries, deps, importTestCampaign, slotIds, staffContext } from '../../support/fixtures.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 20 });
});
afterAll(async () => t?.drop());

const ctx = staffContext();
const tx = <T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> => t.db.transaction().execute(fn);

async function bookAll(beneficiaries: number[], slotId: number): Promise<number[]> {
  const ids: number[] = [];
  for (const beneficiaryId of beneficiaries) {
    const a = await tx((trx) => bookAppointment(trx, ctx, { beneficiaryId, slotId }, deps));
    ids.push(a.id);
  }
  return ids;
}

async function slotState(campaignId: number) {
  const rows = await sql<{ id: number; booked: number; capacity: number; actual: number }>`
    select s.id, s.booked, s.capacity, count(a.id) filter (where a.status = 'booked')::int as actual
    from slots s left join appointments a on a.slot_id = s.id
    where s.campaign_id = ${campaignId} group by s.id order by s.id`.execute(t.db);
  return rows.rows;
}

/** 50 people in window A, 30 in window B, 40 newcomers; everything at once: 30 move A→B, 30 move B→A, 20 of A cancel, the newcomers book alternately. */
async function rushHour(slug: string, capacity: number) {
  const campaignId = await importTestCampaign(t.db, {
    slug,
    firstDay: '2026-12-14',
    lastDay: '2026-12-14',
    services: [{ code: 'general_medicine', windows: [{ start: '08:00', end: '10:00', capacity }, { start: '10:00', end: '12:00', capacity }] }],
  });
  const [slotA, slotB] = await slotIds(t.db, campaignId);
  if (slotA === undefined || slotB === undefined) throw new Error('fixture needs two slots');
  const people = await createBeneficiaries(t.db, 120);
  const inA = await bookAll(people.slice(0, 50), slotA);
  const inB = await bookAll(people.slice(50, 80), slotB);
  const moves = [...inA.slice(0, 30).map((id) => ({ id, from: slotA, to: slotB })), ...inB.map((id) => ({ id, from: slotB, to: slotA }))];
  const work: Array<Promise<unknown>> = [
    ...moves.map((m) => tx((trx) => rescheduleAppointment(trx, ctx, { appointmentId: m.id, toSlotId: m.to }, deps))),
    ...inA.slice(30, 50).map((appointmentId) => tx((trx) => cancelAppointment(trx, ctx, appointmentId, deps))),
    ...people.slice(80, 120).map((beneficiaryId, i) => tx((trx) => bookAppointment(trx, ctx, { beneficiaryId, slotId: i % 2 === 0 ? slotA : slotB }, deps))),
  ];
  const outcomes = await Promise.allSettled(work);
  const refusals = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason instanceof BookingRefused ? o.reason.reason : String(o.reason)] : []));
  const where = await t.db.selectFrom('appointments').select(['id', 'slot_id']).where('id', 'in', moves.map((m) => m.id)).execute();
  const slotOf = new Map(where.map((a) => [a.id, a.slot_id]));
  return {
    campaignId,
    state: await slotState(campaignId),
    refusals,
    /** Each move as it ended: 'moved' (in its new window) or 'stayed', and whether it was reported as done. */
    moves: moves.map((m, i) => ({ done: outcomes[i]?.status === 'fulfilled', at: slotOf.get(m.id) === m.to ? 'moved' : slotOf.get(m.id) === m.from ? 'stayed' : 'lost' })),
    newcomersBooked: outcomes.slice(80).filter((o) => o.status === 'fulfilled').length,
  };
}

describe('cancel and reschedule under concurrency', () => {
  it('moves all 60 people who swap windows while 20 cancel and 40 newcomers book, when there is room for all', async () => {
    const r = await rushHour('swaps-room', 100);
    expect(r.refusals).toEqual([]);
    expect(r.moves.filter((m) => m.done && m.at === 'moved')).toHaveLength(60);
    // A: 50 - 30 + 30 - 20 + 20; B: 30 + 30 - 30 + 20.
    expect(r.state.map((s) => [s.booked, s.actual])).toEqual([[50, 50], [50, 50]]);
  });

  it('keeps every count right while 60 people swap full windows, 20 cancel and 40 newcomers book', async () => {
    const r = await rushHour('swaps-full', 50);
    // Refused only for want of a place, and a refused move leaves the person where they were.
    expect(r.refusals.filter((reason) => reason !== 'slot_full')).toEqual([]);
    expect(r.moves.every((m) => (m.done ? m.at === 'moved' : m.at === 'stayed'))).toBe(true);
    for (const s of r.state) {
      expect(s.booked).toBe(s.actual);
      expect(s.booked).toBeLessThanOrEqual(s.capacity);
    }
    const total = r.state.reduce((n, s) => n + s.booked, 0);
    // 80 held places, 20 cancelled; moves never change the total; newcomers fill what is left.
    expect(total).toBe(80 - 20 + r.newcomersBooked);
    expect(total).toBeLessThanOrEqual(100);
    const cancelled = await t.db.selectFrom('appointments').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'cancelled').where('campaign_id', '=', r.campaignId).executeTakeFirstOrThrow();
    expect(cancelled.n).toBe(20);
  });

  it('gives 10 freed places to the 10 longest-waiting people, each exactly once, when 10 cancel at once', async () => {
    const campaignId = await importTestCampaign(t.db, {
      slug: 'waitlist-race',
      firstDay: '2026-12-14',
      lastDay: '2026-12-14',
      services: [{ code: 'ophthalmology', windows: [{ start: '08:00', end: '12:00', capacity: 10 }] }],
    });
    const [slotId] = await slotIds(t.db, campaignId);
    if (slotId === undefined) throw new Error('fixture has no slot');
    const people = await createBeneficiaries(t.db, 25);
    const holders = await bookAll(people.slice(0, 10), slotId);
    const waiting = people.slice(10, 25);
    for (const beneficiaryId of waiting) {
      await tx((trx) => joinWaitlist(trx, ctx, { beneficiaryId, campaignId, service: 'ophthalmology' }, deps));
    }

    const results = await Promise.all(holders.map((id) => tx((trx) => cancelAppointment(trx, ctx, id, deps))));

    const promoted = results.flatMap((r) => (r.promoted ? [r.promoted.appointment.beneficiary_id] : []));
    expect(promoted).toHaveLength(10);
    expect(new Set(promoted)).toEqual(new Set(waiting.slice(0, 10)));
    const slot = await t.db.selectFrom('slots').select(['booked', 'capacity']).where('id', '=', slotId).executeTakeFirstOrThrow();
    expect(slot).toEqual({ booked: 10, capacity: 10 });
    const stillWaiting = await t.db.selectFrom('waitlist_entries').select('beneficiary_id').where('status', '=', 'waiting').where('campaign_id', '=', campaignId).execute();
    expect(stillWaiting.map((w) => w.beneficiary_id).sort((a, b) => a - b)).toEqual(waiting.slice(10).sort((a, b) => a - b));
    expect(await countsAgree(t.db, campaignId)).toBe(true);
  });
});

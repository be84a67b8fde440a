// Invariant 1: a slot never holds more appointments than its capacity, whatever the concurrency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { bookAppointment } from '../../../src/domain/appointments/booking.ts';
import { BookingRefused } from '../../../src/domain/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { countsAgree, createBeneficiaries, deps, importTestCampaign, slotIds, staffContext } from '../../support/fixtures.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 20 });
});
afterAll(async () => t?.drop());

describe('booking under concurrency', () => {
  it('books exactly 100 of 1,000 concurrent attempts at 100 places and refuses the other 900 clearly', async () => {
    const campaignId = await importTestCampaign(t.db, {
      slug: 'hundred-places',
      firstDay: '2026-12-14',
      lastDay: '2026-12-14',
      services: [{ code: 'surgery', windows: [{ start: '08:00', end: '12:00', capacity: 100 }] }],
    });
    const [slotId] = await slotIds(t.db, campaignId);
    if (slotId === undefined) throw new Error('fixture has no slot');
    const beneficiaries = await createBeneficiaries(t.db, 1000);

    const outcomes = await Promise.allSettled(
      beneficiaries.map((beneficiaryId) =>
        t.db.transaction().execute((trx) => bookAppointment(trx, staffContext(), { beneficiaryId, slotId }, deps)),
      ),
    );

    const booked = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
    expect(booked).toHaveLength(100);
    expect(refused).toHaveLength(900);
    for (const reason of refused) {
      expect(reason).toBeInstanceOf(BookingRefused);
      expect((reason as BookingRefused).reason).toBe('slot_full');
    }
    const stored = await t.db.selectFrom('appointments').select((eb) => eb.fn.countAll<number>().as('n')).where('slot_id', '=', slotId).where('status', '=', 'booked').executeTakeFirstOrThrow();
    expect(stored.n).toBe(100);
    const slot = await t.db.selectFrom('slots').select(['booked', 'capacity']).where('id', '=', slotId).executeTakeFirstOrThrow();
    expect(slot).toEqual({ booked: 100, capacity: 100 });
    const codes = await t.db.selectFrom('appointments').select('code').distinct().where('slot_id', '=', slotId).execute();
    expect(codes).toHaveLength(100);
  });

  it('lets one beneficiary hold one appointment per service even when they press "book" 20 times at once', async () => {
    const campaignId = await importTestCampaign(t.db, {
      slug: 'double-press',
      firstDay: '2026-12-14',
      lastDay: '2026-12-14',
      services: [{ code: 'dental', windows: [{ start: '08:00', end: '10:00', capacity: 50 }, { start: '10:00', end: '12:00', capacity: 50 }] }],
    });
    const slots = await slotIds(t.db, campaignId);
    const [beneficiaryId] = await createBeneficiaries(t.db, 1);
    if (beneficiaryId === undefined) throw new Error('fixture has no beneficiary');

    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        t.db.transaction().execute((trx) => bookAppointment(trx, staffContext(), { beneficiaryId, slotId: slots[i % 2] ?? 0 }, deps)),
      ),
    );

    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const reasons = outcomes.flatMap((o) => (o.status === 'rejected' && o.reason instanceof BookingRefused ? [o.reason.reason] : []));
    expect(reasons).toHaveLength(19);
    expect(new Set(reasons)).toEqual(new Set(['already_booked']));
    expect(await countsAgree(t.db, campaignId)).toBe(true);
    const total = await sql<{ n: number }>`select sum(booked)::int as n from slots where campaign_id = ${campaignId}`.execute(t.db);
    expect(total.rows[0]?.n).toBe(1);
  });
});

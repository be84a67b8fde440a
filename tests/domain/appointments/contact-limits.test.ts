// One phone cannot take every place: six places per contact and campaign, one per person and service,
// however the same person is registered again, under concurrency and through the waiting list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { inTransaction } from '../../../src/db/transaction.ts';
import { bookAppointment } from '../../../src/domain/appointments/booking.ts';
import { cancelAppointment } from '../../../src/domain/appointments/cancellation.ts';
import { joinWaitlist } from '../../../src/domain/appointments/waitlist.ts';
import { BookingRefused } from '../../../src/domain/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { countsAgree, createBeneficiaries, deps, importTestCampaign, slotIds, staffContext } from '../../support/fixtures.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 12 });
});
afterAll(async () => t?.drop());

const ctx = staffContext();
const book = (beneficiaryId: number, slotId: number) => inTransaction(t.db, (trx) => bookAppointment(trx, ctx, { beneficiaryId, slotId }, deps));

/** One contact (one phone) who registered these people; returns their beneficiary ids in order. */
async function family(people: ReadonlyArray<{ name: string; born: number }>): Promise<number[]> {
  const contact = await t.db.insertInto('contacts').values({ locale: 'fr' }).returning('id').executeTakeFirstOrThrow();
  const rows = await t.db
    .insertInto('beneficiaries')
    .values(people.map((p) => ({ contact_id: contact.id, relation: 'other' as const, full_name: p.name, sex: 'female' as const, birth_year: p.born })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** A campaign of two days with four ophthalmology and two dental windows a day: twelve slots. */
async function caravan(slug: string, capacity = 20): Promise<{ campaignId: number; eyes: number[]; teeth: number[] }> {
  const campaignId = await importTestCampaign(t.db, {
    slug,
    services: [
      { code: 'ophthalmology', windows: ['08:00', '09:00', '10:00', '11:00'].map((start, i) => ({ start, end: `${String(9 + i).padStart(2, '0')}:00`, capacity })) },
      { code: 'dental', windows: [{ start: '08:00', end: '10:00', capacity }, { start: '10:00', end: '12:00', capacity }] },
    ],
  });
  const slots = await t.db.selectFrom('slots').select(['id', 'service']).where('campaign_id', '=', campaignId).orderBy('day').orderBy('starts_at').execute();
  return { campaignId, eyes: slots.filter((s) => s.service === 'ophthalmology').map((s) => s.id), teeth: slots.filter((s) => s.service === 'dental').map((s) => s.id) };
}

function refusalsOf(outcomes: ReadonlyArray<PromiseSettledResult<unknown>>): BookingRefused[] {
  return outcomes.flatMap((o) => {
    if (o.status === 'fulfilled') return [];
    if (o.reason instanceof BookingRefused) return [o.reason];
    throw o.reason;
  });
}

async function heldBy(beneficiaryIds: readonly number[], campaignId: number): Promise<number> {
  const row = await t.db.selectFrom('appointments').select((eb) => eb.fn.countAll<number>().as('n')).where('beneficiary_id', 'in', beneficiaryIds).where('campaign_id', '=', campaignId).where('status', '=', 'booked').executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('one person, one place per service', () => {
  it('reads as one name the same name written with other case, accents, spaces, dashes or Arabic vowel marks', async () => {
    const keys = async (names: string[]) => Promise.all(names.map(async (n) => (await sql<{ k: string }>`select person_name_key(${n}) as k`.execute(t.db)).rows[0]?.k));
    expect(new Set(await keys(['Fatima Zahra', ' FÂTIMA   zahra ', 'Fatima-Zahra', "fatima.zahra"]))).toEqual(new Set(['fatima zahra']));
    expect(new Set(await keys(['فاطمة الزهراء', 'فاطمه  الزهراء', 'فَاطِمَة الزّهراء']))).toHaveProperty('size', 1);
    expect(new Set(await keys(['أحمد', 'احمد', 'إحمد', 'احـمد']))).toHaveProperty('size', 1);
    expect(new Set(await keys(['Fatima Zahra', 'Fatima Zahrae', 'Fatima']))).toHaveProperty('size', 3);
  });

  it('books one of 4 concurrent bookings by one phone of the same person registered 4 times, and says who holds which day', async () => {
    const { campaignId, eyes } = await caravan('same-person-race');
    const again = await family([
      { name: 'Fatima Zahra', born: 1988 },
      { name: 'FATIMA  ZAHRA', born: 1988 },
      { name: 'fatima-zahra', born: 1988 },
      { name: 'Fâtima Zahra', born: 1988 },
    ]);

    const outcomes = await Promise.allSettled(again.map((id, i) => book(id, eyes[i * 2] ?? 0)));

    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = refusalsOf(outcomes);
    expect(refused.map((r) => r.reason)).toEqual(['already_booked', 'already_booked', 'already_booked']);
    const held = await t.db.selectFrom('appointments').innerJoin('slots', 'slots.id', 'appointments.slot_id').innerJoin('beneficiaries', 'beneficiaries.id', 'appointments.beneficiary_id').select(['appointments.id', 'slots.day', 'beneficiaries.full_name']).where('appointments.campaign_id', '=', campaignId).executeTakeFirstOrThrow();
    for (const r of refused) expect(r.details.held).toEqual({ appointmentId: held.id, day: held.day, name: held.full_name });
    expect(await countsAgree(t.db, campaignId)).toBe(true);
  });

  it('still books a namesake of another birth year, the same person for another service, and the same name under another phone', async () => {
    const { campaignId, eyes, teeth } = await caravan('namesakes');
    const [mother, daughter] = await family([{ name: 'Fatima Zahra', born: 1960 }, { name: 'Fatima Zahra', born: 1990 }]);
    const [neighbour] = await family([{ name: 'Fatima Zahra', born: 1960 }]);
    await book(mother ?? 0, eyes[0] ?? 0);
    await book(daughter ?? 0, eyes[1] ?? 0);
    await book(mother ?? 0, teeth[0] ?? 0);
    await book(neighbour ?? 0, eyes[0] ?? 0);
    expect(await heldBy([mother ?? 0, daughter ?? 0, neighbour ?? 0], campaignId)).toBe(4);
  });
});

describe('six places per phone and campaign', () => {
  it('books 6 of 8 relatives booked at once by one phone and tells the other 2 the limit', async () => {
    const { campaignId, eyes, teeth } = await caravan('eight-relatives');
    const relatives = await family(['Fatima', 'Ahmed', 'Khadija', 'Youssef', 'Aicha', 'Omar', 'Zineb', 'Hamza'].map((name, i) => ({ name, born: 1950 + i * 7 })));
    const slots = [...eyes, ...teeth];

    const outcomes = await Promise.allSettled(relatives.map((id, i) => book(id, slots[i] ?? 0)));

    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(6);
    const refused = refusalsOf(outcomes);
    expect(refused.map((r) => [r.reason, r.details.limit])).toEqual([['booking_limit', 6], ['booking_limit', 6]]);
    expect(await heldBy(relatives, campaignId)).toBe(6);
    expect(await countsAgree(t.db, campaignId)).toBe(true);
  });

  it('counts only booked places of this contact in this campaign: a cancellation frees one for the family', async () => {
    const { campaignId, eyes } = await caravan('limit-after-cancel');
    const other = await caravan('limit-other-campaign');
    const relatives = await family(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((name) => ({ name: `Personne ${name}`, born: 1980 })));
    const held: Array<{ id: number }> = [];
    for (const id of relatives.slice(0, 6)) held.push(await book(id, eyes[0] ?? 0));
    await expect(book(relatives[6] ?? 0, eyes[1] ?? 0)).rejects.toMatchObject({ reason: 'booking_limit' });
    // Another campaign has its own six places.
    await book(relatives[6] ?? 0, other.eyes[0] ?? 0);
    await inTransaction(t.db, (trx) => cancelAppointment(trx, ctx, held[0]?.id ?? 0, deps));
    await book(relatives[6] ?? 0, eyes[1] ?? 0);
    expect(await heldBy(relatives, campaignId)).toBe(6);
  });
});

describe('the waiting list is no way around the limits', () => {
  it('refuses the list to the same person registered again, and to a phone whose places and waits reach six', async () => {
    const { campaignId, eyes } = await caravan('waitlist-limits');
    const [fatima, again, ...others] = await family([{ name: 'Fatima Zahra', born: 1988 }, { name: 'fatima zahra', born: 1988 }, ...['B', 'C', 'D', 'E', 'F', 'G'].map((n) => ({ name: `Personne ${n}`, born: 1970 }))]);
    const join = (beneficiaryId: number, service = 'ophthalmology') => inTransaction(t.db, (trx) => joinWaitlist(trx, ctx, { beneficiaryId, campaignId, service }, deps));
    await book(fatima ?? 0, eyes[0] ?? 0);
    await expect(join(again ?? 0)).rejects.toMatchObject({ reason: 'already_booked' });
    await join(again ?? 0, 'dental');
    await expect(join(fatima ?? 0, 'dental')).rejects.toMatchObject({ reason: 'already_waiting' });
    // Fatima holds one place and waits for another: four more relatives fill the six.
    for (const id of others.slice(0, 4)) await join(id);
    await expect(join(others[4] ?? 0)).rejects.toMatchObject({ reason: 'booking_limit', details: { limit: 6 } });
  });

  it('passes over a waiting family that booked its six places meanwhile and gives the freed place to the next person', async () => {
    const { campaignId, eyes, teeth } = await caravan('waitlist-pass-over', 1);
    const full = eyes[0] ?? 0;
    const [holder, stranger] = await createBeneficiaries(t.db, 2);
    const relatives = await family(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((name) => ({ name: `Parent ${name}`, born: 1975 })));
    await book(holder ?? 0, full);
    const wait = (beneficiaryId: number) => inTransaction(t.db, (trx) => joinWaitlist(trx, ctx, { beneficiaryId, campaignId, service: 'ophthalmology', day: '2026-12-14' }, deps));
    await wait(relatives[0] ?? 0);
    await wait(stranger ?? 0);
    // The family books six other people directly: it holds its six places.
    for (const [i, id] of relatives.slice(1, 7).entries()) await book(id, [...eyes.slice(1), ...teeth][i] ?? 0);
    const appointment = await t.db.selectFrom('appointments').select('id').where('beneficiary_id', '=', holder ?? 0).executeTakeFirstOrThrow();
    const cancelled = await inTransaction(t.db, (trx) => cancelAppointment(trx, ctx, appointment.id, deps));
    expect(cancelled.promoted?.appointment.beneficiary_id).toBe(stranger);
    expect(await heldBy(relatives, campaignId)).toBe(6);
    const still = await t.db.selectFrom('waitlist_entries').select('status').where('beneficiary_id', '=', relatives[0] ?? 0).executeTakeFirstOrThrow();
    expect(still.status).toBe('waiting');
  });

  it('makes a promotion wait for a booking of the same phone in progress, then pass the family over', async () => {
    const { campaignId, eyes, teeth } = await caravan('promotion-waits', 1);
    const [holder, stranger] = await createBeneficiaries(t.db, 2);
    const relatives = await family(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((name) => ({ name: `Proche ${name}`, born: 1965 })));
    const appointment = await book(holder ?? 0, eyes[0] ?? 0);
    for (const id of [relatives[0] ?? 0, stranger ?? 0]) await inTransaction(t.db, (trx) => joinWaitlist(trx, ctx, { beneficiaryId: id, campaignId, service: 'ophthalmology' }, deps));
    for (const [i, id] of relatives.slice(1, 6).entries()) await book(id, eyes[i + 1] ?? 0);

    // The family's sixth booking is made but not committed when the holder's cancellation frees a place.
    let commit = () => undefined as void;
    const committed = new Promise<void>((resolve) => (commit = resolve));
    let booked = () => undefined as void;
    const madeBooking = new Promise<void>((resolve) => (booked = resolve));
    const booking = t.db.transaction().execute(async (trx) => {
      await bookAppointment(trx, ctx, { beneficiaryId: relatives[6] ?? 0, slotId: teeth[0] ?? 0 }, deps);
      booked();
      await committed;
    });
    await madeBooking;
    const cancelling = inTransaction(t.db, (trx) => cancelAppointment(trx, ctx, appointment.id, deps));
    await new Promise((resolve) => setTimeout(resolve, 300));
    commit();
    await booking;
    const cancelled = await cancelling;

    expect(cancelled.promoted?.appointment.beneficiary_id).toBe(stranger);
    expect(await heldBy(relatives, campaignId)).toBe(6);
    expect(await countsAgree(t.db, campaignId)).toBe(true);
  });
});

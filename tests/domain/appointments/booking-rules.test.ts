// The rules of booking, cancelling and moving, one at a time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/db/tables.ts';
import { bookAppointment } from '../../../src/domain/appointments/booking.ts';
import { cancelAppointment } from '../../../src/domain/appointments/cancellation.ts';
import { rescheduleAppointment } from '../../../src/domain/appointments/reschedule.ts';
import { joinWaitlist } from '../../../src/domain/appointments/waitlist.ts';
import { isValidConfirmationCode } from '../../../src/domain/appointments/confirmation-code.ts';
import { BookingRefused, type BookingRefusalReason } from '../../../src/domain/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { countsAgree, createBeneficiaries, deps, importTestCampaign, slotIds, staffContext } from '../../support/fixtures.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

const ctx = staffContext('2026-12-01');
const tx = <T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> => t.db.transaction().execute(fn);
const book = (beneficiaryId: number, slotId: number, today = ctx.today) =>
  tx((trx) => bookAppointment(trx, { ...ctx, today }, { beneficiaryId, slotId }, deps));

async function refusal(promise: Promise<unknown>): Promise<BookingRefusalReason> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof BookingRefused) return err.reason;
    throw err;
  }
  throw new Error('expected a refusal, got success');
}

describe('booking', () => {
  it('gives a confirmation code that is easy to read aloud and records who booked', async () => {
    const campaignId = await importTestCampaign(t.db, { slug: 'rules-ok' });
    const [slotId] = await slotIds(t.db, campaignId);
    const [who] = await createBeneficiaries(t.db, 1);
    const appt = await book(who ?? 0, slotId ?? 0);
    expect(isValidConfirmationCode(appt.code)).toBe(true);
    expect(appt.code).not.toMatch(/[01OI]/);
    expect(appt).toMatchObject({ status: 'booked', channel: 'staff', created_by: 'staff:test', campaign_id: campaignId, service: 'ophthalmology' });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'appointment').where('entity_id', '=', String(appt.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(['appointment.book']);
  });

  it('refuses draft, closed and cancelled campaigns', async () => {
    const [who] = await createBeneficiaries(t.db, 1);
    for (const status of ['draft', 'closed', 'cancelled'] as const) {
      const campaignId = await importTestCampaign(t.db, { slug: `rules-${status}`, status });
      const [slotId] = await slotIds(t.db, campaignId);
      expect(await refusal(book(who ?? 0, slotId ?? 0))).toBe('campaign_not_open');
    }
  });

  it('refuses a day that has passed but accepts today', async () => {
    const campaignId = await importTestCampaign(t.db, { slug: 'rules-past' });
    const [first, second] = await slotIds(t.db, campaignId);
    const [a, b] = await createBeneficiaries(t.db, 2);
    expect(await refusal(book(a ?? 0, first ?? 0, '2026-12-15'))).toBe('day_past');
    const ok = await book(b ?? 0, second ?? 0, '2026-12-15');
    expect(ok.slot_id).toBe(second);
  });

  it('refuses an unknown window and an unknown or erased beneficiary', async () => {
    const campaignId = await importTestCampaign(t.db, { slug: 'rules-unknown' });
    const [slotId] = await slotIds(t.db, campaignId);
    const [erased] = await createBeneficiaries(t.db, 1);
    await t.db.updateTable('beneficiaries').set({ erased_at: new Date(), full_name: null }).where('id', '=', erased ?? 0).execute();
    expect(await refusal(book(erased ?? 0, 999_999))).toBe('slot_not_found');
    expect(await refusal(book(999_999, slotId ?? 0))).toBe('beneficiary_not_found');
    expect(await refusal(book(erased ?? 0, slotId ?? 0))).toBe('beneficiary_not_found');
  });

  it('allows one active appointment per service and campaign, another service, and a new one after cancelling', async () => {
    const campaignId = await importTestCampaign(t.db, {
      slug: 'rules-one-active',
      services: [
        { code: 'ophthalmology', windows: [{ start: '09:00', end: '12:00', capacity: 10 }] },
        { code: 'dental', windows: [{ start: '09:00', end: '12:00', capacity: 10 }] },
      ],
    });
    const slots = await t.db.selectFrom('slots').select(['id', 'service', 'day']).where('campaign_id', '=', campaignId).orderBy('id').execute();
    const eye = slots.filter((s) => s.service === 'ophthalmology');
    const teeth = slots.find((s) => s.service === 'dental');
    const [who] = await createBeneficiaries(t.db, 1);
    const first = await book(who ?? 0, eye[0]?.id ?? 0);
    expect(await refusal(book(who ?? 0, eye[1]?.id ?? 0))).toBe('already_booked');
    await book(who ?? 0, teeth?.id ?? 0);
    await tx((trx) => cancelAppointment(trx, ctx, first.id, deps));
    const again = await book(who ?? 0, eye[1]?.id ?? 0);
    expect(again.status).toBe('booked');
    expect(await countsAgree(t.db, campaignId)).toBe(true);
  });

  it('refuses a full window and frees the place on cancel', async () => {
    const campaignId = await importTestCampaign(t.db, {
      slug: 'rules-full',
      firstDay: '2026-12-14',
      lastDay: '2026-12-14',
      services: [{ code: 'surgery', requiresFasting: true, windows: [{ start: '08:00', end: '12:00', capacity: 1 }] }],
    });
    const [slotId] = await slotIds(t.db, campaignId);
    const [a, b] = await createBeneficiaries(t.db, 2);
    const held = await book(a ?? 0, slotId ?? 0);
    expect(await refusal(book(b ?? 0, slotId ?? 0))).toBe('slot_full');
    const { promoted } = await tx((trx) => cancelAppointment(trx, ctx, held.id, deps));
    expect(promoted).toBeUndefined();
    expect(await refusal(tx((trx) => cancelAppointment(trx, ctx, held.id, deps)))).toBe('appointment_not_active');
    expect(await refusal(tx((trx) => cancelAppointment(trx, ctx, 999_999, deps)))).toBe('appointment_not_found');
    await book(b ?? 0, slotId ?? 0);
  });

  it('draws a new code when the first one is already taken, and still takes one place', async () => {
    const campaignId = await importTestCampaign(t.db, { slug: 'rules-collision' });
    const [slotId] = await slotIds(t.db, campaignId);
    const [a, b] = await createBeneficiaries(t.db, 2);
    const codes = ['KKKKKK', 'KKKKKK', 'MMMMMM'];
    const scripted = { ...deps, newCode: () => codes.shift() ?? 'XXXXXX' };
    const first = await tx((trx) => bookAppointment(trx, ctx, { beneficiaryId: a ?? 0, slotId: slotId ?? 0 }, scripted));
    const second = await tx((trx) => bookAppointment(trx, ctx, { beneficiaryId: b ?? 0, slotId: slotId ?? 0 }, scripted));
    expect([first.code, second.code]).toEqual(['KKKKKK', 'MMMMMM']);
    const slot = await t.db.selectFrom('slots').select('booked').where('id', '=', slotId ?? 0).executeTakeFirstOrThrow();
    expect(slot.booked).toBe(2);
    expect(await countsAgree(t.db, campaignId)).toBe(true);
  });
});

describe('rescheduling and the waitlist', () => {
  it('moves an appointment, keeps its code, and hands the old place to the first person waiting for that day', async () => {
    const campaignId = await importTestCampaign(t.db, { slug: 'rules-move', services: [{ code: 'ent', windows: [{ start: '09:00', end: '12:00', capacity: 1 }] }] });
    const [day1, day2] = await slotIds(t.db, campaignId);
    const [mover, waiterOtherDay, waiterAnyDay] = await createBeneficiaries(t.db, 3);
    const appt = await book(mover ?? 0, day1 ?? 0);
    await tx((trx) => joinWaitlist(trx, ctx, { beneficiaryId: waiterOtherDay ?? 0, campaignId, service: 'ent', day: '2026-12-15' }, deps));
    await tx((trx) => joinWaitlist(trx, ctx, { beneficiaryId: waiterAnyDay ?? 0, campaignId, service: 'ent' }, deps));

    const moved = await tx((trx) => rescheduleAppointment(trx, ctx, { appointmentId: appt.id, toSlotId: day2 ?? 0 }, deps));

    expect(moved.appointment).toMatchObject({ id: appt.id, code: appt.code, slot_id: day2 });
    expect(moved.promoted?.appointment).toMatchObject({ beneficiary_id: waiterAnyDay, slot_id: day1 });
    expect(await countsAgree(t.db, campaignId)).toBe(true);
  });

  it('refuses to move into a full window or into another service, and then nothing moves', async () => {
    const campaignId = await importTestCampaign(t.db, {
      slug: 'rules-move-refused',
      services: [
        { code: 'ent', windows: [{ start: '09:00', end: '12:00', capacity: 1 }] },
        { code: 'dental', windows: [{ start: '09:00', end: '12:00', capacity: 5 }] },
      ],
    });
    const slots = await t.db.selectFrom('slots').select(['id', 'service']).where('campaign_id', '=', campaignId).orderBy('day').orderBy('id').execute();
    const ent = slots.filter((s) => s.service === 'ent').map((s) => s.id);
    const dental = slots.find((s) => s.service === 'dental')?.id ?? 0;
    const [a, b] = await createBeneficiaries(t.db, 2);
    const first = await book(a ?? 0, ent[0] ?? 0);
    await book(b ?? 0, ent[1] ?? 0);
    expect(await refusal(tx((trx) => rescheduleAppointment(trx, ctx, { appointmentId: first.id, toSlotId: ent[1] ?? 0 }, deps)))).toBe('slot_full');
    expect(await refusal(tx((trx) => rescheduleAppointment(trx, ctx, { appointmentId: first.id, toSlotId: dental }, deps)))).toBe('service_mismatch');
    const still = await t.db.selectFrom('appointments').select('slot_id').where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(still.slot_id).toBe(ent[0]);
    expect(await countsAgree(t.db, campaignId)).toBe(true);
  });

  it('refuses to put on the waitlist someone who already holds or awaits the service', async () => {
    const campaignId = await importTestCampaign(t.db, { slug: 'rules-waitlist' });
    const [slotId] = await slotIds(t.db, campaignId);
    const [holder, waiter] = await createBeneficiaries(t.db, 2);
    await book(holder ?? 0, slotId ?? 0);
    expect(await refusal(tx((trx) => joinWaitlist(trx, ctx, { beneficiaryId: holder ?? 0, campaignId, service: 'ophthalmology' }, deps)))).toBe('already_booked');
    await tx((trx) => joinWaitlist(trx, ctx, { beneficiaryId: waiter ?? 0, campaignId, service: 'ophthalmology' }, deps));
    expect(await refusal(tx((trx) => joinWaitlist(trx, ctx, { beneficiaryId: waiter ?? 0, campaignId, service: 'ophthalmology' }, deps)))).toBe('already_waiting');
  });
});

// A campaign file sent through the API that would remove a booked time window, or give it fewer places
// than are booked, is refused with 409 and each such window named, so the console can point at it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { bookAppointment } from '../../src/domain/appointments/booking.ts';
import { BookedWindowsAnswerSchema } from '../../src/domain/campaigns/booked-windows.ts';
import { buildServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { addTestStaff, campaignFile, createBeneficiaries, deps, slotIds, staffContext } from '../support/fixtures.ts';

let t: TestDatabase;
let app: FastifyInstance;
let coordinator = '';
beforeAll(async () => {
  t = await createTestDatabase();
  app = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock: { now: () => new Date('2026-12-01T10:00:00Z') }, logger: createLogger('silent'), timeZone: 'Africa/Casablanca' });
  coordinator = (await addTestStaff(t.db, { name: 'Khadija', role: 'coordinator' })).token;
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const post = (payload: object) => app.inject({ method: 'POST', url: '/admin/api/campaigns', headers: { authorization: `Bearer ${coordinator}` }, payload });

describe('importing over booked time windows', () => {
  it('refuses with 409 a booked window shrunk below its bookings or left out, naming each, and changes nothing', async () => {
    const file = campaignFile({ slug: 'booked-windows', services: [{ code: 'dental', windows: [{ start: '09:00', end: '12:00', capacity: 5 }, { start: '14:00', end: '16:00', capacity: 5 }] }] });
    const created = await post(file);
    expect(created.statusCode).toBe(201);
    const { campaignId } = created.json<{ campaignId: number }>();
    // Slots by day then start: the 14th at 09:00 gets three people, the 15th at 14:00 one.
    const [morning14, , , afternoon15] = await slotIds(t.db, campaignId);
    const people = await createBeneficiaries(t.db, 4);
    for (const [i, beneficiaryId] of people.entries()) {
      await t.db.transaction().execute((trx) => bookAppointment(trx, staffContext(), { beneficiaryId, slotId: (i < 3 ? morning14 : afternoon15) ?? 0 }, deps));
    }

    const shrunk = await post({
      ...file,
      services: [{ code: 'dental', windows: [{ start: '09:00', end: '12:00', capacity: 2 }, { days: ['2026-12-14'], start: '14:00', end: '16:00', capacity: 5 }] }],
    });
    expect(shrunk.statusCode).toBe(409);
    expect(BookedWindowsAnswerSchema.parse(shrunk.json()).bookedWindows).toEqual([
      { service: 'dental', day: '2026-12-15', start: '14:00', end: '16:00', booked: 1 },
      { service: 'dental', day: '2026-12-14', start: '09:00', end: '12:00', booked: 3, capacity: 2, path: 'services[0].windows[0]' },
    ]);
    expect(shrunk.json().problems).toEqual([
      'services: the dental window of 2026-12-15 at 14:00 was removed but holds 1 appointments',
      'services[0].windows[0].capacity: 3 places are already booked on 2026-12-14; capacity cannot go below that',
    ]);
    const slots = await t.db.selectFrom('slots').select(['day', 'starts_at', 'capacity', 'booked']).where('campaign_id', '=', campaignId).orderBy('day').orderBy('starts_at').execute();
    expect(slots.map((s) => [s.day, s.starts_at, s.capacity, s.booked])).toEqual([
      ['2026-12-14', '09:00:00', 5, 3],
      ['2026-12-14', '14:00:00', 5, 0],
      ['2026-12-15', '09:00:00', 5, 0],
      ['2026-12-15', '14:00:00', 5, 1],
    ]);

    // As many places as are booked is enough.
    const kept = await post({ ...file, services: [{ code: 'dental', windows: [{ start: '09:00', end: '12:00', capacity: 3 }, { start: '14:00', end: '16:00', capacity: 5 }] }] });
    expect(kept.statusCode).toBe(201);
  });
});

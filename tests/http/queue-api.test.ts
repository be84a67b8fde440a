// The queue routes over HTTP: medical staff and coordinators read a service's queue and mark people seen,
// a desk member may not, and another organisation's campaign or appointment is answered 404.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUTH_THROTTLE, memoryAuthThrottle } from '../../src/http/auth-throttle.ts';
import { registerAdminApi } from '../../src/http/admin/admin-api.routes.ts';
import { bookPeople, DAY, NOW, seedDeskWorld, ZONE, type DeskWorld } from '../support/desk-world.ts';
import { addTestStaff, deps } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
let w: DeskWorld;
let app: FastifyInstance;
const token = { desk: '', coordinator: '', medical: '', centreMedical: '' };

beforeAll(async () => {
  t = await createTestDatabase();
  w = await seedDeskWorld(t.db);
  app = Fastify();
  registerAdminApi(app, { db: t.db, clock: { now: () => NOW }, timeZone: ZONE, authThrottle: memoryAuthThrottle(DEFAULT_AUTH_THROTTLE, () => NOW.getTime()), booking: deps, rateLimit: { perAddressPerMinute: 100_000, perStaffPerMinute: 100_000 } });
  await app.ready();
  token.desk = (await addTestStaff(t.db, { name: 'Hanane', role: 'desk', organisation: 'test-association' })).token;
  token.coordinator = (await addTestStaff(t.db, { name: 'Khadija', role: 'coordinator', organisation: 'test-association' })).token;
  token.medical = (await addTestStaff(t.db, { name: 'Dr Alami', role: 'medical', organisation: 'test-association' })).token;
  token.centreMedical = (await addTestStaff(t.db, { name: 'Dr Tazi', role: 'medical', organisation: 'cnts' })).token;
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const call = (method: 'GET' | 'POST', url: string, bearer: string, payload?: object) =>
  app.inject({ method, url: `/admin/api${url}`, headers: { authorization: `Bearer ${bearer}` }, ...(payload ? { payload } : {}) });
const checkIn = async (code: string) => {
  const answer = await call('POST', `/campaigns/${w.caravan}/checkins`, token.desk, { day: DAY, code, clientId: randomUUID(), at: new Date(NOW.getTime() - 60_000).toISOString() });
  return answer.json<{ appointmentId: number }>().appointmentId;
};
const queueUrl = (service = 'ophthalmology') => `/campaigns/${w.caravan}/queue?day=${DAY}&service=${service}`;

describe('the queue over HTTP', () => {
  it('lets medical staff read the queue and mark a person seen, the same answer twice', async () => {
    const [code = ''] = await bookPeople(t.db, w.caravan, 1);
    const id = await checkIn(code);
    const queue = await call('GET', queueUrl(), token.medical);
    expect(queue.statusCode).toBe(200);
    expect(queue.json()).toMatchObject({ campaignId: w.caravan, day: DAY, service: 'ophthalmology', waiting: 1, people: [{ appointmentId: id, code, seenAt: null }] });
    const first = await call('POST', `/appointments/${id}/seen`, token.medical);
    expect([first.statusCode, first.json()]).toEqual([200, { appointmentId: id, seenAt: NOW.toISOString() }]);
    expect((await call('POST', `/appointments/${id}/seen`, token.coordinator)).json()).toEqual(first.json());
    expect((await call('GET', queueUrl(), token.coordinator)).json()).toMatchObject({ waiting: 0, people: [{ appointmentId: id, seenAt: NOW.toISOString() }] });
  });

  it('shows the queue on the campaign figures as inQueue, apart from the waiting list', async () => {
    const [code = ''] = await bookPeople(t.db, w.caravan, 1, { service: 'surgery' });
    await checkIn(code);
    const figures = (await call('GET', `/campaigns/${w.caravan}/capacity`, token.medical)).json<{ days: { day: string; services: { service: string; waiting: number; inQueue: number }[] }[] }>();
    expect(figures.days.find((d) => d.day === DAY)?.services.find((s) => s.service === 'surgery')).toMatchObject({ waiting: 0, inQueue: 1 });
  });

  it('refuses the desk role (403)', async () => {
    const [code = ''] = await bookPeople(t.db, w.caravan, 1);
    const id = await checkIn(code);
    expect((await call('GET', queueUrl(), token.desk)).statusCode).toBe(403);
    expect((await call('POST', `/appointments/${id}/seen`, token.desk)).statusCode).toBe(403);
  });

  it("answers 404 for another organisation's campaign and appointment, and 400 without a service", async () => {
    const [code = ''] = await bookPeople(t.db, w.caravan, 1);
    const id = await checkIn(code);
    expect((await call('GET', queueUrl(), token.centreMedical)).statusCode).toBe(404);
    expect((await call('POST', `/appointments/${id}/seen`, token.centreMedical)).statusCode).toBe(404);
    expect((await call('GET', `/campaigns/${w.caravan}/queue?day=${DAY}`, token.medical)).statusCode).toBe(400);
    const row = await t.db.selectFrom('appointments').select('seen_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.seen_at).toBeNull();
  });
});

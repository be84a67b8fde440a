// The desk's routes over HTTP: a scan and a batch kept offline, walk-ins, the day a desk holds; the desk
// role refused on every other admin route, and another organisation's campaign answered 404.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUTH_THROTTLE, memoryAuthThrottle } from '../../src/http/auth-throttle.ts';
import { registerAdminApi } from '../../src/http/admin/admin-api.routes.ts';
import { MAX_BATCH_ITEMS } from '../../src/http/console/desk.schemas.ts';
import { bookPeople, DAY, NOW, seedDeskWorld, ZONE, type DeskWorld } from '../support/desk-world.ts';
import { addTestStaff, deps } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
let w: DeskWorld;
let app: FastifyInstance;
const routes: { method: string; url: string }[] = [];
const token = { desk: '', coordinator: '', medical: '', centreDesk: '' };

beforeAll(async () => {
  t = await createTestDatabase();
  w = await seedDeskWorld(t.db);
  app = Fastify();
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  const clock = { now: () => NOW };
  registerAdminApi(app, { db: t.db, clock, timeZone: ZONE, authThrottle: memoryAuthThrottle(DEFAULT_AUTH_THROTTLE, () => NOW.getTime()), booking: deps, rateLimit: { perAddressPerMinute: 100_000, perStaffPerMinute: 100_000 } });
  await app.ready();
  token.desk = (await addTestStaff(t.db, { name: 'Hanane', role: 'desk', organisation: 'test-association' })).token;
  token.coordinator = (await addTestStaff(t.db, { name: 'Khadija', role: 'coordinator', organisation: 'test-association' })).token;
  token.medical = (await addTestStaff(t.db, { name: 'Dr Alami', role: 'medical', organisation: 'test-association' })).token;
  token.centreDesk = (await addTestStaff(t.db, { name: 'Samir', role: 'desk', organisation: 'cnts' })).token;
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const call = (method: string, url: string, bearer: string, payload?: object) =>
  app.inject({ method: method as 'GET', url: `/admin/api${url}`, headers: { authorization: `Bearer ${bearer}` }, ...(payload ? { payload } : {}) });
const scan = (code: string, clientId = randomUUID()) => ({ day: DAY, code, clientId, at: new Date(NOW.getTime() - 60_000).toISOString() });
const walkIn = (name: string, clientId = randomUUID()) => ({ clientId, day: DAY, service: 'ophthalmology', person: { name, sex: 'male', birthYear: 1970, commune: 'Tinghir', phone: '0661998877', consent: true } });
const DESK_ROUTES = new Set(['GET /admin/api/desk/campaigns', 'POST /admin/api/campaigns/:id/checkins', 'POST /admin/api/campaigns/:id/checkins/batch', 'POST /admin/api/campaigns/:id/walk-ins', 'GET /admin/api/campaigns/:id/desk-day']);

describe('the desk over HTTP', () => {
  it('checks a person in by code for a desk member and a coordinator, not for medical staff', async () => {
    const [first = '', second = ''] = await bookPeople(t.db, w.caravan, 2);
    const answer = await call('POST', `/campaigns/${w.caravan}/checkins`, token.desk, scan(first.toLowerCase()));
    expect([answer.statusCode, answer.json().kind]).toEqual([200, 'checked_in']);
    expect((await call('POST', `/campaigns/${w.caravan}/checkins`, token.coordinator, scan(second))).json().kind).toBe('checked_in');
    expect((await call('POST', `/campaigns/${w.caravan}/checkins`, token.medical, scan(second))).statusCode).toBe(403);
  });

  it('refuses the desk role on every other admin route (403)', async () => {
    const others = routes.filter((r) => r.url.startsWith('/admin/api/') && !DESK_ROUTES.has(`${r.method} ${r.url}`));
    expect(others.length).toBeGreaterThan(20);
    for (const route of others) {
      const answer = await call(route.method, route.url.slice('/admin/api'.length).replace(/:\w+/g, '1'), token.desk, route.method === 'GET' ? undefined : {});
      expect([`${route.method} ${route.url}`, answer.statusCode]).toEqual([`${route.method} ${route.url}`, 403]);
    }
  });

  it("answers 404 for another organisation's campaign on every desk route", async () => {
    const [code = ''] = await bookPeople(t.db, w.caravan, 1);
    expect((await call('POST', `/campaigns/${w.caravan}/checkins`, token.centreDesk, scan(code))).statusCode).toBe(404);
    expect((await call('POST', `/campaigns/${w.caravan}/checkins/batch`, token.centreDesk, { items: [scan(code)] })).statusCode).toBe(404);
    expect((await call('POST', `/campaigns/${w.caravan}/walk-ins`, token.centreDesk, walkIn('Omar Nait'))).statusCode).toBe(404);
    expect((await call('GET', `/campaigns/${w.caravan}/desk-day?day=${DAY}`, token.centreDesk)).statusCode).toBe(404);
    expect((await call('GET', `/campaigns/${w.drive}/desk-day?day=${DAY}`, token.desk)).statusCode).toBe(404);
    const status = await t.db.selectFrom('appointments').select('status').where('code', '=', code).executeTakeFirstOrThrow();
    expect(status.status).toBe('booked');
  });

  it('takes 20 check-ins and 2 walk-ins kept offline, sent twice, as 22 on the server', async () => {
    const codes = await bookPeople(t.db, w.caravan, 20);
    const items = codes.map((code) => scan(code));
    const walkIns = [walkIn('Ahmed Ait Lahcen'), walkIn('Aicha Ait Lahcen')];
    const before = await t.db.selectFrom('desk_checkins').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const sends = [];
    for (let round = 0; round < 2; round++) {
      const batch = await call('POST', `/campaigns/${w.caravan}/checkins/batch`, token.desk, { items });
      expect(batch.statusCode).toBe(200);
      sends.push(batch.json().answers);
      for (const body of walkIns) expect((await call('POST', `/campaigns/${w.caravan}/walk-ins`, token.desk, body)).statusCode).toBe(200);
    }
    expect(sends[1]).toEqual(sends[0]);
    expect(sends[0].map((a: { outcome: { kind: string } }) => a.outcome.kind)).toEqual(Array(20).fill('checked_in'));
    const after = await t.db.selectFrom('desk_checkins').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(22);
    const attended = await t.db.selectFrom('appointments').select('id').where('code', 'in', codes).where('status', '=', 'attended').execute();
    expect(attended).toHaveLength(20);
    expect(await t.db.selectFrom('beneficiaries').select('id').where('full_name', 'like', '% Ait Lahcen').execute()).toHaveLength(2);
  });

  it('answers each item of a batch, a refused one beside the others, and refuses more than the limit', async () => {
    const [code = ''] = await bookPeople(t.db, w.caravan, 1);
    const tomorrow = { ...scan(code), day: '2026-12-15' };
    const answer = await call('POST', `/campaigns/${w.caravan}/checkins/batch`, token.desk, { items: [tomorrow, scan(code)] });
    expect(answer.json().answers).toEqual([{ clientId: tomorrow.clientId, error: expect.stringMatching(/has not begun/) }, expect.objectContaining({ outcome: expect.objectContaining({ kind: 'checked_in' }) })]);
    const tooMany = Array.from({ length: MAX_BATCH_ITEMS + 1 }, () => scan(code));
    expect((await call('POST', `/campaigns/${w.caravan}/checkins/batch`, token.desk, { items: tooMany })).statusCode).toBe(400);
  });

  it('answers 409 `full` for a walk-in into full windows, and registers them when over capacity is allowed', async () => {
    await bookPeople(t.db, w.caravan, 2, { service: 'surgery' });
    const body = { ...walkIn('Brahim Oufkir'), service: 'surgery' };
    const full = await call('POST', `/campaigns/${w.caravan}/walk-ins`, token.desk, body);
    expect([full.statusCode, full.json().kind]).toEqual([409, 'full']);
    const over = await call('POST', `/campaigns/${w.caravan}/walk-ins`, token.desk, { ...body, clientId: randomUUID(), overCapacity: true });
    expect([over.statusCode, over.json().kind, over.json().overCapacity]).toEqual([200, 'walked_in', true]);
    expect((await call('POST', `/campaigns/${w.caravan}/walk-ins`, token.desk, { ...body, person: { ...body.person, age: undefined, birthYear: undefined } })).statusCode).toBe(400);
    const unborn = await call('POST', `/campaigns/${w.caravan}/walk-ins`, token.desk, { ...body, person: { ...body.person, birthYear: 2027 } });
    expect([unborn.statusCode, unborn.json().error]).toEqual([400, 'person.birthYear: birth year after the day']);
  });

  it("lists the organisation's campaigns a desk can work at, and no other organisation's", async () => {
    const answer = await call('GET', '/desk/campaigns', token.desk);
    expect(answer.statusCode).toBe(200);
    expect(answer.json().items.map((c: { id: number }) => c.id).sort()).toEqual([w.caravan, w.otherCaravan].sort());
    expect(answer.json().items[0]).toMatchObject({ title: { fr: expect.any(String) }, firstDay: DAY, venue: expect.any(String), commune: expect.any(String) });
    expect((await call('GET', '/desk/campaigns', token.centreDesk)).json().items.map((c: { id: number }) => c.id)).toEqual([w.drive]);
    expect((await call('GET', '/desk/campaigns', token.medical)).statusCode).toBe(403);
  });

  it("gives a desk the day's bookings with what it shows and no phone", async () => {
    await bookPeople(t.db, w.caravan, 1, { day: '2026-12-15' });
    const answer = await call('GET', `/campaigns/${w.caravan}/desk-day?day=${DAY}`, token.desk);
    expect(answer.statusCode).toBe(200);
    const day = answer.json();
    expect(day.services).toEqual([{ service: 'ophthalmology', fasting: false }, { service: 'surgery', fasting: true }]);
    expect(day.bookings.length).toBeGreaterThan(20);
    for (const booking of day.bookings) expect(Object.keys(booking).sort()).toEqual(['age', 'code', 'commune', 'name', 'service', 'sex', 'status', 'window']);
    expect(answer.body).not.toMatch(/\+212|phone/);
    expect((await call('GET', `/campaigns/${w.caravan}/desk-day?day=${DAY}`, token.medical)).statusCode).toBe(403);
    expect((await call('GET', `/campaigns/${w.caravan}/desk-day?day=14-12-2026`, token.desk)).statusCode).toBe(400);
  });
});

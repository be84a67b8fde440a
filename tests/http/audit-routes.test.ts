// The organisation's audit log for its coordinators: newest first, filtered on the server by staff member,
// kind and day (in Casablanca), a page at a time; another organisation's entries never show; the platform
// admin reads it only while looking at the organisation in the console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../src/domain/audit/audit-log.ts';
import { buildServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { addConsoleStaff, signInBrowser } from '../support/console-staff.ts';
import { addTestStaff, ensureOrganisation } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { noonOf, TODAY, ZONE } from '../support/alert-world.ts';
import { addDays } from '../support/conversation-harness.ts';

let t: TestDatabase;
let app: FastifyInstance;
const token = { coordinator: '', nurse: '', desk: '', admin: '', other: '' };
const id = { coordinator: 0, nurse: 0, mover: 0, other: 0, association: 0 };
const PASSWORD = 'registre-de-decembre';
type Entry = { actor: string; action: string; entityId: string; staff: string | null; at: string };

/** An entry written as a change writes it, then dated `at`. */
async function acted(staffId: number, action: string, entityId: number, at: Date): Promise<void> {
  await recordAudit(t.db, { actor: { kind: 'staff', id: staffId }, action, entity: action.split('.')[0] ?? 'x', entityId });
  await t.db.updateTable('audit_log').set({ at }).where('entity_id', '=', String(entityId)).where('action', '=', action).execute();
}

beforeAll(async () => {
  t = await createTestDatabase();
  app = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock: { now: () => noonOf(0) }, logger: createLogger('silent'), timeZone: ZONE });
  id.association = await ensureOrganisation(t.db, 'test-association');
  const coordinator = await addTestStaff(t.db, { name: 'Khadija', role: 'coordinator' });
  const nurse = await addTestStaff(t.db, { name: 'Dr Alami', role: 'medical' });
  const mover = await addTestStaff(t.db, { name: 'Youssef', role: 'coordinator' });
  const other = await addTestStaff(t.db, { name: 'Samir', role: 'coordinator', organisation: 'cnts' });
  Object.assign(token, { coordinator: coordinator.token, nurse: nurse.token, other: other.token });
  Object.assign(id, { coordinator: coordinator.id, nurse: nurse.id, mover: mover.id, other: other.id });
  token.desk = (await addTestStaff(t.db, { name: 'Amina', role: 'desk' })).token;
  token.admin = (await addConsoleStaff(t.db, { name: 'Plateforme', role: 'admin', email: 'plateforme@qafila.ma', password: PASSWORD })).token;

  // Yesterday and today in Casablanca: 00:30 today there is still yesterday in UTC.
  const earlyToday = new Date(noonOf(0).getTime() - 11.5 * 3600_000);
  await acted(id.nurse, 'staff_alert.acknowledge', 101, noonOf(-1));
  await acted(id.coordinator, 'appointment.attended', 102, earlyToday);
  await acted(id.nurse, 'staff_alert.resolve', 103, noonOf(0));
  await acted(id.coordinator, 'campaign.close_day', 104, noonOf(0));
  await acted(id.nurse, 'staff_alert.acknowledge', 105, noonOf(0));
  // Youssef acts for the association, then moves to the blood centre: his entry stays the association's.
  await acted(id.mover, 'broadcast.create', 106, noonOf(0));
  await t.db.updateTable('staff').set({ organisation_id: await ensureOrganisation(t.db, 'cnts') }).where('id', '=', id.mover).execute();
  await acted(id.mover, 'broadcast.cancel', 107, noonOf(0));
  await acted(id.other, 'campaign.close_day', 108, noonOf(0));
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const read = async (query: string, bearer = token.coordinator) => {
  const answer = await app.inject({ method: 'GET', url: `/admin/api/audit${query}`, headers: { authorization: `Bearer ${bearer}` } });
  expect(answer.statusCode).toBe(200);
  return answer.json() as { items: Entry[]; nextCursor: string | null };
};
const entities = (page: { items: Entry[] }) => page.items.map((e) => Number(e.entityId));

describe("the organisation's audit log", () => {
  it('lists its own entries newest first, with who acted, and none of another organisation', async () => {
    const page = await read('');
    expect(entities(page)).toEqual([106, 105, 104, 103, 102, 101]);
    expect(page.items[0]).toMatchObject({ staff: 'Youssef', action: 'broadcast.create', actor: `staff:${id.mover}` });
    expect(entities(await read('', token.other))).toEqual([108, 107]);
  });

  it('filters by staff member, by kind and by day, together too', async () => {
    expect(entities(await read(`?staff=${id.nurse}`))).toEqual([105, 103, 101]);
    expect(entities(await read('?kind=staff_alert.acknowledge'))).toEqual([105, 101]);
    expect(entities(await read(`?day=${addDays(TODAY, -1)}`))).toEqual([101]);
    expect(entities(await read(`?day=${TODAY}&staff=${id.coordinator}`))).toEqual([104, 102]);
    expect(entities(await read(`?day=${TODAY}&staff=${id.nurse}&kind=staff_alert.acknowledge`))).toEqual([105]);
    // Another organisation's member is nobody here.
    expect(entities(await read(`?staff=${id.other}`))).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/admin/api/audit?day=yesterday', headers: { authorization: `Bearer ${token.coordinator}` } })).statusCode).toBe(400);
  });

  it('pages through the whole log without a gap or a repeat', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await read(`?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...entities(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([106, 105, 104, 103, 102, 101]);
  });

  it('offers its staff members and the kinds its log holds as filters', async () => {
    const answer = await app.inject({ method: 'GET', url: '/admin/api/audit/filters', headers: { authorization: `Bearer ${token.coordinator}` } });
    expect(answer.json()).toEqual({
      staff: [{ id: expect.any(Number), name: 'Amina' }, { id: id.nurse, name: 'Dr Alami' }, { id: id.coordinator, name: 'Khadija' }],
      kinds: ['appointment.attended', 'broadcast.create', 'campaign.close_day', 'staff_alert.acknowledge', 'staff_alert.resolve'],
    });
  });

  it('is for coordinators: the medical staff, the desk and the platform admin with a token are refused', async () => {
    for (const bearer of [token.nurse, token.desk, token.admin]) {
      const answer = await app.inject({ method: 'GET', url: '/admin/api/audit', headers: { authorization: `Bearer ${bearer}` } });
      expect(answer.statusCode).toBe(403);
    }
  });

  it("lets the platform admin read it while looking at the organisation in the console, and only that one's", async () => {
    const admin = await signInBrowser(app, 'plateforme@qafila.ma', PASSWORD);
    const viewed = await app.inject({ method: 'PUT', url: '/console/api/session/viewing', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, payload: { organisationId: id.association } });
    expect(viewed.statusCode).toBe(200);
    const answer = await app.inject({ method: 'GET', url: `/admin/api/audit?day=${TODAY}`, headers: { cookie: admin.cookie } });
    expect(entities(answer.json())).toEqual([106, 105, 104, 103, 102]);
  });
});

// Closing a venue day over HTTP: the coordinator's button on or after the day, refused before it, for
// other roles, and for another organisation's campaign; a second press changes nothing.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUTH_THROTTLE, memoryAuthThrottle } from '../../src/http/auth-throttle.ts';
import { registerAdminApi } from '../../src/http/admin/admin-api.routes.ts';
import { bookPeople, DAY, NEXT_DAY, NOW, ZONE } from '../support/desk-world.ts';
import { addTestStaff, deps, importTestCampaign } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
let app: FastifyInstance;
let campaign = 0;
const token = { coordinator: '', medical: '', desk: '', centre: '' };

beforeAll(async () => {
  t = await createTestDatabase();
  campaign = await importTestCampaign(t.db, { slug: 'close-day-http' });
  app = Fastify();
  registerAdminApi(app, { db: t.db, clock: { now: () => NOW }, timeZone: ZONE, authThrottle: memoryAuthThrottle(DEFAULT_AUTH_THROTTLE, () => NOW.getTime()), booking: deps, rateLimit: { perAddressPerMinute: 100_000, perStaffPerMinute: 100_000 } });
  await app.ready();
  token.coordinator = (await addTestStaff(t.db, { name: 'Khadija', role: 'coordinator', organisation: 'test-association' })).token;
  token.medical = (await addTestStaff(t.db, { name: 'Dr Alami', role: 'medical', organisation: 'test-association' })).token;
  token.desk = (await addTestStaff(t.db, { name: 'Hanane', role: 'desk', organisation: 'test-association' })).token;
  token.centre = (await addTestStaff(t.db, { name: 'Samir', role: 'coordinator', organisation: 'cnts' })).token;
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const close = (bearer: string, day = DAY, id = campaign) => app.inject({ method: 'POST', url: `/admin/api/campaigns/${id}/days/${day}/close`, headers: { authorization: `Bearer ${bearer}` }, payload: {} });

describe('closing a venue day over HTTP', () => {
  it('marks the day’s missing people for a coordinator and says how many were offered another day; a second press changes nothing', async () => {
    const codes = await bookPeople(t.db, campaign, 3);
    // One of the three said yes to messages and has a chat: only they are written to.
    const reachable = await t.db.selectFrom('appointments as a').innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id').select('b.contact_id').where('a.code', '=', codes[0] ?? '').executeTakeFirstOrThrow();
    await t.db.updateTable('contacts').set({ consent_at: NOW }).where('id', '=', reachable.contact_id).execute();
    await t.db.insertInto('contact_identities').values({ channel: 'telegram', external_id: 'chat-close-day', contact_id: reachable.contact_id, last_inbound_at: NOW }).execute();

    const first = await close(token.coordinator);
    expect([first.statusCode, first.json()]).toEqual([200, { noShows: 3, messages: 1, promoted: 0 }]);
    const again = await close(token.coordinator);
    expect([again.statusCode, again.json()]).toEqual([200, { noShows: 0, messages: 0, promoted: 0 }]);
  });

  it('refuses a day that has not come yet (400), and a day that is not one', async () => {
    const early = await close(token.coordinator, NEXT_DAY);
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toContain(NEXT_DAY);
    expect((await close(token.coordinator, '14-12-2026')).statusCode).toBe(400);
  });

  it('is for coordinators: medical staff and the desk are refused (403)', async () => {
    expect((await close(token.medical)).statusCode).toBe(403);
    expect((await close(token.desk)).statusCode).toBe(403);
  });

  it("answers 404 for another organisation's campaign", async () => {
    expect((await close(token.centre)).statusCode).toBe(404);
  });
});

// The admin API with the console's session cookie: the same roles and organisation boundary as with a
// token, the CSRF token on every change, and a disabled member stopped at the next request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { disableStaff } from '../../src/domain/staff/staff-accounts.ts';
import { buildServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { seedConversationCampaigns, testClock } from '../support/conversation-harness.ts';
import { addConsoleStaff, signInBrowser, type Browser } from '../support/console-staff.ts';
import { campaignFile } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
let app: FastifyInstance;
const ids = { caravan: 0, drive: 0 };
const PASSWORD = 'caravane de décembre';
let coordinator: Browser;
let medical: Browser;
let centre: Browser;

beforeAll(async () => {
  t = await createTestDatabase();
  // The association's caravan in Tinghir (test-association) and the blood centre's drive (cnts).
  ({ caravanId: ids.caravan, driveId: ids.drive } = await seedConversationCampaigns(t.db));
  app = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock: testClock(), logger: createLogger('silent'), timeZone: 'Africa/Casablanca' });
  await addConsoleStaff(t.db, { name: 'Khadija', role: 'coordinator', organisation: 'test-association', email: 'khadija@association.ma', password: PASSWORD });
  await addConsoleStaff(t.db, { name: 'Dr Alami', role: 'medical', organisation: 'test-association', email: 'alami@association.ma', password: PASSWORD });
  await addConsoleStaff(t.db, { name: 'Samir', role: 'coordinator', organisation: 'cnts', email: 'samir@cnts.ma', password: PASSWORD });
  coordinator = await signInBrowser(app, 'khadija@association.ma', PASSWORD);
  medical = await signInBrowser(app, 'alami@association.ma', PASSWORD);
  centre = await signInBrowser(app, 'samir@cnts.ma', PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const call = (method: 'GET' | 'POST', url: string, browser: Browser, options: { payload?: object; csrf?: boolean } = {}) =>
  app.inject({ method, url, headers: { cookie: browser.cookie, ...(options.csrf ? { 'x-csrf-token': browser.csrf } : {}) }, ...(options.payload ? { payload: options.payload } : {}) });

describe('the admin API with a session cookie', () => {
  it("shows a coordinator their own organisation's campaigns and nothing of another's (404)", async () => {
    expect((await call('GET', `/admin/api/campaigns/${ids.caravan}`, coordinator)).statusCode).toBe(200);
    expect((await call('GET', '/admin/api/campaigns', coordinator)).json().items.map((c: { id: number }) => c.id)).toEqual([ids.caravan]);
    const theirs = await call('GET', `/admin/api/campaigns/${ids.drive}`, coordinator);
    expect(theirs.statusCode).toBe(404);
    expect((await call('GET', `/admin/api/campaigns/${ids.drive}/messages`, coordinator)).statusCode).toBe(404);
    // And the other way round.
    expect((await call('GET', `/admin/api/campaigns/${ids.caravan}`, centre)).statusCode).toBe(404);
    expect((await call('GET', '/admin/api/campaigns', centre)).json().items.map((c: { id: number }) => c.id)).toEqual([ids.drive]);
  });

  it('lets a coordinator import a campaign only with the CSRF token of the session', async () => {
    const file = campaignFile({ slug: 'console-cookie-caravan' });
    const without = await call('POST', '/admin/api/campaigns', coordinator, { payload: file });
    expect([without.statusCode, without.json()]).toEqual([403, { error: 'csrf' }]);
    const forged = await app.inject({ method: 'POST', url: '/admin/api/campaigns', headers: { cookie: coordinator.cookie, 'x-csrf-token': medical.csrf }, payload: file });
    expect(forged.statusCode).toBe(403);
    expect(await t.db.selectFrom('campaigns').select('id').where('slug', '=', 'console-cookie-caravan').execute()).toEqual([]);
    expect((await call('POST', '/admin/api/campaigns', coordinator, { payload: file, csrf: true })).statusCode).toBe(201);
  });

  it('refuses a medical staff member who posts a campaign (403), CSRF token or not', async () => {
    const refused = await call('POST', '/admin/api/campaigns', medical, { payload: campaignFile({ slug: 'medical-caravan' }), csrf: true });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatch(/needs the role coordinator; you are medical/);
    expect((await call('GET', '/admin/api/campaigns', medical)).statusCode).toBe(200);
  });

  it('answers 401 to a cookie that names no session', async () => {
    const stale = await call('GET', '/admin/api/campaigns', { cookie: 'qafila_session=nothing-like-a-session', csrf: '' });
    expect([stale.statusCode, stale.json()]).toEqual([401, { error: 'signed_out' }]);
  });

  it("ends a disabled member's session at once, on the console and on the admin API", async () => {
    const { id, token } = await addConsoleStaff(t.db, { name: 'Omar', role: 'coordinator', organisation: 'test-association', email: 'omar@association.ma', password: PASSWORD });
    const omar = await signInBrowser(app, 'omar@association.ma', PASSWORD);
    expect((await call('GET', '/admin/api/campaigns', omar)).statusCode).toBe(200);
    await disableStaff(t.db, { kind: 'system', id: 'test' }, id);
    expect((await call('GET', '/admin/api/campaigns', omar)).statusCode).toBe(401);
    expect((await call('GET', '/console/api/session', omar)).statusCode).toBe(401);
    const bearer = await app.inject({ method: 'GET', url: '/admin/api/campaigns', headers: { authorization: `Bearer ${token}` } });
    expect(bearer.statusCode).toBe(401);
  });

  it("signs a desk volunteer in as `desk`: the desk's routes with the CSRF token, nothing else", async () => {
    await addConsoleStaff(t.db, { name: 'Hanane', role: 'desk', organisation: 'test-association', email: 'hanane@association.ma', password: PASSWORD });
    const desk = await signInBrowser(app, 'hanane@association.ma', PASSWORD);
    expect((await call('GET', '/console/api/session', desk)).json().staff).toMatchObject({ name: 'Hanane', role: 'desk' });
    expect((await call('GET', `/admin/api/campaigns/${ids.caravan}/desk-day?day=2026-12-14`, desk)).statusCode).toBe(200);
    const scan = { day: '2026-12-01', code: 'AAA-AAA', clientId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427', at: '2026-12-01T09:00:00Z' };
    expect((await call('POST', `/admin/api/campaigns/${ids.caravan}/checkins`, desk, { payload: scan })).json()).toEqual({ error: 'csrf' });
    expect((await call('POST', `/admin/api/campaigns/${ids.caravan}/checkins`, desk, { payload: scan, csrf: true })).json()).toEqual({ kind: 'unknown' });
    expect((await call('GET', '/admin/api/campaigns', desk)).statusCode).toBe(403);
  });

  it('still takes Bearer tokens for scripts, without a CSRF token', async () => {
    const { token } = await addConsoleStaff(t.db, { name: 'Script', role: 'coordinator', organisation: 'test-association', email: 'script@association.ma', password: PASSWORD });
    const created = await app.inject({ method: 'POST', url: '/admin/api/campaigns', headers: { authorization: `Bearer ${token}` }, payload: campaignFile({ slug: 'script-caravan' }) });
    expect(created.statusCode).toBe(201);
  });
});

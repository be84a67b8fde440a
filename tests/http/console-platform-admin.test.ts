// The platform admin in the console: no organisation's data until they pick one, then that organisation's
// campaigns and bookings to read (and nothing of another's), and never a change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { seedConversationCampaigns, testClock } from '../support/conversation-harness.ts';
import { addConsoleStaff, signInBrowser, type Browser } from '../support/console-staff.ts';
import { addTestStaff, campaignFile } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
let app: FastifyInstance;
const ids = { caravan: 0, drive: 0, association: 0, centre: 0 };
const PASSWORD = 'plateforme de décembre';
let admin: Browser;
let coordinator: Browser;
let adminToken: string;

beforeAll(async () => {
  t = await createTestDatabase();
  // The association's caravan in Tinghir (test-association) and the blood centre's drive (cnts).
  ({ caravanId: ids.caravan, driveId: ids.drive } = await seedConversationCampaigns(t.db));
  app = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock: testClock(), logger: createLogger('silent'), timeZone: 'Africa/Casablanca' });
  adminToken = (await addConsoleStaff(t.db, { name: 'Plateforme', role: 'admin', email: 'plateforme@qafila.ma', password: PASSWORD })).token;
  await addConsoleStaff(t.db, { name: 'Khadija', role: 'coordinator', organisation: 'test-association', email: 'khadija@association.ma', password: PASSWORD });
  await addTestStaff(t.db, { name: 'Samir', role: 'coordinator', organisation: 'cnts' });
  const organisations = await t.db.selectFrom('organisations').select(['id', 'slug']).execute();
  ids.association = organisations.find((o) => o.slug === 'test-association')?.id ?? 0;
  ids.centre = organisations.find((o) => o.slug === 'cnts')?.id ?? 0;
  admin = await signInBrowser(app, 'plateforme@qafila.ma', PASSWORD);
  coordinator = await signInBrowser(app, 'khadija@association.ma', PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const call = (method: 'GET' | 'POST' | 'PUT', url: string, browser: Browser, options: { payload?: object; csrf?: boolean } = {}) =>
  app.inject({ method, url, headers: { cookie: browser.cookie, ...(options.csrf ? { 'x-csrf-token': browser.csrf } : {}) }, ...(options.payload ? { payload: options.payload } : {}) });
const view = (browser: Browser, organisationId: number | null, csrf = true) => call('PUT', '/console/api/session/viewing', browser, { payload: { organisationId }, csrf });
const campaignIds = async (browser: Browser) => (await call('GET', '/admin/api/campaigns', browser)).json<{ items: Array<{ id: number }> }>().items.map((c) => c.id);

describe('the platform admin in the console', () => {
  it('reads no organisation until one is picked, and lists them all to pick from', async () => {
    expect((await call('GET', '/console/api/session', admin)).json()).toMatchObject({ viewing: null });
    const before = await call('GET', '/admin/api/campaigns', admin);
    expect(before.statusCode).toBe(403);
    expect(before.json<{ error: string }>().error).toMatch(/after picking it/);
    const listed = await call('GET', '/admin/api/organisations', admin);
    expect(listed.json<Array<{ slug: string }>>().map((o) => o.slug)).toEqual(expect.arrayContaining(['cnts', 'test-association']));
  });

  it("reads the picked organisation's campaigns, bookings and CSV, and nothing of another's", async () => {
    const picked = await view(admin, ids.association);
    expect(picked.statusCode).toBe(200);
    expect(picked.json()).toMatchObject({ staff: { role: 'admin', organisation: null }, viewing: { id: ids.association, slug: 'test-association' } });
    expect((await call('GET', '/console/api/session', admin)).json()).toMatchObject({ viewing: { slug: 'test-association' } });
    expect(await campaignIds(admin)).toEqual([ids.caravan]);
    expect((await call('GET', `/admin/api/campaigns/${ids.caravan}/capacity`, admin)).statusCode).toBe(200);
    expect((await call('GET', `/admin/api/campaigns/${ids.caravan}/bookings.csv`, admin)).statusCode).toBe(200);
    expect((await call('GET', `/admin/api/campaigns/${ids.drive}`, admin)).statusCode).toBe(404);
    expect((await call('GET', `/admin/api/campaigns/${ids.drive}/capacity`, admin)).statusCode).toBe(404);

    expect((await view(admin, ids.centre)).statusCode).toBe(200);
    expect(await campaignIds(admin)).toEqual([ids.drive]);
    expect((await call('GET', `/admin/api/campaigns/${ids.caravan}`, admin)).statusCode).toBe(404);
  });

  it('changes nothing while looking at an organisation, even with the CSRF token', async () => {
    await view(admin, ids.association);
    const file = campaignFile({ slug: 'admin-made-caravan' });
    const refused = await call('POST', '/admin/api/campaigns', admin, { payload: file, csrf: true });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ error: string }>().error).toMatch(/changes none of it/);
    expect(await t.db.selectFrom('campaigns').select('id').where('slug', '=', 'admin-made-caravan').execute()).toEqual([]);
  });

  it('picks only with the CSRF token, an organisation that exists, and as the platform admin', async () => {
    await view(admin, ids.association);
    expect((await view(admin, ids.centre, false)).statusCode).toBe(403);
    expect((await view(admin, 999_999)).statusCode).toBe(404);
    expect((await call('GET', '/console/api/session', admin)).json()).toMatchObject({ viewing: { slug: 'test-association' } });
    // A coordinator cannot look at another organisation, by the route or by a row written behind its back.
    expect((await view(coordinator, ids.centre)).statusCode).toBe(403);
    await t.db.updateTable('staff_sessions').set({ viewed_organisation_id: ids.centre }).where('staff_id', 'in', (eb) => eb.selectFrom('staff').select('id').where('role', '=', 'coordinator')).execute();
    expect(await campaignIds(coordinator)).toEqual([ids.caravan]);
    expect((await call('GET', '/console/api/session', coordinator)).json()).toMatchObject({ viewing: null });
  });

  it('stops looking with null, and a Bearer token never reads an organisation', async () => {
    await view(admin, ids.association);
    expect((await view(admin, null)).json()).toMatchObject({ viewing: null });
    expect((await call('GET', '/admin/api/campaigns', admin)).statusCode).toBe(403);
    await view(admin, ids.association);
    const withToken = await app.inject({ method: 'GET', url: '/admin/api/campaigns', headers: { authorization: `Bearer ${adminToken}` } });
    expect(withToken.statusCode).toBe(403);
  });
});

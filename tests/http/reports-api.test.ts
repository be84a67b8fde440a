// The report routes: who reads which report (roles, the organisation boundary answering 404), the national
// view's scope and totals, and the CSV and XLSX files' content.
import type { FastifyInstance } from 'fastify';
import { unzipSync, strFromU8 } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/http/server.ts';
import type { CampaignReport, NationalReport } from '../../src/http/console/reports.schemas.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { asStaff } from '../support/capacity-world.ts';
import { addConsoleStaff, signInBrowser } from '../support/console-staff.ts';
import { reportWorld, ZONE, type ReportWorld } from '../support/report-world.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
let app: FastifyInstance;
let world: ReportWorld;

beforeAll(async () => {
  t = await createTestDatabase();
  world = await reportWorld(t.db);
  app = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock: { now: () => new Date() }, logger: createLogger('silent'), timeZone: ZONE });
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const get = (token: string, url: string) => asStaff(app, token, url);

describe("a campaign's report", () => {
  it('is read by its coordinators and medical staff, refused to the desk, and answers 404 to another organisation', async () => {
    const url = `/admin/api/campaigns/${world.caravanId}/report`;
    expect((await get(world.tokens.coordinator, url)).statusCode).toBe(200);
    expect((await get(world.tokens.medical, url)).statusCode).toBe(200);
    expect((await get(world.tokens.desk, url)).statusCode).toBe(403);
    expect((await get(world.tokens.admin, url)).statusCode).toBe(403);
    for (const format of ['', '.csv', '.xlsx']) {
      const stranger = await get(world.tokens.stranger, `${url}${format}`);
      expect(stranger.statusCode).toBe(404);
      expect(stranger.body).not.toContain('registered');
      // The same request for the stranger's own campaign works: the 404 is the boundary, not the route.
      expect((await get(world.tokens.stranger, `/admin/api/campaigns/${world.otherId}/report${format}`)).statusCode).toBe(200);
    }
    expect((await get(world.tokens.coordinator, '/admin/api/campaigns/999999/report')).statusCode).toBe(404);
  });

  it('is read by the platform admin looking at the organisation in the console, and by no one signed out', async () => {
    await addConsoleStaff(t.db, { name: 'Plateforme console', role: 'admin', email: 'plateforme@qafila.ma', password: 'mot-de-passe-long' });
    const admin = await signInBrowser(app, 'plateforme@qafila.ma', 'mot-de-passe-long');
    const organisationId = (await t.db.selectFrom('campaigns').select('organisation_id').where('id', '=', world.caravanId).executeTakeFirstOrThrow()).organisation_id;
    const picked = await app.inject({ method: 'PUT', url: '/console/api/session/viewing', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, payload: { organisationId } });
    expect(picked.statusCode).toBe(200);
    const read = (id: number) => app.inject({ method: 'GET', url: `/admin/api/campaigns/${id}/report`, headers: { cookie: admin.cookie } });
    expect((await read(world.caravanId)).json<CampaignReport>().campaignId).toBe(world.caravanId);
    expect((await read(world.otherId)).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/admin/api/campaigns/${world.caravanId}/report` })).statusCode).toBe(401);
  });

  it('gives a CSV with a byte order mark, every table titled, the JSON figures, and villagers’ words made inert', async () => {
    const report = (await get(world.tokens.coordinator, `/admin/api/campaigns/${world.caravanId}/report`)).json<CampaignReport>();
    const answer = await get(world.tokens.coordinator, `/admin/api/campaigns/${world.caravanId}/report.csv?locale=fr`);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.headers['content-disposition']).toBe(`attachment; filename="campaign-${world.caravanId}-report.csv"`);
    expect(answer.body.charCodeAt(0)).toBe(0xfeff);
    const lines = answer.body.slice(1).split('\r\n');
    expect(lines[0]).toBe('"Places et présence par service et par jour"');
    expect(lines[1]).toBe('"Jour","Service","Places","Inscrits","Sans rendez-vous","Au-delà des places","Arrivés","Vus","Opérés","Absents","Annulés"');
    const first = report.serviceDays[0] ?? expect.fail('no service day');
    expect(lines[2]).toBe([first.day, createTranslator(loadResources())('fr', `services:${first.service}`), first.capacity, first.registered, first.walkIns, first.overCapacity, first.checkedIn, first.seen, first.operated, first.noShow, first.cancelled].map((v) => `"${v}"`).join(','));
    // A commune typed "=1+1" stays text in a spreadsheet.
    expect(answer.body).toContain(`"'=1+1"`);
    expect(answer.body).not.toMatch(/(^|,)"=1\+1"/m);
    expect(lines).toContain('"Réservations par jour"');
    const arabic = await get(world.tokens.coordinator, `/admin/api/campaigns/${world.caravanId}/report.csv?locale=ar`);
    expect(arabic.body.slice(1).split('\r\n')[0]).toBe('"الأماكن والحضور حسب الخدمة واليوم"');
  });

  it('gives an XLSX workbook, one sheet per table, right to left in Arabic, numbers as numbers', async () => {
    const report = (await get(world.tokens.coordinator, `/admin/api/campaigns/${world.caravanId}/report`)).json<CampaignReport>();
    const answer = await get(world.tokens.coordinator, `/admin/api/campaigns/${world.caravanId}/report.xlsx?locale=ar`);
    expect(answer.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const files = unzipSync(new Uint8Array(answer.rawPayload));
    const workbook = strFromU8(files['xl/workbook.xml'] ?? new Uint8Array());
    expect(workbook.match(/<sheet /g)).toHaveLength(6);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    expect(sheet).toContain('rightToLeft="1"');
    const first = report.serviceDays[0] ?? expect.fail('no service day');
    expect(sheet).toMatch(new RegExp(`<c r="C2"[^>]*><v>${first.capacity}</v>`));
  });
});

describe('the national view', () => {
  const sumOf = async (column: string, where: ReturnType<typeof sql>) =>
    (await sql<{ n: number }>`select count(*)::int as n from appointments a where ${sql.raw(column)} and a.campaign_id in (select id from campaigns where status <> 'draft' and ${where})`.execute(t.db)).rows[0]?.n;

  it("gives the platform admin every organisation's campaigns, with totals equal to counts of the rows", async () => {
    const report = (await get(world.tokens.admin, '/admin/api/reports/national')).json<NationalReport>();
    expect(report.campaigns.map((c) => c.campaignId).sort()).toEqual([world.caravanId, world.driveId, world.otherId, world.ministryCampaignId].sort());
    const all = sql`true`;
    expect(report.totals.registered).toBe(await sumOf("a.status in ('booked', 'attended', 'no_show') and a.walk_in = false", all));
    expect(report.totals.checkedIn).toBe(await sumOf("a.status = 'attended'", all));
    expect(report.totals.noShow).toBe(await sumOf("a.status = 'no_show'", all));
    expect(report.totals.operated).toBe(await sumOf("a.status <> 'cancelled' and a.procedure_done_at is not null", all));
    const places = (await sql<{ n: number }>`select sum(capacity)::int as n from slots`.execute(t.db)).rows[0]?.n;
    expect(report.totals.capacity).toBe(places);
    // Zagora is in Drâa-Tafilalet with Tinghir: one region, two provinces.
    expect(report.provinces.map((p) => p.code).sort()).toEqual(['tinghir', 'zagora']);
    expect(report.regions).toHaveLength(1);
    expect(report.regions[0]?.campaigns).toBe(4);
    expect(report.provinces.find((p) => p.code === 'zagora')?.registered).toBe(await sumOf("a.status in ('booked', 'attended', 'no_show') and a.walk_in = false", sql`province_code = 'zagora'`));
  });

  it("gives a ministry's coordinator its own caravans only, and no national view to an association", async () => {
    const report = (await get(world.tokens.ministry, '/admin/api/reports/national')).json<NationalReport>();
    expect(report.campaigns.map((c) => c.campaignId)).toEqual([world.ministryCampaignId]);
    expect(report.totals.registered).toBe(await sumOf("a.status in ('booked', 'attended', 'no_show') and a.walk_in = false", sql`slug = 'ministry-caravan'`));
    expect((await get(world.tokens.coordinator, '/admin/api/reports/national')).statusCode).toBe(404);
    expect((await get(world.tokens.medical, '/admin/api/reports/national')).statusCode).toBe(403);
    expect((await get(world.tokens.desk, '/admin/api/reports/national.csv')).statusCode).toBe(403);
  });

  it('gives the national view as CSV with its totals line', async () => {
    const report = (await get(world.tokens.admin, '/admin/api/reports/national')).json<NationalReport>();
    const answer = await get(world.tokens.admin, '/admin/api/reports/national.csv');
    const lines = answer.body.slice(1).trim().split('\r\n');
    const total = report.totals;
    expect(lines.at(-1)).toBe([total.campaigns, total.capacity, total.registered, total.walkIns, total.checkedIn, total.seen, total.operated, total.noShow].map((v) => `"${v}"`).join(','));
    expect(lines).toContain('"Par région"');
  });
});

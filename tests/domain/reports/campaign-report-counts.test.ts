// Every figure of a campaign's report equals a count made another way over the same rows: plain SQL counts
// with other predicates (IN lists, subqueries instead of joins), or the raw rows counted here.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../../../src/domain/clock.ts';
import { campaignReport } from '../../../src/domain/reports/index.ts';
import type { CampaignReport } from '../../../src/http/console/reports.schemas.ts';
import { reportWorld, ZONE, type ReportWorld } from '../../support/report-world.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

let t: TestDatabase;
let world: ReportWorld;
let report: CampaignReport;
let drive: CampaignReport;

const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(t.db)).rows[0]?.n ?? -1;

beforeAll(async () => {
  t = await createTestDatabase();
  world = await reportWorld(t.db);
  const organisationId = (await t.db.selectFrom('campaigns').select('organisation_id').where('id', '=', world.caravanId).executeTakeFirstOrThrow()).organisation_id;
  const scope = { organisationId, today: world.today, timeZone: ZONE };
  report = (await campaignReport(t.db, world.caravanId, scope)) ?? expect.fail('no report');
  drive = (await campaignReport(t.db, world.driveId, scope)) ?? expect.fail('no report');
});
afterAll(async () => {
  await t.drop();
});

describe("a campaign's report", () => {
  it('counts places, registered, walk-ins, arrivals, seen, operated, absent and cancelled per service and day as the rows do', async () => {
    expect(report.serviceDays).toHaveLength(4);
    for (const d of report.serviceDays) {
      const inWindows = sql`a.slot_id in (select id from slots where campaign_id = ${world.caravanId} and day = ${d.day} and service = ${d.service})`;
      const of = (where: ReturnType<typeof sql>) => count(sql<{ n: number }>`select count(*)::int as n from appointments a where ${inWindows} and ${where}`);
      expect(d.capacity).toBe(await count(sql<{ n: number }>`select coalesce(sum(capacity), 0)::int as n from slots where campaign_id = ${world.caravanId} and day = ${d.day} and service = ${d.service}`));
      expect(d.registered).toBe(await of(sql`a.status in ('booked', 'attended', 'no_show') and a.walk_in = false`));
      expect(d.overCapacity).toBe(await of(sql`a.status in ('booked', 'attended', 'no_show') and a.walk_in = true`));
      const desk = sql`exists (select 1 from desk_checkins w where w.appointment_id = a.id and w.kind = 'walk_in')`;
      expect(d.walkIns).toBe(await of(sql`a.status in ('booked', 'attended', 'no_show') and (a.walk_in or ${desk})`));
      expect(d.checkedIn).toBe(await of(sql`a.status = 'attended'`));
      expect(d.seen).toBe(await of(sql`a.status in ('booked', 'attended', 'no_show') and a.seen_at is not null`));
      expect(d.operated).toBe(await of(sql`a.status in ('booked', 'attended', 'no_show') and a.procedure_done_at is not null`));
      expect(d.noShow).toBe(await of(sql`a.status = 'no_show'`));
      expect(d.cancelled).toBe(await of(sql`a.status = 'cancelled'`));
    }
    // The seeded rows hold each kind at least once: no figure is zero by accident.
    const sums = report.serviceDays.reduce((s, d) => ({ walkIns: s.walkIns + d.walkIns, over: s.over + d.overCapacity, operated: s.operated + d.operated }), { walkIns: 0, over: 0, operated: 0 });
    expect(sums.over).toBeGreaterThan(0);
    expect(sums.walkIns).toBeGreaterThan(sums.over);
    expect(sums.operated).toBeGreaterThan(0);
  });

  it('bands the bookings by how early they were made, counted from each row in Morocco’s calendar', async () => {
    const rows = (await sql<{ day: string; created_at: Date; status: string }>`
      select s.day, a.created_at, a.status from appointments a, slots s
      where s.id = a.slot_id and a.campaign_id = ${world.caravanId} and a.status <> 'cancelled' and a.walk_in = false
        and not exists (select 1 from desk_checkins w where w.appointment_id = a.id and w.kind = 'walk_in')`.execute(t.db)).rows;
    const days = (a: string, b: string) => Math.round((Date.parse(a) - Date.parse(b)) / 86_400_000);
    const bandOf = (lead: number) => (lead <= 0 ? 'same_day' : lead <= 2 ? 'one_to_two' : lead <= 7 ? 'three_to_seven' : 'more');
    for (const band of report.leadTimes) {
      const mine = rows.filter((r) => bandOf(days(r.day, localDay(r.created_at, ZONE))) === band.band);
      expect(band).toEqual({ band: band.band, booked: mine.length, decided: mine.filter((r) => r.status !== 'booked').length, noShow: mine.filter((r) => r.status === 'no_show').length });
    }
    expect(report.leadTimes.every((b) => b.booked > 0 && b.noShow > 0)).toBe(true);
  });

  it('counts people once by sex and age band, and by province and commune', async () => {
    const people = (await sql<{ id: number; sex: string | null; birth_year: number | null; province: string | null; commune: string | null }>`
      select distinct b.id, b.sex, b.birth_year, k.province_code as province, b.commune from beneficiaries b join contacts k on k.id = b.contact_id
      where b.id in (select beneficiary_id from appointments where campaign_id = ${world.caravanId} and status in ('booked', 'attended', 'no_show'))`.execute(t.db)).rows;
    const year = Number(report.firstDay.slice(0, 4));
    const bandOf = (birth: number | null) => (birth === null ? 'unknown' : year - birth >= 70 ? '70+' : `${Math.floor((year - birth) / 10) * 10}-${Math.floor((year - birth) / 10) * 10 + 9}`);
    for (const row of report.pyramid) {
      const inBand = people.filter((p) => bandOf(p.birth_year) === row.band);
      expect(row).toEqual({ band: row.band, female: inBand.filter((p) => p.sex === 'female').length, male: inBand.filter((p) => p.sex === 'male').length, unknown: inBand.filter((p) => p.sex === null).length });
    }
    expect(report.pyramid.reduce((n, r) => n + r.female + r.male + r.unknown, 0)).toBe(people.length);
    for (const place of report.places) {
      expect(place.people).toBe(people.filter((p) => p.province === place.provinceCode && p.commune === place.commune).length);
    }
    expect(report.places.reduce((n, p) => n + p.people, 0)).toBe(people.length);
    expect(report.places.find((p) => p.provinceCode === 'tinghir')?.provinceFr).toBe('Tinghir');
  });

  it('counts the waiting list, reminders, confirmations, check-ins answered and alerts', async () => {
    const campaign = world.caravanId;
    const ofCampaign = sql`appointment_id in (select id from appointments where campaign_id = ${campaign})`;
    expect(report.followUp).toEqual({
      waitlistJoined: await count(sql`select count(*)::int as n from waitlist_entries where campaign_id = ${campaign}`),
      waitlistServed: await count(sql`select count(*)::int as n from waitlist_entries where campaign_id = ${campaign} and status = 'promoted'`),
      waitlistWaiting: await count(sql`select count(*)::int as n from waitlist_entries where campaign_id = ${campaign} and status = 'waiting'`),
      remindersSent: await count(sql`select count(*)::int as n from notifications where kind = 'reminder' and status = 'sent' and ${ofCampaign}`),
      confirmed: await count(sql`select count(*)::int as n from appointments where campaign_id = ${campaign} and status in ('booked', 'attended', 'no_show') and confirmed_at is not null`),
      checkinsSent: await count(sql`select count(*)::int as n from notifications where kind = 'checkin' and status = 'sent' and ${ofCampaign}`),
      checkinsAnswered: await count(sql`select count(*)::int as n from checkins where completed_at is not null and ${ofCampaign}`),
      redFlagAlerts: await count(sql`select count(*)::int as n from staff_alerts where campaign_id = ${campaign} and kind = 'red_flag'`),
      unreachableAlerts: await count(sql`select count(*)::int as n from staff_alerts where campaign_id = ${campaign} and kind = 'unreachable'`),
    });
    expect(Object.values(report.followUp).every((n) => n > 0)).toBe(true);
    expect(report.bloodDrive).toBeNull();
  });

  it('counts bookings per day from the campaign’s creation to today, every booking once', async () => {
    const made = (await sql<{ created_at: Date }>`
      select created_at from appointments a where campaign_id = ${world.caravanId} and walk_in = false
        and id not in (select appointment_id from desk_checkins where kind = 'walk_in' and appointment_id is not null)`.execute(t.db)).rows;
    expect(report.bookingsPerDay[0]?.day).toBe(report.since);
    expect(report.bookingsPerDay.at(-1)?.day).toBe(world.today);
    for (const d of report.bookingsPerDay) expect(d.bookings).toBe(made.filter((m) => localDay(m.created_at, ZONE) === d.day).length);
    expect(report.bookingsPerDay.reduce((n, d) => n + d.bookings, 0)).toBe(made.length);
  });

  it("gives a blood drive's target, confirmed, came, donated, deferred and blood groups", async () => {
    const id = world.driveId;
    const b = drive.bloodDrive ?? expect.fail('no blood drive figures');
    expect(b.target).toBe(80);
    expect(b.registered).toBe(await count(sql`select count(*)::int as n from appointments where campaign_id = ${id} and status in ('booked', 'attended', 'no_show')`));
    expect(b.confirmed).toBe(await count(sql`select count(*)::int as n from appointments where campaign_id = ${id} and status in ('booked', 'attended', 'no_show') and confirmed_at is not null`));
    expect(b.came).toBe(await count(sql`select count(*)::int as n from appointments where campaign_id = ${id} and status = 'attended'`));
    expect(b.donated).toBe(await count(sql`select count(*)::int as n from donations where campaign_id = ${id}`));
    expect(b.deferred).toBe(await count(sql`select count(*)::int as n from appointments a left join donations d on d.appointment_id = a.id where a.campaign_id = ${id} and a.status = 'attended' and d.id is null`));
    for (const g of b.byGroup) {
      const where = g.group === 'unknown' ? sql`blood_group is null` : sql`blood_group = ${g.group}`;
      expect(g.donated).toBe(await count(sql`select count(*)::int as n from donations where campaign_id = ${id} and ${where}`));
    }
    expect(b.donated).toBeGreaterThan(0);
    expect(b.deferred).toBeGreaterThan(0);
  });
});

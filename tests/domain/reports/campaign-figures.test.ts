// The national view's figures come from the changes the appointments' triggers write: after inserts, updates
// of every kind, deletes and concurrent reads, they still equal a count of the appointments themselves.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalReport } from '../../../src/domain/reports/index.ts';
import { reportWorld, type ReportWorld } from '../../support/report-world.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

let t: TestDatabase;
let world: ReportWorld;

beforeAll(async () => {
  t = await createTestDatabase();
  world = await reportWorld(t.db);
});
afterAll(async () => {
  await t.drop();
});

/** Each campaign's figures counted straight from its appointments. */
async function counted() {
  const rows = await sql<{ campaign_id: number; registered: number; over: number; checked_in: number; seen: number; operated: number; no_show: number }>`
    select campaign_id,
      sum(case when status in ('booked', 'attended', 'no_show') and walk_in = false then 1 else 0 end)::int as registered,
      sum(case when status in ('booked', 'attended', 'no_show') and walk_in = true then 1 else 0 end)::int as over,
      sum(case when status = 'attended' then 1 else 0 end)::int as checked_in,
      sum(case when status in ('booked', 'attended', 'no_show') and seen_at is not null then 1 else 0 end)::int as seen,
      sum(case when status in ('booked', 'attended', 'no_show') and procedure_done_at is not null then 1 else 0 end)::int as operated,
      sum(case when status = 'no_show' then 1 else 0 end)::int as no_show
    from appointments group by campaign_id order by campaign_id`.execute(t.db);
  return rows.rows.map((r) => ({ campaignId: r.campaign_id, registered: r.registered, checkedIn: r.checked_in, seen: r.seen, operated: r.operated, noShow: r.no_show }));
}

async function reported() {
  const report = await nationalReport(t.db, undefined);
  return report.campaigns.map((c) => ({ campaignId: c.campaignId, registered: c.registered, checkedIn: c.checkedIn, seen: c.seen, operated: c.operated, noShow: c.noShow })).sort((a, b) => a.campaignId - b.campaignId);
}

describe('the figures the triggers keep', () => {
  it('equal the appointments after inserts, then after cancellations, arrivals, seen, operated, absences and deletes', async () => {
    expect(await reported()).toEqual(await counted());
    const id = world.caravanId;
    await sql`update appointments set status = 'cancelled' where campaign_id = ${id} and status = 'booked' and id % 3 = 0`.execute(t.db);
    await sql`update appointments set status = 'attended', arrived_at = now() where campaign_id = ${id} and status = 'booked' and id % 3 = 1`.execute(t.db);
    await sql`update appointments set seen_at = now() where campaign_id = ${id} and status = 'attended' and seen_at is null`.execute(t.db);
    await sql`update appointments set procedure_done_at = now() where campaign_id = ${world.driveId} and status = 'attended' and id % 2 = 0`.execute(t.db);
    await sql`update appointments set status = 'no_show' where campaign_id = ${world.otherId} and status = 'booked'`.execute(t.db);
    // A change of another column adds nothing, and moving an appointment between campaigns moves its figures.
    await sql`update appointments set confirmed_at = now() where campaign_id = ${id}`.execute(t.db);
    await sql`delete from appointments where campaign_id = ${world.ministryCampaignId} and status = 'cancelled'`.execute(t.db);
    expect(await reported()).toEqual(await counted());
  });

  it('stay exact when many readers fold the changes at once while appointments change', async () => {
    const writes = Array.from({ length: 6 }, (_, i) => sql`update appointments set status = 'attended' where campaign_id = ${world.caravanId} and status = 'booked' and id % 6 = ${i}`.execute(t.db));
    await Promise.all([...writes, ...Array.from({ length: 6 }, () => nationalReport(t.db, undefined))]);
    expect(await reported()).toEqual(await counted());
    // Folded: one row per campaign is left.
    const rows = await sql<{ n: number; campaigns: number }>`select count(*)::int as n, count(distinct campaign_id)::int as campaigns from campaign_figures`.execute(t.db);
    expect(rows.rows[0]?.n).toBe(rows.rows[0]?.campaigns);
  });
});

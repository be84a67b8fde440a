// The national view: every campaign (drafts left out) with its places and what became of them, for the
// platform admin across organisations, or for one ministry's staff over its own caravans.
import { sql, type Kysely } from 'kysely';
import type { Database, OrganisationKind, StaffRole } from '../../db/tables.ts';
import type { NationalReport } from '../../http/console/reports.schemas.ts';
import { foldCampaignFigures } from './campaign-figures.ts';
import { nationalTotals } from './national-totals.ts';

/**
 * Who reads the national view: the platform admin over every organisation, and a ministry's coordinators
 * over its own caravans; any other organisation runs no caravans across provinces.
 */
export function readsNationalView(role: StaffRole, organisationKind: OrganisationKind | null): boolean {
  return role === 'admin' || (role === 'coordinator' && organisationKind === 'ministry');
}

/** `organisationId` undefined: every organisation's campaigns (the platform admin's view). */
export async function nationalReport(db: Kysely<Database>, organisationId: number | undefined): Promise<NationalReport> {
  // Sums of a few rows per campaign rather than every appointment: see campaign-figures.ts.
  await foldCampaignFigures(db);
  const own = (column = 'campaign_id') => (organisationId === undefined ? sql`true` : sql`${sql.ref(column)} in (select id from campaigns where organisation_id = ${organisationId})`);
  const [rows, provinces, regions] = await Promise.all([
    sql<{
      campaignId: number;
      title: Record<string, string>;
      organisation: string;
      kind: 'caravan' | 'blood_drive';
      status: 'draft' | 'published' | 'closed' | 'cancelled';
      firstDay: string;
      lastDay: string;
      provinceCode: string;
      regionCode: string;
      capacity: number;
      registered: number;
      walkIns: number;
      checkedIn: number;
      seen: number;
      operated: number;
      noShow: number;
    }>`
      with places as (
        select campaign_id, sum(capacity)::int as capacity from slots where ${own()} group by campaign_id
      ), figures as (
        select campaign_id, sum(registered)::int as registered, sum(over_capacity)::int as over_capacity, sum(checked_in)::int as checked_in,
          sum(seen)::int as seen, sum(operated)::int as operated, sum(no_show)::int as no_show
        from campaign_figures where ${own()} group by campaign_id
      ), desk as (
        -- Walk-ins given a free place are ordinary appointments but for the desk's record: few rows, counted here.
        select w.campaign_id, count(*)::int as walk_ins from desk_checkins w join appointments a on a.id = w.appointment_id
        where w.kind = 'walk_in' and a.status <> 'cancelled' and not a.walk_in and ${own('w.campaign_id')} group by w.campaign_id
      )
      select c.id as "campaignId", c.title, o.name as organisation, c.kind, c.status, c.first_day as "firstDay", c.last_day as "lastDay",
        c.province_code as "provinceCode", p.region_code as "regionCode",
        coalesce(pl.capacity, 0) as capacity, coalesce(f.registered, 0) as registered, coalesce(f.over_capacity, 0) + coalesce(d.walk_ins, 0) as "walkIns",
        coalesce(f.checked_in, 0) as "checkedIn", coalesce(f.seen, 0) as seen, coalesce(f.operated, 0) as operated, coalesce(f.no_show, 0) as "noShow"
      from campaigns c
      join organisations o on o.id = c.organisation_id
      join provinces p on p.code = c.province_code
      left join places pl on pl.campaign_id = c.id
      left join figures f on f.campaign_id = c.id
      left join desk d on d.campaign_id = c.id
      where c.status <> 'draft' ${organisationId === undefined ? sql`` : sql`and c.organisation_id = ${organisationId}`}
      order by p.region_code, c.province_code, c.first_day, c.id`.execute(db),
    db.selectFrom('provinces').select(['code', 'name_fr as nameFr', 'name_ar as nameAr', 'region_code as regionCode']).orderBy('name_fr').execute(),
    db.selectFrom('regions').select(['code', 'name_fr as nameFr', 'name_ar as nameAr']).orderBy('code').execute(),
  ]);
  return nationalTotals(rows.rows, provinces, regions);
}

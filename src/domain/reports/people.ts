// Who came to the campaign: people (not appointments) with an appointment not cancelled, by sex and
// ten-year age band on the campaign's first day, and by the contact's province and the person's commune.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import { AGE_BANDS, type AgeBand } from '../../http/console/reports.schemas.ts';

export interface PyramidRow {
  band: AgeBand;
  female: number;
  male: number;
  unknown: number;
}

/** Rows of (band, sex, people) laid out as a pyramid: every band, oldest last. Pure. */
export function pyramidOf(counts: readonly { band: AgeBand; sex: 'female' | 'male' | null; people: number }[]): PyramidRow[] {
  return AGE_BANDS.map((band) => {
    const of = (sex: 'female' | 'male' | null) => counts.filter((c) => c.band === band && c.sex === sex).reduce((n, c) => n + c.people, 0);
    return { band, female: of('female'), male: of('male'), unknown: of(null) };
  });
}

export interface PlaceCount {
  provinceCode: string | null;
  provinceFr: string | null;
  provinceAr: string | null;
  commune: string | null;
  people: number;
}

/**
 * Both tallies in one pass over the people (grouping sets), each person once however many services they
 * registered for. The ids go in as arrays (`= any(array(...))`) so the campaign's few thousand people and
 * contacts are read through their primary keys: as a join or an IN, the planner hashes the whole country's
 * beneficiaries to find one campaign's. Province names are joined on the few groups.
 */
export async function people(db: Kysely<Database>, campaignId: number, firstDay: string): Promise<{ pyramid: PyramidRow[]; places: PlaceCount[] }> {
  const age = sql`extract(year from ${firstDay}::date)::int - b.birth_year`;
  const result = await sql<{ band: AgeBand; sex: 'female' | 'male' | null; provinceCode: string | null; commune: string | null; isPlace: boolean; people: number; provinceFr: string | null; provinceAr: string | null }>`
    with b as materialized (
      select id, contact_id, sex, birth_year, commune from beneficiaries
      where id = any(array(select distinct a.beneficiary_id from appointments a where a.campaign_id = ${campaignId} and a.status <> 'cancelled'))
    ), k as materialized (
      select id, province_code from contacts where id = any(array(select contact_id from b))
    ), g as (
      select
        case when b.birth_year is null then 'unknown' when ${age} >= 70 then '70+' else (greatest(${age}, 0) / 10 * 10)::text || '-' || (greatest(${age}, 0) / 10 * 10 + 9)::text end as band,
        b.sex, k.province_code, b.commune, grouping(k.province_code) = 0 as "isPlace", count(*)::int as people
      from b left join k on k.id = b.contact_id
      group by grouping sets ((1, b.sex), (k.province_code, b.commune))
    )
    select g.band, g.sex, g.province_code as "provinceCode", g.commune, g."isPlace", g.people, v.name_fr as "provinceFr", v.name_ar as "provinceAr"
    from g left join provinces v on v.code = g.province_code`.execute(db);
  const rows = result.rows;
  const places = rows
    .filter((r) => r.isPlace)
    .map((r) => ({ provinceCode: r.provinceCode, provinceFr: r.provinceFr, provinceAr: r.provinceAr, commune: r.commune, people: r.people }))
    .sort((a, b) => b.people - a.people || (a.provinceFr ?? '').localeCompare(b.provinceFr ?? '') || (a.commune ?? '').localeCompare(b.commune ?? ''));
  return { pyramid: pyramidOf(rows.filter((r) => !r.isPlace)), places };
}

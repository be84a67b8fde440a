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

/**
 * Each person once, however many services they registered for, with their contact's province. The LIMIT keeps
 * the lookup a subquery per person (an index probe each): flattened into a join, the planner hashes the whole
 * country's beneficiaries to find one campaign's 4,000.
 */
const registered = (db: Kysely<Database>, campaignId: number) =>
  db
    .selectFrom((eb) => eb.selectFrom('appointments as a').select('a.beneficiary_id').distinct().where('a.campaign_id', '=', campaignId).where('a.status', '!=', 'cancelled').as('x'))
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('beneficiaries as p')
          .innerJoin('contacts as k', 'k.id', 'p.contact_id')
          .select(['p.sex', 'p.birth_year', 'p.commune', 'k.province_code'])
          .whereRef('p.id', '=', 'x.beneficiary_id')
          .limit(1)
          .as('b'),
      (join) => join.onTrue(),
    );

export interface PlaceCount {
  provinceCode: string | null;
  provinceFr: string | null;
  provinceAr: string | null;
  commune: string | null;
  people: number;
}

/**
 * Both tallies in one pass over the people (grouping sets): each person is looked up once. Province names
 * are joined after grouping, on the few groups.
 */
export async function people(db: Kysely<Database>, campaignId: number, firstDay: string): Promise<{ pyramid: PyramidRow[]; places: PlaceCount[] }> {
  const age = sql<number>`extract(year from ${firstDay}::date)::int - b.birth_year`;
  const band = sql<AgeBand>`case when b.birth_year is null then 'unknown' when ${age} >= 70 then '70+' else (greatest(${age}, 0) / 10 * 10)::text || '-' || (greatest(${age}, 0) / 10 * 10 + 9)::text end`;
  const rows = await db
    .selectFrom(
      registered(db, campaignId)
        .select((eb) => [
          band.as('band'),
          'b.sex',
          'b.province_code',
          'b.commune',
          sql<boolean>`grouping(b.province_code) = 0`.as('isPlace'),
          eb.fn.countAll<number>().as('people'),
        ])
        .groupBy(sql`grouping sets ((1, b.sex), (b.province_code, b.commune))`)
        .as('g'),
    )
    .leftJoin('provinces as v', 'v.code', 'g.province_code')
    .select(['g.band', 'g.sex', 'g.province_code as provinceCode', 'g.commune', 'g.isPlace', 'g.people', 'v.name_fr as provinceFr', 'v.name_ar as provinceAr'])
    .execute();
  const places = rows
    .filter((r) => r.isPlace)
    .map((r) => ({ provinceCode: r.provinceCode, provinceFr: r.provinceFr, provinceAr: r.provinceAr, commune: r.commune, people: r.people }))
    .sort((a, b) => b.people - a.people || (a.provinceFr ?? '').localeCompare(b.provinceFr ?? '') || (a.commune ?? '').localeCompare(b.commune ?? ''));
  return { pyramid: pyramidOf(rows.filter((r) => !r.isPlace)), places };
}

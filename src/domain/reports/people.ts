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

const registered = (db: Kysely<Database>, campaignId: number) =>
  db
    .selectFrom('appointments as a')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .where('a.campaign_id', '=', campaignId)
    .where('a.status', '!=', 'cancelled');

export async function pyramid(db: Kysely<Database>, campaignId: number, firstDay: string): Promise<PyramidRow[]> {
  const age = sql<number>`extract(year from ${firstDay}::date)::int - b.birth_year`;
  const band = sql<AgeBand>`case when b.birth_year is null then 'unknown' when ${age} >= 70 then '70+' else (greatest(${age}, 0) / 10 * 10)::text || '-' || (greatest(${age}, 0) / 10 * 10 + 9)::text end`;
  const rows = await registered(db, campaignId)
    .select((eb) => [band.as('band'), 'b.sex', eb.fn.count<number>('b.id').distinct().as('people')])
    .groupBy([sql`1`, 'b.sex'])
    .execute();
  return pyramidOf(rows);
}

export async function places(db: Kysely<Database>, campaignId: number) {
  return registered(db, campaignId)
    .innerJoin('contacts as k', 'k.id', 'b.contact_id')
    .leftJoin('provinces as p', 'p.code', 'k.province_code')
    .select((eb) => ['k.province_code as provinceCode', 'p.name_fr as provinceFr', 'p.name_ar as provinceAr', 'b.commune', eb.fn.count<number>('b.id').distinct().as('people')])
    .groupBy(['k.province_code', 'p.name_fr', 'p.name_ar', 'b.commune'])
    .orderBy('people', 'desc')
    .orderBy('p.name_fr')
    .orderBy('b.commune')
    .execute();
}

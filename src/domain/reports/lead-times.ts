// How early people booked, and how many of each band did not come: bookings made the same day, 1–2 days,
// 3–7 days or more before their day (in Morocco's time zone). Desk registrations are not bookings.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import { LEAD_BANDS, type LeadBand } from '../../http/console/reports.schemas.ts';
import { AT_DESK } from './at-desk.ts';

export interface LeadTime {
  band: LeadBand;
  booked: number;
  decided: number;
  noShow: number;
}

/** Every band, in order, zeros where none booked. Pure. */
export function allBands(found: readonly LeadTime[]): LeadTime[] {
  return LEAD_BANDS.map((band) => found.find((f) => f.band === band) ?? { band, booked: 0, decided: 0, noShow: 0 });
}

export async function leadTimes(db: Kysely<Database>, campaignId: number, timeZone: string): Promise<LeadTime[]> {
  const lead = sql<number>`s.day - (a.created_at at time zone ${timeZone})::date`;
  const band = sql<LeadBand>`case when ${lead} <= 0 then 'same_day' when ${lead} <= 2 then 'one_to_two' when ${lead} <= 7 then 'three_to_seven' else 'more' end`;
  const rows = await db
    .selectFrom('appointments as a')
    .innerJoin('slots as s', 's.id', 'a.slot_id')
    .select((eb) => [
      band.as('band'),
      eb.fn.countAll<number>().as('booked'),
      eb.fn.countAll<number>().filterWhere('a.status', 'in', ['attended', 'no_show']).as('decided'),
      eb.fn.countAll<number>().filterWhere('a.status', '=', 'no_show').as('noShow'),
    ])
    .where('a.campaign_id', '=', campaignId)
    .where('a.status', '!=', 'cancelled')
    .where(sql<boolean>`not ${AT_DESK}`)
    .groupBy(sql`1`)
    .execute();
  return allBands(rows);
}

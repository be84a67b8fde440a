// Bookings made each day since the campaign was created (its publication is not recorded), up to today or
// its last day: the line a coordinator reads to see whether the broadcast worked. Desk registrations left out.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import { AT_DESK } from './at-desk.ts';

export async function bookingsPerDay(db: Kysely<Database>, campaignId: number, from: string, to: string, timeZone: string): Promise<{ day: string; bookings: number }[]> {
  const result = await sql<{ day: string; bookings: number }>`
    with made as (
      select (a.created_at at time zone ${timeZone})::date as day, count(*) as bookings
      from appointments a
      where a.campaign_id = ${campaignId} and not ${AT_DESK}
      group by 1
    )
    select d::date as day, coalesce(made.bookings, 0)::int as bookings
    from generate_series(${from}::date, ${to}::date, interval '1 day') as d
    left join made on made.day = d::date
    order by d`.execute(db);
  return result.rows;
}

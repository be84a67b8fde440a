// Many appointments of every kind in one statement (INSERT ... SELECT generate_series): booked, cancelled,
// absent, arrived, seen, operated, walk-ins over capacity, confirmed, booked 0 to 11 days ahead; people of
// both sexes (and unsaid), of every age, from several provinces and communes. The reports' tests and bench share it.
import { sql } from 'kysely';
import type { Db } from '../../src/db/connection.ts';

/** Provinces the contacts come from (one in three says none). */
export const SEEDED_PROVINCES = ['tinghir', 'ouarzazate'] as const;

/**
 * `count` people, one appointment each, spread over the campaign's windows in turn. Row g is cancelled when
 * g % 10 = 0, absent when 1 or 2, arrived from 3 to 6 (seen when even, operated when g % 5 = 0, a walk-in over
 * capacity when g % 17 = 3), booked otherwise; confirmed when g % 4 = 0; booked g % 12 days before its day.
 */
export async function seedAppointments(db: Db, campaignId: number, count: number): Promise<void> {
  await sql`
    with windows as (
      select id, day, service, (row_number() over (order by id) - 1)::int as i, (count(*) over ())::int as n from slots where campaign_id = ${campaignId}
    ), c as (
      insert into contacts (locale, province_code)
      select 'fr', (array[${SEEDED_PROVINCES[0]}, ${SEEDED_PROVINCES[1]}, null])[1 + g % 3] from generate_series(1, ${count}::int) g
      returning id
    ), cn as (
      select id, (row_number() over (order by id))::int as g from c
    ), b as (
      insert into beneficiaries (contact_id, relation, full_name, sex, birth_year, commune)
      select id, 'self', 'Personne ' || g, (array['female', 'male', null])[1 + g % 3],
        case when g % 11 = 0 then null else 1940 + (g * 7) % 85 end,
        (array['Tinghir', 'Boumalne Dadès', '=1+1', null])[1 + g % 4]
      from cn
      returning id, contact_id
    ), people as (
      select b.id, cn.g, case when cn.g % 10 = 0 then 'cancelled' when cn.g % 10 in (1, 2) then 'no_show' when cn.g % 10 between 3 and 6 then 'attended' else 'booked' end as status
      from b join cn on cn.id = b.contact_id
    )
    insert into appointments (code, beneficiary_id, campaign_id, service, slot_id, status, channel, created_by, walk_in, arrived_at, seen_at, procedure_done_at, confirmed_at, created_at)
    select 'R' || ${campaignId}::text || '-' || p.g, p.id, ${campaignId}, w.service, w.id, p.status, 'telegram', 'seed',
      p.status = 'attended' and p.g % 17 = 3,
      case when p.status = 'attended' then (w.day + time '09:30') at time zone 'Africa/Casablanca' end,
      case when p.status = 'attended' and p.g % 2 = 0 then (w.day + time '10:30') at time zone 'Africa/Casablanca' end,
      case when p.status = 'attended' and p.g % 5 = 0 then (w.day + time '11:30') at time zone 'Africa/Casablanca' end,
      case when p.status <> 'cancelled' and p.g % 4 = 0 then (w.day + time '08:00') at time zone 'Africa/Casablanca' end,
      ((w.day - p.g % 12) + time '10:00') at time zone 'Africa/Casablanca'
    from people p join windows w on w.i = p.g % w.n`.execute(db);
}

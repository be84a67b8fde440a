// A campaign's places and what became of them, per service and day: registered against capacity, walk-ins,
// checked in, seen, operated, absent, cancelled. Two grouped reads (places, appointments) merged by a pure step.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import type { ServiceDay } from '../../http/console/reports.schemas.ts';
import { AT_DESK } from './at-desk.ts';

type Figures = Omit<ServiceDay, 'day' | 'service' | 'capacity'>;
const NONE: Figures = { registered: 0, overCapacity: 0, walkIns: 0, checkedIn: 0, seen: 0, operated: 0, noShow: 0, cancelled: 0 };

/**
 * Every day and service that has places, with the appointments' figures (zeros where nobody booked). Pure.
 *
 * @example mergeServiceDays([{ day: '2026-12-14', service: 'dental', capacity: 40 }], []) // [{ …, capacity: 40, registered: 0, … }]
 */
export function mergeServiceDays(places: readonly { day: string; service: string; capacity: number }[], figures: readonly (Figures & { day: string; service: string })[]): ServiceDay[] {
  const key = (r: { day: string; service: string }) => `${r.day}|${r.service}`;
  const byKey = new Map(figures.map((f) => [key(f), f]));
  return places.map((p) => {
    const { day: _day, service: _service, ...found } = byKey.get(key(p)) ?? { ...NONE, day: p.day, service: p.service };
    return { day: p.day, service: p.service, capacity: p.capacity, ...found };
  });
}

export async function serviceDays(db: Kysely<Database>, campaignId: number): Promise<ServiceDay[]> {
  const [places, figures] = await Promise.all([
    db
      .selectFrom('slots')
      .select((eb) => ['day', 'service', eb.fn.sum<number>('capacity').as('capacity')])
      .where('campaign_id', '=', campaignId)
      .groupBy(['day', 'service'])
      .orderBy('day')
      .orderBy('service')
      .execute(),
    db
      .selectFrom('appointments as a')
      .innerJoin('slots as s', 's.id', 'a.slot_id')
      .select((eb) => [
        's.day',
        's.service',
        eb.fn.countAll<number>().filterWhere(sql<boolean>`a.status <> 'cancelled' and not a.walk_in`).as('registered'),
        eb.fn.countAll<number>().filterWhere(sql<boolean>`a.status <> 'cancelled' and a.walk_in`).as('overCapacity'),
        eb.fn.countAll<number>().filterWhere(sql<boolean>`a.status <> 'cancelled' and ${AT_DESK}`).as('walkIns'),
        eb.fn.countAll<number>().filterWhere('a.status', '=', 'attended').as('checkedIn'),
        eb.fn.countAll<number>().filterWhere(sql<boolean>`a.status <> 'cancelled' and a.seen_at is not null`).as('seen'),
        eb.fn.countAll<number>().filterWhere(sql<boolean>`a.status <> 'cancelled' and a.procedure_done_at is not null`).as('operated'),
        eb.fn.countAll<number>().filterWhere('a.status', '=', 'no_show').as('noShow'),
        eb.fn.countAll<number>().filterWhere('a.status', '=', 'cancelled').as('cancelled'),
      ])
      .where('a.campaign_id', '=', campaignId)
      .groupBy(['s.day', 's.service'])
      .execute(),
  ]);
  return mergeServiceDays(
    places.map((p) => ({ ...p, capacity: Number(p.capacity) })),
    figures,
  );
}

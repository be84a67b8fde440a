// What is left to book: per service, day and time window.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';

export interface WindowAvailability {
  slotId: number;
  service: string;
  day: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
  remaining: number;
}

/**
 * Time windows of a campaign from `fromDay` on, in day and time order.
 *
 * @example
 * const windows = await listAvailability(db, { campaignId: 3, service: 'ophthalmology', fromDay: '2026-12-14' });
 */
export async function listAvailability(
  db: Kysely<Database>,
  query: { campaignId: number; service?: string; fromDay: string; onlyWithPlaces?: boolean },
): Promise<WindowAvailability[]> {
  let q = db
    .selectFrom('slots')
    .select(['id', 'service', 'day', 'starts_at', 'ends_at', 'capacity', 'booked'])
    .where('campaign_id', '=', query.campaignId)
    .where('day', '>=', query.fromDay);
  if (query.service !== undefined) q = q.where('service', '=', query.service);
  if (query.onlyWithPlaces) q = q.whereRef('booked', '<', 'capacity');
  const rows = await q.orderBy('day').orderBy('starts_at').orderBy('service').execute();
  return rows.map((r) => ({
    slotId: r.id,
    service: r.service,
    day: r.day,
    startsAt: r.starts_at.slice(0, 5),
    endsAt: r.ends_at.slice(0, 5),
    capacity: r.capacity,
    booked: r.booked,
    remaining: r.capacity - r.booked,
  }));
}

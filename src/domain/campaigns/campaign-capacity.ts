// How full a campaign is, per day, service and window, with its waiting list: what the coordinators
// watch while villagers book. The figures are read from the slots' counters, which the booking
// statement keeps equal to the booked appointments; `version` is a digest of the figures.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, IsoDate } from '../../db/tables.ts';

export interface CapacityWindow {
  slotId: number;
  start: string;
  end: string;
  booked: number;
  capacity: number;
  /** Walk-ins the coordinator let in beyond the places: counted apart, never in `booked`. */
  beyond: number;
}

export interface CapacityOfService {
  service: string;
  windows: CapacityWindow[];
  /** Waiting for this day, plus waiting for any day of the campaign (they would take a place here too). */
  waiting: number;
  /** Checked in at the venue and not yet seen nor operated: the service's queue. */
  inQueue: number;
}

export interface CapacityOfDay {
  day: IsoDate;
  services: CapacityOfService[];
}

export interface CampaignCapacity {
  campaignId: number;
  days: CapacityOfDay[];
  /** The service's today in the campaigns' time zone: pages compare days with it, never with the browser's clock. */
  today?: IsoDate;
  /** Changes whenever a figure changes; equal figures give the same version, in every process. */
  version: string;
}

export interface SlotFigures {
  id: number;
  day: IsoDate;
  service: string;
  starts_at: string;
  ends_at: string;
  booked: number;
  capacity: number;
  /** Walk-ins over capacity in this window (0 when left out). */
  beyond?: number;
}

/** Checked in and not yet seen, per day and service. */
export interface QueueCount {
  service: string;
  day: IsoDate;
  count: number;
}

export interface WaitingCount {
  service: string;
  /** null: any day of the campaign. */
  day: IsoDate | null;
  count: number;
}

/**
 * Groups the slots (sorted by day, service, start) by day and service and adds the waiting list and the
 * venue's queues. Pure.
 *
 * @example capacityFigures(7, slots, [{ service: 'dental', day: null, count: 2 }]).days[0]?.services[0]?.waiting // 2
 */
export function capacityFigures(campaignId: number, slots: readonly SlotFigures[], waiting: readonly WaitingCount[], queues: readonly QueueCount[] = []): CampaignCapacity {
  const waitingFor = (service: string, day: IsoDate) =>
    waiting.filter((w) => w.service === service && (w.day === day || w.day === null)).reduce((sum, w) => sum + w.count, 0);
  const inQueueFor = (service: string, day: IsoDate) => queues.find((q) => q.service === service && q.day === day)?.count ?? 0;
  const days: CapacityOfDay[] = [];
  for (const slot of slots) {
    let day = days.at(-1);
    if (day?.day !== slot.day) days.push((day = { day: slot.day, services: [] }));
    let service = day.services.at(-1);
    if (service?.service !== slot.service) day.services.push((service = { service: slot.service, windows: [], waiting: waitingFor(slot.service, slot.day), inQueue: inQueueFor(slot.service, slot.day) }));
    service.windows.push({ slotId: slot.id, start: slot.starts_at.slice(0, 5), end: slot.ends_at.slice(0, 5), booked: slot.booked, capacity: slot.capacity, beyond: slot.beyond ?? 0 });
  }
  const version = createHash('sha256').update(JSON.stringify(days)).digest('base64url').slice(0, 16);
  return { campaignId, days, version };
}

/** The campaign's figures, or undefined when it is not one of the organisation's (the route answers 404). */
export async function campaignCapacity(db: Kysely<Database>, organisationId: number, campaignId: number, today: IsoDate): Promise<CampaignCapacity | undefined> {
  const campaign = await db.selectFrom('campaigns').select('id').where('id', '=', campaignId).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!campaign) return undefined;
  const [slots, waiting, queues] = await Promise.all([
    db
      .selectFrom('slots')
      .select(['id', 'day', 'service', 'starts_at', 'ends_at', 'booked', 'capacity'])
      .select((eb) =>
        eb
          .selectFrom('appointments as w')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('w.slot_id', '=', 'slots.id')
          .where('w.walk_in', '=', true)
          .where('w.status', '!=', 'cancelled')
          .as('beyond'),
      )
      .where('campaign_id', '=', campaignId)
      .orderBy('day')
      .orderBy('service')
      .orderBy('starts_at')
      .execute(),
    db
      .selectFrom('waitlist_entries')
      .select((eb) => ['service', 'day', eb.fn.countAll<string>().as('count')])
      .where('campaign_id', '=', campaignId)
      .where('status', '=', 'waiting')
      .groupBy(['service', 'day'])
      .execute(),
    // The same rule as the queue's `waiting` (isWaiting): checked in, neither seen nor operated.
    db
      .selectFrom('appointments as a')
      .innerJoin('slots as s', 's.id', 'a.slot_id')
      .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
      .select((eb) => ['a.service', 's.day', eb.fn.countAll<string>().as('count')])
      .where('a.campaign_id', '=', campaignId)
      .where('a.status', '=', 'attended')
      .where('a.seen_at', 'is', null)
      .where('a.procedure_done_at', 'is', null)
      .where('b.erased_at', 'is', null)
      .groupBy(['a.service', 's.day'])
      .execute(),
  ]);
  const figures = capacityFigures(
    campaignId,
    slots.map((slot) => ({ ...slot, beyond: Number(slot.beyond ?? 0) })),
    waiting.map((w) => ({ service: w.service, day: w.day, count: Number(w.count) })),
    queues.map((q) => ({ service: q.service, day: q.day, count: Number(q.count) })),
  );
  // A new day is a change too: a page kept open over midnight learns it with the figures.
  return { ...figures, today, version: createHash('sha256').update(`${figures.version}|${today}`).digest('base64url').slice(0, 16) };
}

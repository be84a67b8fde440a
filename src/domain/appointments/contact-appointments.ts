// "My appointments": everything booked through one phone, for every person the contact registered.
import type { Kysely } from 'kysely';
import type { AppointmentStatus, Database, LocalizedText, Relation } from '../../db/tables.ts';

export interface ContactAppointment {
  id: number;
  code: string;
  status: AppointmentStatus;
  beneficiary: { id: number; name: string | null; relation: Relation };
  campaign: { id: number; title: LocalizedText; venueName: string; venueLat: number; venueLon: number; commune: string };
  service: string;
  slotId: number;
  day: string;
  startsAt: string;
  endsAt: string;
}

/**
 * Active (booked) appointments from `fromDay` on, soonest first.
 *
 * @example
 * const mine = await listContactAppointments(db, contactId, { fromDay: '2026-12-01' });
 */
export async function listContactAppointments(
  db: Kysely<Database>,
  contactId: number,
  options: { fromDay: string; statuses?: AppointmentStatus[] },
): Promise<ContactAppointment[]> {
  const rows = await db
    .selectFrom('appointments as a')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .innerJoin('slots as s', 's.id', 'a.slot_id')
    .innerJoin('campaigns as c', 'c.id', 'a.campaign_id')
    .select([
      'a.id', 'a.code', 'a.status', 'a.service', 'a.slot_id',
      'b.id as beneficiary_id', 'b.full_name', 'b.relation',
      'c.id as campaign_id', 'c.title', 'c.venue_name', 'c.venue_lat', 'c.venue_lon', 'c.commune',
      's.day', 's.starts_at', 's.ends_at',
    ])
    .where('b.contact_id', '=', contactId)
    .where('a.status', 'in', options.statuses ?? ['booked'])
    .where('s.day', '>=', options.fromDay)
    .orderBy('s.day')
    .orderBy('s.starts_at')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    status: r.status,
    beneficiary: { id: r.beneficiary_id, name: r.full_name, relation: r.relation },
    campaign: { id: r.campaign_id, title: r.title, venueName: r.venue_name, venueLat: r.venue_lat, venueLon: r.venue_lon, commune: r.commune },
    service: r.service,
    slotId: r.slot_id,
    day: r.day,
    startsAt: r.starts_at.slice(0, 5),
    endsAt: r.ends_at.slice(0, 5),
  }));
}

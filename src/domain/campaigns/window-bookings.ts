// The people booked in one time window, for the organisation that runs the campaign: a page at a
// time, searchable, with phones masked. Another organisation's window is not found (404).
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { AppointmentStatus, Database, Sex } from '../../db/tables.ts';
import { decodeCursor, pageOf, type Page, type PageQuery } from '../pagination.ts';
import { bookingSearchTerms, maskPhone } from './booking-search.ts';

export interface WindowBooking {
  appointmentId: number;
  /** null once the person's data was erased. */
  name: string | null;
  /** In the year of the campaign day. */
  age: number | null;
  sex: Sex | null;
  commune: string | null;
  code: string;
  phoneMasked: string | null;
  status: AppointmentStatus;
}

export interface WindowBookingsQuery extends PageQuery {
  q?: string | undefined;
}

const BookingCursor = z.tuple([z.number().int()]);

/** The person's age in the year of the campaign day, over slots `s` and beneficiaries `b`. */
export const AGE_ON_THE_DAY = sql<number | null>`extract(year from s.day)::int - b.birth_year`;

/** Appointments `a` with their window `s`, the person `b` and the contact `k` whose phone it is. */
export function appointmentsWithPeople(db: Kysely<Database>) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('slots as s', 's.id', 'a.slot_id')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .innerJoin('contacts as k', 'k.id', 'b.contact_id');
}

/** The slot's id when it belongs to one of the organisation's campaigns. */
export async function organisationSlot(db: Kysely<Database>, organisationId: number, slotId: number): Promise<{ id: number; campaignId: number } | undefined> {
  const row = await db
    .selectFrom('slots as s')
    .innerJoin('campaigns as c', 'c.id', 's.campaign_id')
    .select(['s.id', 's.campaign_id'])
    .where('s.id', '=', slotId)
    .where('c.organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row ? { id: row.id, campaignId: row.campaign_id } : undefined;
}

/**
 * @example const page = await windowBookings(db, orgId, slotId, { q: 'fatima', limit: 50 }); // undefined: not the organisation's
 */
export async function windowBookings(db: Kysely<Database>, organisationId: number, slotId: number, query: WindowBookingsQuery): Promise<Page<WindowBooking> | undefined> {
  const slot = await organisationSlot(db, organisationId, slotId);
  if (!slot) return undefined;
  const after = decodeCursor(query.cursor, BookingCursor);
  const terms = query.q ? bookingSearchTerms(query.q) : undefined;
  const rows = await appointmentsWithPeople(db)
    .select([
      'a.id',
      'a.code',
      'a.status',
      'b.full_name',
      'b.sex',
      'b.commune',
      'k.phone_e164',
      AGE_ON_THE_DAY.as('age'),
    ])
    .where('a.slot_id', '=', slot.id)
    .$if(after !== undefined, (q) => q.where('a.id', '>', after?.[0] ?? 0))
    .$if(terms !== undefined, (q) =>
      q.where((eb) => {
        const found = [];
        if (terms?.name) found.push(sql<boolean>`strpos(person_name_key(b.full_name), person_name_key(${terms.name})) > 0`);
        if (terms?.code) found.push(eb('a.code', '=', terms.code));
        for (const digits of terms?.phoneDigits ?? []) found.push(sql<boolean>`strpos(replace(k.phone_e164, '+', ''), ${digits}) > 0`);
        return eb.or(found);
      }),
    )
    .orderBy('a.id')
    .limit(query.limit + 1)
    .execute();
  const items = rows.map(
    (r): WindowBooking => ({
      appointmentId: r.id,
      name: r.full_name,
      age: r.age,
      sex: r.sex,
      commune: r.commune,
      code: r.code,
      phoneMasked: r.phone_e164 ? maskPhone(r.phone_e164) : null,
      status: r.status,
    }),
  );
  return pageOf(items, query.limit, (b) => [b.appointmentId]);
}

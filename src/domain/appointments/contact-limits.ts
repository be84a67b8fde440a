// One phone is one family: it holds at most a set number of places in a campaign, and one person holds
// one place per service however many times they were registered. Checked under the contact's row lock.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/tables.ts';
import { BookingRefused } from '../errors.ts';

/** A beneficiary id, as a value or as a column of the surrounding query. */
type Who = number | RawBuilder<unknown>;

/**
 * Takes the row lock of the beneficiary's contact until commit. Bookings, waitlist joins and promotions
 * of one contact then run one after the other, and each reads the others' appointments in a statement
 * that starts after the lock is granted. NO KEY UPDATE leaves inserts that point at the contact free.
 */
export async function lockContactOf(trx: Kysely<Database>, beneficiaryId: number): Promise<void> {
  await sql`
    select c.id from contacts c
    where c.id = (select b.contact_id from beneficiaries b where b.id = ${beneficiaryId})
    for no key update of c`.execute(trx);
}

/** `other` (a beneficiaries row) is `who` or another registration of the same person by the same contact. */
function samePerson(who: Who): RawBuilder<unknown> {
  return sql`me.id = ${who} and other.contact_id = me.contact_id
    and (other.id = me.id or (other.birth_year = me.birth_year and person_name_key(other.full_name) = person_name_key(me.full_name)))`;
}

/** The booked appointments of the person behind `who` for `service` in `campaign` (a subquery). */
export function personHolds(who: Who, campaign: number | RawBuilder<unknown>, service: string | RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`select a.id from appointments a
    join beneficiaries other on other.id = a.beneficiary_id
    join beneficiaries me on ${samePerson(who)}
    where a.campaign_id = ${campaign} and a.service = ${service} and a.status = 'booked'`;
}

/** How many places the contact of `who` holds in `campaign`, all services and people together (a scalar subquery). */
export function contactHolds(who: Who, campaign: number | RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`select count(*) from appointments a
    join beneficiaries other on other.id = a.beneficiary_id
    join beneficiaries me on me.id = ${who} and other.contact_id = me.contact_id
    where a.campaign_id = ${campaign} and a.status = 'booked'`;
}

export interface LimitQuestion {
  beneficiaryId: number;
  campaignId: number;
  service: string;
  /** The most places one contact may hold in a campaign. */
  limit: number;
  /** Count the contact's waiting entries as places too: for joining the waiting list. */
  countWaiting?: boolean;
}

/**
 * Why the contact's limits refuse this person a place, or undefined when they allow it. Call it after
 * `lockContactOf`, so no booking of the same contact can pass at the same time.
 */
export async function contactLimitRefusal(trx: Kysely<Database>, q: LimitQuestion): Promise<BookingRefused | undefined> {
  const held = await sql<{ appointment_id: number; day: string; full_name: string | null }>`
    select a.id as appointment_id, s.day, other.full_name
    from appointments a
    join slots s on s.id = a.slot_id
    join beneficiaries other on other.id = a.beneficiary_id
    join beneficiaries me on ${samePerson(q.beneficiaryId)}
    where a.campaign_id = ${q.campaignId} and a.service = ${q.service} and a.status = 'booked'
    order by s.day limit 1`.execute(trx);
  const first = held.rows[0];
  if (first) {
    return new BookingRefused('already_booked', `Beneficiary ${q.beneficiaryId} (or the same person registered again) already holds an appointment for ${q.service}`, {
      held: { appointmentId: first.appointment_id, day: first.day, name: first.full_name },
    });
  }
  const waiting = q.countWaiting
    ? sql`(select count(*) from waitlist_entries w
          join beneficiaries other on other.id = w.beneficiary_id
          join beneficiaries me on me.id = ${q.beneficiaryId} and other.contact_id = me.contact_id
          where w.campaign_id = ${q.campaignId} and w.status = 'waiting')`
    : sql`0`;
  const counted = await sql<{ n: number }>`select ((${contactHolds(q.beneficiaryId, q.campaignId)}) + ${waiting})::int as n`.execute(trx);
  if ((counted.rows[0]?.n ?? 0) >= q.limit) {
    return new BookingRefused('booking_limit', `The contact of beneficiary ${q.beneficiaryId} already holds or awaits ${q.limit} places in campaign ${q.campaignId}`, { limit: q.limit });
  }
  return undefined;
}

/** The waiting entries of the person behind `who` for `service` in `campaign` (a subquery). */
export function personWaits(who: Who, campaign: number, service: string): RawBuilder<unknown> {
  return sql`select w.id from waitlist_entries w
    join beneficiaries other on other.id = w.beneficiary_id
    join beneficiaries me on ${samePerson(who)}
    where w.campaign_id = ${campaign} and w.service = ${service} and w.status = 'waiting'`;
}

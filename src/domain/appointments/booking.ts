// Booking a place: checks the rules, then takes the place with one guarded increment so a slot never oversells.
import { sql, type Kysely } from 'kysely';
import type { Appointment, Database } from '../../db/tables.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import { actorLabel, type WriteContext } from '../actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { BookingRefused } from '../errors.ts';
import { generateConfirmationCode } from './confirmation-code.ts';
import { DEFAULT_MAX_BOOKINGS_PER_CONTACT } from './family-limit.ts';
import { contactHolds, contactLimitRefusal, lockContactOf, personHolds } from './contact-limits.ts';

export interface BookingRequest {
  beneficiaryId: number;
  slotId: number;
}

export interface BookingDeps {
  /** Produces a fresh confirmation code; collisions are retried. */
  newCode: () => string;
  /** The most places one contact (one phone, a family) may hold in one campaign. */
  maxBookingsPerContact: number;
}

export const DEFAULT_BOOKING_DEPS: BookingDeps = { newCode: () => generateConfirmationCode(), maxBookingsPerContact: DEFAULT_MAX_BOOKINGS_PER_CONTACT };

const CODE_ATTEMPTS = 5;

/**
 * Books `beneficiaryId` into `slotId`, inside the caller's transaction.
 * Throws `BookingRefused` (campaign not open, past day, full, the same person already booked, the
 * contact's limit reached...) and then nothing is kept.
 *
 * @example
 * const appt = await db.transaction().execute((trx) =>
 *   bookAppointment(trx, { actor, channel: 'telegram', today: '2026-12-01' }, { beneficiaryId, slotId }, deps));
 */
export async function bookAppointment(
  trx: Kysely<Database>,
  ctx: WriteContext,
  request: BookingRequest,
  deps: BookingDeps,
): Promise<Appointment> {
  // Two bookings by one phone (eight relatives at once) must not both pass the contact's limits: the
  // contact's lock makes them take turns, before any slot is locked.
  await lockContactOf(trx, request.beneficiaryId);
  // Optimistic path: one statement checks every rule and takes the place. Only when it takes
  // nothing do we read again, to tell the person why.
  let claimed: ClaimedRow | undefined;
  try {
    claimed = await claimPlace(trx, ctx, request, deps);
  } catch (err) {
    if (isUniqueViolation(err, 'appointments_one_active')) throw alreadyBooked(request.beneficiaryId, 'this service');
    throw err;
  }
  if (!claimed) throw await whyRefused(trx, ctx, request, deps);
  if (claimed.appointment_id !== null) {
    const { taken_slot: _slot, appointment_id: _id, ...appointment } = claimed;
    return appointment;
  }
  // The place is taken but the code was already in use (about one chance in 10^8): draw another.
  const slot = await trx.selectFrom('slots').select(['id', 'campaign_id', 'service']).where('id', '=', request.slotId).executeTakeFirstOrThrow();
  const appointment = await insertAppointment(trx, ctx, request.beneficiaryId, slot, deps);
  await recordAudit(trx, { actor: ctx.actor, action: 'appointment.book', entity: 'appointment', entityId: appointment.id, details: { slotId: slot.id } });
  return appointment;
}

/** Names the rule that stopped a booking; a slot that filled meanwhile is "full". */
async function whyRefused(trx: Kysely<Database>, ctx: WriteContext, request: BookingRequest, deps: BookingDeps): Promise<BookingRefused> {
  const slot = await readSlotForBooking(trx, request);
  if (!slot) return new BookingRefused('slot_not_found', `No time window ${request.slotId}`);
  try {
    assertSlotOpen(slot, ctx.today);
  } catch (err) {
    if (err instanceof BookingRefused) return err;
    throw err;
  }
  if (!slot.beneficiary_ok) return new BookingRefused('beneficiary_not_found', `No beneficiary ${request.beneficiaryId}`);
  const limited = await contactLimitRefusal(trx, { beneficiaryId: request.beneficiaryId, campaignId: slot.campaign_id, service: slot.service, limit: deps.maxBookingsPerContact });
  if (limited) return limited;
  return new BookingRefused('slot_full', `Time window ${slot.id} is full`);
}

/** One read for every rule that can refuse a booking, so refusals cost a single round trip. */
function readSlotForBooking(trx: Kysely<Database>, request: BookingRequest) {
  return trx
    .selectFrom('slots')
    .innerJoin('campaigns', 'campaigns.id', 'slots.campaign_id')
    .select((eb) => [
      'slots.id',
      'slots.campaign_id',
      'slots.service',
      'slots.day',
      'slots.capacity',
      'slots.booked',
      'campaigns.status',
      eb
        .exists(
          eb
            .selectFrom('beneficiaries')
            .select('beneficiaries.id')
            .where('beneficiaries.id', '=', request.beneficiaryId)
            .where('beneficiaries.erased_at', 'is', null),
        )
        .as('beneficiary_ok'),
    ])
    .where('slots.id', '=', request.slotId)
    .executeTakeFirst();
}

/** The appointment columns are only filled when `appointment_id` is not null (no code collision). */
type ClaimedRow = Appointment & { taken_slot: number; appointment_id: number | null };

/**
 * Checks the rules, takes the place, inserts the appointment and its audit record in one statement.
 * The guarded increment serialises concurrent attempts on the slot row and holds its lock only until
 * commit; a slot already full in the snapshot is skipped without waiting for the lock.
 * Returns undefined when a rule refused, a row with a null appointment_id when the code collided.
 */
async function claimPlace(trx: Kysely<Database>, ctx: WriteContext, request: BookingRequest, deps: BookingDeps): Promise<ClaimedRow | undefined> {
  const code = deps.newCode();
  const by = actorLabel(ctx.actor);
  const [campaign, service] = [sql.ref('slots.campaign_id'), sql.ref('slots.service')];
  const details = JSON.stringify({ slotId: request.slotId, channel: ctx.channel });
  const result = await sql<ClaimedRow>`
    with taken as (
      update slots set booked = booked + 1
      where id = ${request.slotId} and booked < capacity and day >= ${ctx.today}::date
        and exists (select 1 from campaigns c where c.id = slots.campaign_id and c.status = 'published')
        and exists (select 1 from beneficiaries b where b.id = ${request.beneficiaryId} and b.erased_at is null)
        and not exists (${personHolds(request.beneficiaryId, campaign, service)})
        and (${contactHolds(request.beneficiaryId, campaign)}) < ${deps.maxBookingsPerContact}
      returning id, campaign_id, service
    ), appt as (
      insert into appointments (code, beneficiary_id, campaign_id, service, slot_id, channel, created_by)
      select ${code}, ${request.beneficiaryId}, campaign_id, service, id, ${ctx.channel}, ${by} from taken
      on conflict (code) do nothing
      returning *
    ), audit as (
      insert into audit_log (actor, action, entity, entity_id, details)
      select ${by}, 'appointment.book', 'appointment', appt.id::text, ${details}::jsonb from appt
    )
    select taken.id as taken_slot, appt.id as appointment_id, appt.* from taken left join appt on true`.execute(trx);
  return result.rows[0];
}

interface OpenableSlot {
  id: number;
  day: string;
  status: string;
}

export function assertSlotOpen(slot: OpenableSlot, today: string): void {
  if (slot.status !== 'published') {
    throw new BookingRefused('campaign_not_open', `The campaign of time window ${slot.id} is ${slot.status}`);
  }
  if (slot.day < today) throw new BookingRefused('day_past', `Time window ${slot.id} was on ${slot.day}`);
}

/** Increments `booked` only while a place is left; the row lock makes concurrent attempts queue here. */
export async function takePlace(trx: Kysely<Database>, slotId: number): Promise<void> {
  const taken = await trx
    .updateTable('slots')
    .set((eb) => ({ booked: eb('booked', '+', 1) }))
    .where('id', '=', slotId)
    .whereRef('booked', '<', 'capacity')
    .returning('id')
    .executeTakeFirst();
  if (!taken) throw new BookingRefused('slot_full', `Time window ${slotId} is full`);
}

export async function releasePlace(trx: Kysely<Database>, slotId: number): Promise<void> {
  await trx
    .updateTable('slots')
    .set((eb) => ({ booked: eb('booked', '-', 1) }))
    .where('id', '=', slotId)
    .execute();
}

interface TargetSlot {
  id: number;
  campaign_id: number;
  service: string;
}

/** Inserts the appointment row; retries on the rare confirmation-code collision. */
export async function insertAppointment(
  trx: Kysely<Database>,
  ctx: WriteContext,
  beneficiaryId: number,
  slot: TargetSlot,
  deps: BookingDeps,
): Promise<Appointment> {
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    try {
      const row = await trx
        .insertInto('appointments')
        .values({
          code: deps.newCode(),
          beneficiary_id: beneficiaryId,
          campaign_id: slot.campaign_id,
          service: slot.service,
          slot_id: slot.id,
          channel: ctx.channel,
          created_by: actorLabel(ctx.actor),
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (row) return row;
    } catch (err) {
      if (isUniqueViolation(err, 'appointments_one_active')) throw alreadyBooked(beneficiaryId, slot.service);
      throw err;
    }
  }
  throw new Error(`Could not find a free confirmation code in ${CODE_ATTEMPTS} attempts`);
}

function alreadyBooked(beneficiaryId: number, service: string): BookingRefused {
  return new BookingRefused(
    'already_booked',
    `Beneficiary ${beneficiaryId} already holds an appointment for ${service} in this campaign`,
  );
}

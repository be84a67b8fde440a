// The waitlist: people who asked for a full service, served first come first served when a place frees up.
import { sql, type Kysely } from 'kysely';
import type { Appointment, Database } from '../../db/tables.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import { actorLabel, type WriteContext } from '../actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { BookingRefused } from '../errors.ts';
import { insertAppointment, takePlace, type BookingDeps } from './booking.ts';
import { contactHolds, contactLimitRefusal, lockContactOf, personHolds, personWaits } from './contact-limits.ts';

export interface WaitlistRequest {
  beneficiaryId: number;
  campaignId: number;
  service: string;
  /** A given day, or undefined for any day of the campaign. */
  day?: string;
}

/**
 * Puts a beneficiary on the waitlist; refused when the same person (under any of their registrations)
 * already holds or waits for this service, or when the contact's places and waits reach its limit:
 * the waiting list is not a way around it.
 */
export async function joinWaitlist(trx: Kysely<Database>, ctx: WriteContext, request: WaitlistRequest, deps: Pick<BookingDeps, 'maxBookingsPerContact'>): Promise<number> {
  await lockContactOf(trx, request.beneficiaryId);
  const waits = await sql<{ found: boolean }>`select exists (${personWaits(request.beneficiaryId, request.campaignId, request.service)}) as found`.execute(trx);
  if (waits.rows[0]?.found) throw alreadyWaiting(request);
  const refusal = await contactLimitRefusal(trx, { ...request, limit: deps.maxBookingsPerContact, countWaiting: true });
  if (refusal) throw refusal;
  try {
    const entry = await trx
      .insertInto('waitlist_entries')
      .values({
        beneficiary_id: request.beneficiaryId,
        campaign_id: request.campaignId,
        service: request.service,
        day: request.day ?? null,
        channel: ctx.channel,
        created_by: actorLabel(ctx.actor),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: ctx.actor, action: 'waitlist.join', entity: 'waitlist_entry', entityId: entry.id, details: { ...request } });
    return entry.id;
  } catch (err) {
    if (isUniqueViolation(err, 'waitlist_one_waiting')) throw alreadyWaiting(request);
    throw err;
  }
}

function alreadyWaiting(request: WaitlistRequest): BookingRefused {
  return new BookingRefused('already_waiting', `Beneficiary ${request.beneficiaryId} (or the same person registered again) is already waiting for ${request.service}`);
}

export interface Promotion {
  waitlistEntryId: number;
  appointment: Appointment;
}

/**
 * Gives the free place of `slotId` to the longest-waiting person who wants that service on that day and
 * whom the contact's limits allow (a family that booked its places meanwhile waits on).
 * Called by cancel and reschedule in their transaction; returns undefined when nobody waits.
 */
export async function promoteFromWaitlist(
  trx: Kysely<Database>,
  ctx: WriteContext,
  slotId: number,
  deps: BookingDeps,
): Promise<Promotion | undefined> {
  const slot = await trx
    .selectFrom('slots')
    .innerJoin('campaigns', 'campaigns.id', 'slots.campaign_id')
    .select(['slots.id', 'slots.campaign_id', 'slots.service', 'slots.day', 'slots.capacity', 'slots.booked', 'campaigns.status'])
    .where('slots.id', '=', slotId)
    .executeTakeFirstOrThrow();
  if (slot.status !== 'published' || slot.day < ctx.today || slot.booked >= slot.capacity) return undefined;

  const entry = await nextAllowedEntry(trx, slot, deps);
  if (!entry) return undefined;

  const appointment = await insertAppointment(trx, ctx, entry.beneficiary_id, slot, deps);
  await takePlace(trx, slot.id);
  await trx
    .updateTable('waitlist_entries')
    .set({ status: 'promoted', appointment_id: appointment.id, updated_at: sql<Date>`now()` })
    .where('id', '=', entry.id)
    .execute();
  await recordAudit(trx, {
    actor: ctx.actor,
    action: 'waitlist.promote',
    entity: 'appointment',
    entityId: appointment.id,
    details: { waitlistEntryId: entry.id, slotId: slot.id },
  });
  return { waitlistEntryId: entry.id, appointment };
}

interface FreedSlot {
  campaign_id: number;
  service: string;
  day: string;
}

/**
 * The longest-waiting entry whose contact may take the place. Entries the limits rule out are passed
 * over in the query; the choice is checked again under the contact's lock, which a booking of the same
 * contact may have held when the query read, and passed over too if it no longer fits.
 */
async function nextAllowedEntry(trx: Kysely<Database>, slot: FreedSlot, deps: BookingDeps): Promise<{ id: number; beneficiary_id: number } | undefined> {
  const passedOver: number[] = [];
  for (;;) {
    const who = sql.ref('waitlist_entries.beneficiary_id');
    // SKIP LOCKED: two places freeing at once go to two different people, not twice to the first.
    let query = trx
      .selectFrom('waitlist_entries')
      .select(['id', 'beneficiary_id'])
      .where('campaign_id', '=', slot.campaign_id)
      .where('service', '=', slot.service)
      .where('status', '=', 'waiting')
      .where((eb) => eb.or([eb('day', 'is', null), eb('day', '=', slot.day)]))
      .where(sql<boolean>`not exists (${personHolds(who, slot.campaign_id, slot.service)})`)
      .where(sql<boolean>`(${contactHolds(who, slot.campaign_id)}) < ${deps.maxBookingsPerContact}`);
    if (passedOver.length > 0) query = query.where('id', 'not in', passedOver);
    const entry = await query.orderBy('created_at').orderBy('id').limit(1).forUpdate().skipLocked().executeTakeFirst();
    if (!entry) return undefined;
    await lockContactOf(trx, entry.beneficiary_id);
    const refusal = await contactLimitRefusal(trx, { beneficiaryId: entry.beneficiary_id, campaignId: slot.campaign_id, service: slot.service, limit: deps.maxBookingsPerContact });
    if (!refusal) return entry;
    passedOver.push(entry.id);
  }
}

// The waitlist: people who asked for a full service, served first come first served when a place frees up.
import { sql, type Kysely } from 'kysely';
import type { Appointment, Database } from '../../db/tables.ts';
import { isUniqueViolation } from '../../db/pg-errors.ts';
import { actorLabel, type WriteContext } from '../actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { BookingRefused } from '../errors.ts';
import { insertAppointment, takePlace, type BookingDeps } from './booking.ts';

export interface WaitlistRequest {
  beneficiaryId: number;
  campaignId: number;
  service: string;
  /** A given day, or undefined for any day of the campaign. */
  day?: string;
}

/** Puts a beneficiary on the waitlist; refused when they already hold or wait for this service. */
export async function joinWaitlist(trx: Kysely<Database>, ctx: WriteContext, request: WaitlistRequest): Promise<number> {
  const active = await trx
    .selectFrom('appointments')
    .select('id')
    .where('beneficiary_id', '=', request.beneficiaryId)
    .where('campaign_id', '=', request.campaignId)
    .where('service', '=', request.service)
    .where('status', '=', 'booked')
    .executeTakeFirst();
  if (active) {
    throw new BookingRefused('already_booked', `Beneficiary ${request.beneficiaryId} already holds an appointment for ${request.service}`);
  }
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
    if (isUniqueViolation(err, 'waitlist_one_waiting')) {
      throw new BookingRefused('already_waiting', `Beneficiary ${request.beneficiaryId} is already waiting for ${request.service}`);
    }
    throw err;
  }
}

export interface Promotion {
  waitlistEntryId: number;
  appointment: Appointment;
}

/**
 * Gives the free place of `slotId` to the longest-waiting person who wants that service on that day.
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

  // SKIP LOCKED: two places freeing at once go to two different people, not twice to the first.
  const entry = await trx
    .selectFrom('waitlist_entries')
    .select(['id', 'beneficiary_id'])
    .where('campaign_id', '=', slot.campaign_id)
    .where('service', '=', slot.service)
    .where('status', '=', 'waiting')
    .where((eb) => eb.or([eb('day', 'is', null), eb('day', '=', slot.day)]))
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
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

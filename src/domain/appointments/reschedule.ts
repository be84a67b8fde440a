// Moving an appointment to another time window in one step: the new place is taken before the old is freed.
import { sql, type Kysely } from 'kysely';
import type { Appointment, Database } from '../../db/tables.ts';
import type { WriteContext } from '../actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { BookingRefused } from '../errors.ts';
import { assertSlotOpen, releasePlace, takePlace, type BookingDeps } from './booking.ts';
import { whyNotActive } from './cancellation.ts';
import { promoteFromWaitlist, type Promotion } from './waitlist.ts';

export interface RescheduleResult {
  appointment: Appointment;
  promoted?: Promotion;
}

/**
 * Moves an active appointment to `toSlotId` (same campaign and service). On refusal nothing moves.
 *
 * @example
 * await db.transaction().execute((trx) => rescheduleAppointment(trx, ctx, { appointmentId, toSlotId }, deps));
 */
export async function rescheduleAppointment(
  trx: Kysely<Database>,
  ctx: WriteContext,
  request: { appointmentId: number; toSlotId: number },
  deps: BookingDeps,
): Promise<RescheduleResult> {
  const current = await trx
    .selectFrom('appointments')
    .selectAll()
    .where('id', '=', request.appointmentId)
    .where('status', '=', 'booked')
    .forUpdate()
    .executeTakeFirst();
  if (!current) throw await whyNotActive(trx, request.appointmentId);
  if (current.slot_id === request.toSlotId) return { appointment: current };

  const target = await trx
    .selectFrom('slots')
    .innerJoin('campaigns', 'campaigns.id', 'slots.campaign_id')
    .select(['slots.id', 'slots.campaign_id', 'slots.service', 'slots.day', 'campaigns.status'])
    .where('slots.id', '=', request.toSlotId)
    .executeTakeFirst();
  if (!target) throw new BookingRefused('slot_not_found', `No time window ${request.toSlotId}`);
  if (target.campaign_id !== current.campaign_id || target.service !== current.service) {
    throw new BookingRefused('service_mismatch', `Time window ${target.id} is not for ${current.service} in this campaign`);
  }
  assertSlotOpen(target, ctx.today);

  // Lock both rows in id order: two people swapping windows must not deadlock.
  await trx
    .selectFrom('slots')
    .select('id')
    .where('id', 'in', [current.slot_id, target.id])
    .orderBy('id')
    .forUpdate()
    .execute();
  await takePlace(trx, target.id);
  await releasePlace(trx, current.slot_id);
  const appointment = await trx
    .updateTable('appointments')
    .set({ slot_id: target.id, updated_at: sql<Date>`now()` })
    .where('id', '=', current.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    actor: ctx.actor,
    action: 'appointment.reschedule',
    entity: 'appointment',
    entityId: current.id,
    details: { fromSlotId: current.slot_id, toSlotId: target.id, channel: ctx.channel },
  });
  const promoted = await promoteFromWaitlist(trx, ctx, current.slot_id, deps);
  return promoted ? { appointment, promoted } : { appointment };
}

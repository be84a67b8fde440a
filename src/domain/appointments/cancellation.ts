// Cancelling frees the place at once and offers it to the waitlist in the same transaction.
import { sql, type Kysely } from 'kysely';
import type { Appointment, Database } from '../../db/tables.ts';
import type { WriteContext } from '../actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { BookingRefused } from '../errors.ts';
import type { BookingDeps } from './booking.ts';
import { releasePlace } from './booking.ts';
import { promoteFromWaitlist, type Promotion } from './waitlist.ts';

export interface CancellationResult {
  appointment: Appointment;
  promoted?: Promotion;
}

/**
 * @example
 * const { promoted } = await db.transaction().execute((trx) => cancelAppointment(trx, ctx, appointmentId, deps));
 */
export async function cancelAppointment(
  trx: Kysely<Database>,
  ctx: WriteContext,
  appointmentId: number,
  deps: BookingDeps,
): Promise<CancellationResult> {
  const appointment = await trx
    .updateTable('appointments')
    .set({ status: 'cancelled', updated_at: sql<Date>`now()` })
    .where('id', '=', appointmentId)
    .where('status', '=', 'booked')
    .returningAll()
    .executeTakeFirst();
  if (!appointment) throw await whyNotActive(trx, appointmentId);

  await releasePlace(trx, appointment.slot_id);
  await recordAudit(trx, {
    actor: ctx.actor,
    action: 'appointment.cancel',
    entity: 'appointment',
    entityId: appointment.id,
    details: { slotId: appointment.slot_id, channel: ctx.channel },
  });
  const promoted = await promoteFromWaitlist(trx, ctx, appointment.slot_id, deps);
  return promoted ? { appointment, promoted } : { appointment };
}

/** Tells "no such appointment" from "it was already cancelled or attended". */
export async function whyNotActive(trx: Kysely<Database>, appointmentId: number): Promise<BookingRefused> {
  const row = await trx.selectFrom('appointments').select('status').where('id', '=', appointmentId).executeTakeFirst();
  return row
    ? new BookingRefused('appointment_not_active', `Appointment ${appointmentId} is ${row.status}, not booked`)
    : new BookingRefused('appointment_not_found', `No appointment ${appointmentId}`);
}

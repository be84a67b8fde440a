// Post-operative check-ins: days 1, 3, 7 and 14 after the procedure (by default) at 10:00, each with one
// retry a day later and, if still silent, an "unreachable, call by phone" alert.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { Actor } from '../domain/actor.ts';
import { recordAudit } from '../domain/audit/audit-log.ts';
import { outOfQuietHours, type QuietHours } from './quiet-hours.ts';
import type { ScheduledNotification } from './reminders.ts';

export interface CheckinSettings {
  zone: string;
  quiet: QuietHours;
  /** Unless the procedure (the campaign's service) has its own. */
  days: readonly number[];
  /** Local time 'HH:MM' of each check-in. */
  at: string;
}

export const DEFAULT_CHECKIN_DAYS = [1, 3, 7, 14] as const;
/** A silent patient is asked again after this long, and reported this long after that. */
export const CHECKIN_FOLLOW_UP_MS = 24 * 60 * 60 * 1000;

const CheckinDaysSchema = z.array(z.number().int().min(1).max(90)).min(1);

/** When each check-in is due. Pure. */
export function checkinTimes(doneAt: Date, settings: CheckinSettings): Array<{ label: string; dueAt: Date }> {
  const [h, m] = settings.at.split(':').map(Number);
  const done = DateTime.fromJSDate(doneAt, { zone: settings.zone });
  return settings.days.map((day) => ({
    label: `day_${day}`,
    dueAt: outOfQuietHours(done.plus({ days: day }).set({ hour: h ?? 10, minute: m ?? 0, second: 0, millisecond: 0 }).toJSDate(), settings.zone, settings.quiet),
  }));
}

/**
 * Staff mark the procedure done: the appointment counts as attended and its check-ins are written.
 * Returns them for their timers, or undefined when there is no such appointment to follow up.
 */
export async function markProcedureDone(trx: Kysely<Database>, actor: Actor, organisationId: number, appointmentId: number, now: Date, settings: CheckinSettings): Promise<ScheduledNotification[] | undefined> {
  const appointment = await trx
    .updateTable('appointments')
    .set({ status: 'attended', procedure_done_at: now, updated_at: sql<Date>`now()` })
    .where('id', '=', appointmentId)
    .where('campaign_id', 'in', (eb) => eb.selectFrom('campaigns').select('id').where('organisation_id', '=', organisationId))
    .where('status', 'in', ['booked', 'attended'])
    .where('procedure_done_at', 'is', null)
    .returning(['id', 'beneficiary_id', 'campaign_id', 'service'])
    .executeTakeFirst();
  if (!appointment) return undefined;
  const contact = await trx.selectFrom('beneficiaries').select('contact_id').where('id', '=', appointment.beneficiary_id).executeTakeFirstOrThrow();
  const procedure = await trx.selectFrom('campaign_services').select('checkin_days').where('campaign_id', '=', appointment.campaign_id).where('service', '=', appointment.service).executeTakeFirst();
  const ownDays = CheckinDaysSchema.safeParse(procedure?.checkin_days);
  const days = ownDays.success ? ownDays.data : settings.days;
  await recordAudit(trx, { actor, action: 'appointment.procedure_done', entity: 'appointment', entityId: appointmentId });
  const rows = await trx
    .insertInto('notifications')
    .values(checkinTimes(now, { ...settings, days }).map((c) => ({ kind: 'checkin' as const, contact_id: contact.contact_id, appointment_id: appointmentId, label: c.label, due_at: c.dueAt })))
    .returning(['id', 'due_at'])
    .execute();
  return rows.map((r) => ({ id: r.id, dueAt: r.due_at }));
}

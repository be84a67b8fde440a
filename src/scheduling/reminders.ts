// Reminders as rows: written when an appointment is booked, moved when it moves, dropped when it is cancelled.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { DEFAULT_QUIET_HOURS, type QuietHours } from './quiet-hours.ts';
import { DEFAULT_REMINDER_RULES, reminderRulesOf, reminderTimes, type DueReminder, type ReminderRule } from './reminder-times.ts';

export interface ReminderSettings {
  zone: string;
  quiet: QuietHours;
  /** Unless the campaign has its own. */
  rules: readonly ReminderRule[];
}

export const defaultReminderSettings = (zone: string): ReminderSettings => ({ zone, quiet: DEFAULT_QUIET_HOURS, rules: DEFAULT_REMINDER_RULES });

export interface ScheduledNotification {
  id: number;
  dueAt: Date;
}

/**
 * Writes the reminders of a booked appointment, in the caller's transaction; returns them so the
 * caller can start their timers once the transaction has committed.
 */
export async function scheduleReminders(trx: Kysely<Database>, appointmentId: number, now: Date, settings: ReminderSettings): Promise<ScheduledNotification[]> {
  return scheduleRemindersFor(trx, [appointmentId], now, settings);
}

/**
 * The same for many appointments at once (a list imported by staff, timers to rebuild): two statements
 * for the lot. Appointments no longer booked are skipped.
 */
export async function scheduleRemindersFor(trx: Kysely<Database>, appointmentIds: readonly number[], now: Date, settings: ReminderSettings): Promise<ScheduledNotification[]> {
  if (appointmentIds.length === 0) return [];
  const appointments = await trx
    .selectFrom('appointments as a')
    .innerJoin('slots as s', 's.id', 'a.slot_id')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .innerJoin('campaigns as c', 'c.id', 'a.campaign_id')
    .select(['a.id', 's.day', 's.starts_at', 'b.contact_id', 'c.reminder_rules'])
    .where('a.id', 'in', [...appointmentIds])
    .where('a.status', '=', 'booked')
    .execute();
  // People of one window share its reminder times: computed once per window and set of rules.
  const timesOf = new Map<string, DueReminder[]>();
  const values = appointments.flatMap((a) => {
    const key = `${a.day} ${a.starts_at} ${JSON.stringify(a.reminder_rules)}`;
    let times = timesOf.get(key);
    if (!times) {
      times = reminderTimes({ day: a.day, startsAt: a.starts_at }, reminderRulesOf(a.reminder_rules) ?? settings.rules, now, settings.zone, settings.quiet);
      timesOf.set(key, times);
    }
    return times.map((r) => ({
      kind: 'reminder' as const,
      contact_id: a.contact_id,
      appointment_id: a.id,
      label: r.label,
      due_at: r.dueAt,
    }));
  });
  if (values.length === 0) return [];
  const rows = await trx
    .insertInto('notifications')
    .values(values)
    .onConflict((oc) => oc.columns(['appointment_id', 'label']).where('status', 'in', ['pending', 'queued', 'sent']).doNothing())
    .returning(['id', 'due_at'])
    .execute();
  return rows.map((r) => ({ id: r.id, dueAt: r.due_at }));
}

/** Drops the reminders not yet sent; their timers find them cancelled and do nothing. */
export async function cancelReminders(trx: Kysely<Database>, appointmentIds: readonly number[], reason: string): Promise<number> {
  if (appointmentIds.length === 0) return 0;
  const result = await trx
    .updateTable('notifications')
    .set({ status: 'cancelled', reason, updated_at: sql<Date>`now()` })
    .where('appointment_id', 'in', [...appointmentIds])
    .where('status', 'in', ['pending', 'queued'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

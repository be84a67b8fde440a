// When an appointment's reminders are due, in Morocco's time (UTC+1, UTC+0 during Ramadan). Pure.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { beforeQuietHours, outOfQuietHours, type QuietHours } from './quiet-hours.ts';

export const ReminderRuleSchema = z.object({
  label: z.string().regex(/^[a-z0-9_]+$/),
  /** Days before the appointment's day (0 = the day itself). */
  daysBefore: z.number().int().min(0).max(30),
  /** Local time 'HH:MM'. */
  at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
});
export type ReminderRule = z.infer<typeof ReminderRuleSchema>;

/**
 * Two days before at 18:00, and the morning of the visit at 07:30 (which quiet hours move to 08:00, or,
 * for a visit that starts by then, to 20:00 the evening before).
 */
export const DEFAULT_REMINDER_RULES: readonly ReminderRule[] = [
  { label: 'two_days_before', daysBefore: 2, at: '18:00' },
  { label: 'morning_of', daysBefore: 0, at: '07:30' },
];

export const ReminderRulesSchema = z
  .array(ReminderRuleSchema)
  .max(5, 'at most 5 reminders per appointment')
  .refine((rules) => new Set(rules.map((r) => r.label)).size === rules.length, 'each reminder needs its own label');

/** A campaign's own rules as stored (jsonb), or undefined for the defaults; stored data was validated on the way in. */
export function reminderRulesOf(stored: unknown): ReminderRule[] | undefined {
  if (stored === null || stored === undefined) return undefined;
  const parsed = ReminderRulesSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

export interface DueReminder {
  label: string;
  dueAt: Date;
}

/**
 * Reminders still ahead of `now` for an appointment on `day` starting at `startsAt`; one that would
 * fall in quiet hours waits for their end, or, when the visit would have started by then (a visit at
 * 08:00 and its reminder at 07:30), goes the evening before instead; none is asked after the start.
 *
 * @example reminderTimes({ day: '2026-12-14', startsAt: '09:00' }, DEFAULT_REMINDER_RULES, new Date('2026-12-01'), 'Africa/Casablanca', quiet)
 */
export function reminderTimes(
  appointment: { day: string; startsAt: string },
  rules: readonly ReminderRule[],
  now: Date,
  zone: string,
  quiet: QuietHours,
): DueReminder[] {
  const start = DateTime.fromISO(`${appointment.day}T${appointment.startsAt.slice(0, 5)}`, { zone });
  const due: DueReminder[] = [];
  for (const rule of rules) {
    const [h, m] = rule.at.split(':').map(Number);
    const wanted = DateTime.fromISO(appointment.day, { zone }).minus({ days: rule.daysBefore }).set({ hour: h ?? 0, minute: m ?? 0 });
    const asked = wanted.toJSDate();
    let at = outOfQuietHours(asked, zone, quiet);
    if (at.getTime() >= start.toMillis() && asked.getTime() < start.toMillis()) at = beforeQuietHours(asked, zone, quiet);
    if (at.getTime() > now.getTime() && at.getTime() < start.toMillis()) due.push({ label: rule.label, dueAt: at });
  }
  return due;
}

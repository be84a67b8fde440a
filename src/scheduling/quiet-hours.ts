// Invariant 5: nothing unasked reaches a villager between 21:00 and 08:00 in Morocco. Pure.
import { DateTime } from 'luxon';

export interface QuietHours {
  /** 'HH:MM' local time from which nothing is sent. */
  from: string;
  /** 'HH:MM' local time at which sending starts again. */
  until: string;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { from: '21:00', until: '08:00' };

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * The instant itself when it is allowed, otherwise the next end of the quiet hours.
 *
 * @example outOfQuietHours(new Date('2026-12-13T22:00:00Z'), 'Africa/Casablanca') // 2026-12-14T07:00:00Z (08:00 local)
 */
export function outOfQuietHours(instant: Date, zone: string, quiet: QuietHours = DEFAULT_QUIET_HOURS): Date {
  const local = DateTime.fromJSDate(instant, { zone });
  const now = local.hour * 60 + local.minute;
  const from = minutes(quiet.from);
  const until = minutes(quiet.until);
  const inQuiet = from > until ? now >= from || now < until : now >= from && now < until;
  if (!inQuiet) return instant;
  const [h, m] = quiet.until.split(':').map(Number);
  let end = local.set({ hour: h ?? 0, minute: m ?? 0, second: 0, millisecond: 0 });
  if (end <= local) end = end.plus({ days: 1 });
  return end.toJSDate();
}

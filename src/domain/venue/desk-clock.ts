// The time a desk gives for a scan, bounded: a phone's clock can be minutes or days wrong, and the
// earliest time decides who arrived first, so a time the server cannot believe is replaced.
import { DateTime } from 'luxon';
import { InvalidInput } from '../errors.ts';

/** How far ahead of the server a desk's clock may run before its time is not believed. */
export const DESK_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The desk's time if it lies between the start of the day (in the campaigns' zone) and a few minutes
 * after the server's now; the server's now when it is later; the start of the day when it is earlier.
 * A day that has not begun yet is refused: nobody arrives for it.
 *
 * @example arrivalTime(new Date('2026-12-14T08:00Z'), { now: new Date('2026-12-14T08:01Z'), day: '2026-12-14', zone: 'Africa/Casablanca' })
 */
export function arrivalTime(at: Date, { now, day, zone }: { now: Date; day: string; zone: string }): Date {
  const dayStart = DateTime.fromISO(day, { zone }).startOf('day').toJSDate();
  if (now.getTime() + DESK_CLOCK_SKEW_MS < dayStart.getTime()) throw new InvalidInput([`day: ${day} has not begun; check the desk's day`]);
  if (at.getTime() > now.getTime() + DESK_CLOCK_SKEW_MS) return now;
  if (at < dayStart) return dayStart;
  return at;
}

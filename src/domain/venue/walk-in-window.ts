// Which window a walk-in goes to when the desk does not say: the one under way at their arrival, or else
// the next one, or else the day's last. Pure.
import { DateTime } from 'luxon';

export interface DayWindow {
  slotId: number;
  /** 'HH:MM' */
  start: string;
  end: string;
  booked: number;
  capacity: number;
  fasting: boolean;
}

/**
 * The window named by `slotId`, or else the first among those with a place (all of them when none has
 * one) that has not ended at `at`, or else the last of them.
 *
 * @example pickWindow(windows, { slotId: undefined, at: new Date('2026-12-14T10:30:00Z'), zone: 'Africa/Casablanca' })
 */
export function pickWindow(windows: readonly DayWindow[], { slotId, at, zone }: { slotId: number | undefined; at: Date; zone: string }): DayWindow | undefined {
  if (slotId !== undefined) return windows.find((w) => w.slotId === slotId);
  const open = windows.filter((w) => w.booked < w.capacity);
  const among = open.length > 0 ? open : windows;
  const time = DateTime.fromJSDate(at, { zone }).toFormat('HH:mm');
  return among.find((w) => w.end > time) ?? among.at(-1);
}

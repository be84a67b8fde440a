// Calendar-day arithmetic on ISO day strings ('2026-12-14'), free of time zones.
import { DateTime } from 'luxon';

/** Every day from `first` to `last`, both included. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  let d = DateTime.fromISO(first, { zone: 'utc' });
  const end = DateTime.fromISO(last, { zone: 'utc' });
  while (d <= end) {
    const iso = d.toISODate();
    if (iso) days.push(iso);
    d = d.plus({ days: 1 });
  }
  return days;
}

export function addDays(day: string, n: number): string {
  const iso = DateTime.fromISO(day, { zone: 'utc' }).plus({ days: n }).toISODate();
  if (!iso) throw new RangeError(`Not a day: ${day}`);
  return iso;
}

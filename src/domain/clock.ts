// Time is passed in, so tests decide what "now" and "today in Morocco" are.
import { DateTime } from 'luxon';
import type { IsoDate } from '../db/tables.ts';

/** @example const clock: Clock = { now: () => new Date('2026-12-14T08:00:00Z') }; */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The calendar day it is at `instant` in `zone` (Africa/Casablanca moves to UTC+0 during Ramadan). */
export function localDay(instant: Date, zone: string): IsoDate {
  const day = DateTime.fromJSDate(instant, { zone }).toISODate();
  if (day === null) throw new RangeError(`Cannot compute the local day in ${zone}`);
  return day;
}

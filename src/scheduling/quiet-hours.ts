// Invariant 5: nothing unasked reaches a villager between 21:00 and 08:00 in Morocco. Pure.
import { DateTime } from 'luxon';

export interface QuietHours {
  /** 'HH:MM' local time from which nothing is sent. */
  from: string;
  /** 'HH:MM' local time at which sending starts again. */
  until: string;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { from: '21:00', until: '08:00' };

/**
 * How long before the quiet hours begin a message that cannot wait for their end goes: 20:00 for
 * 21:00-08:00, a decent hour, and one that leaves time for a whole window's reminders to leave (a
 * few thousand at Telegram's 30 a second) before 21:00.
 */
export const EVENING_MARGIN_MINUTES = 60;

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * The fewest minutes a day quiet hours must leave for sending: with less, the night a clock goes forward
 * can take a day's whole window (02:00 to 03:00 does not exist then).
 */
export const MIN_OPEN_MINUTES = 120;

/** Minutes of the day outside the quiet hours (all of them when both ends are equal: no quiet hours). */
export function openMinutes(quiet: QuietHours): number {
  const from = minutes(quiet.from);
  const until = minutes(quiet.until);
  if (from === until) return 24 * 60;
  return from > until ? from - until : 24 * 60 - (until - from);
}

const isQuiet = (local: DateTime, quiet: QuietHours) => {
  const now = local.hour * 60 + local.minute;
  const from = minutes(quiet.from);
  const until = minutes(quiet.until);
  return from > until ? now >= from || now < until : now >= from && now < until;
};

/** The same local day at 'HH:MM'. */
const atTime = (local: DateTime, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return local.set({ hour: h ?? 0, minute: m ?? 0, second: 0, millisecond: 0 });
};

/**
 * The instant itself when it is allowed, otherwise the next end of the quiet hours.
 *
 * @example outOfQuietHours(new Date('2026-12-13T22:00:00Z'), 'Africa/Casablanca') // 2026-12-14T07:00:00Z (08:00 local)
 */
export function outOfQuietHours(instant: Date, zone: string, quiet: QuietHours = DEFAULT_QUIET_HOURS): Date {
  const local = DateTime.fromJSDate(instant, { zone });
  if (!isQuiet(local, quiet)) return instant;
  let end = atTime(local, quiet.until);
  if (end <= local) end = end.plus({ days: 1 });
  // The night the clocks go forward may have no such minute (02:00 becomes 03:00), and land in quiet
  // hours again: the next day's end then.
  for (let tries = 0; tries < 3 && isQuiet(end, quiet); tries++) end = atTime(end.plus({ days: 1 }), quiet.until);
  return end.toJSDate();
}

/**
 * The instant itself when it is allowed, otherwise `EVENING_MARGIN_MINUTES` before the quiet hours that
 * hold it began; or the end of the quiet hours before them, when less than that lies between.
 *
 * @example beforeQuietHours(new Date('2026-12-14T06:30:00Z'), 'Africa/Casablanca') // 2026-12-13T19:00:00Z (20:00 local the evening before)
 */
export function beforeQuietHours(instant: Date, zone: string, quiet: QuietHours = DEFAULT_QUIET_HOURS): Date {
  let local = DateTime.fromJSDate(instant, { zone });
  // A clock change may move the minute found into quiet hours again (02:00 on the night the clocks go
  // forward is 03:00): the quiet hours before those then.
  for (let tries = 0; tries < 3 && isQuiet(local, quiet); tries++) {
    let began = atTime(local, quiet.from);
    if (began > local) began = began.minus({ days: 1 });
    let endedBefore = atTime(began, quiet.until);
    if (endedBefore >= began) endedBefore = endedBefore.minus({ days: 1 });
    local = DateTime.max(began.minus({ minutes: EVENING_MARGIN_MINUTES }), endedBefore);
  }
  return local.toJSDate();
}

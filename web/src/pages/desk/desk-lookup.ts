// What the desk shows for a code before anyone presses "arrived": read from the day's bookings the desk
// holds, so it answers at once, and offline too. Pure.
import { normalizeConfirmationCode } from '../../../../src/domain/appointments/code-reading.ts';
import type { DeskBooking, DeskDay } from '../../api/types.ts';

export type Lookup =
  /** Not a code at all: six letters and digits, as the bot gave it. */
  | { kind: 'malformed' }
  /** A code this day's list does not hold: the server says whether it is another day's, another campaign's or nobody's. */
  | { kind: 'ask_server'; code: string }
  | { kind: 'cancelled'; code: string; booking: DeskBooking }
  | { kind: 'found'; code: string; booking: DeskBooking; fasting: boolean };

/** @example lookUpCode(day, 'k7f-3qx') // { kind: 'found', code: 'K7F3QX', ... } */
export function lookUpCode(day: DeskDay, typed: string): Lookup {
  const code = normalizeConfirmationCode(typed);
  if (!code) return { kind: 'malformed' };
  const booking = day.bookings.find((b) => b.code === code);
  if (!booking) return { kind: 'ask_server', code };
  if (booking.status === 'cancelled') return { kind: 'cancelled', code, booking };
  const fasting = day.services.find((s) => s.service === booking.service)?.fasting ?? false;
  return { kind: 'found', code, booking, fasting };
}

/** The campaign's day a desk opens on: today when the campaign runs today, else its first day ahead, else its last. */
export function deskDayFor(today: string, firstDay: string, lastDay: string): string {
  if (today < firstDay) return firstDay;
  if (today > lastDay) return lastDay;
  return today;
}

// A time window that holds appointments, as an import that would remove it or give it fewer places names it.
import { z } from 'zod';

export const BookedWindowSchema = z.object({
  service: z.string(),
  day: z.string(),
  start: z.string(),
  end: z.string(),
  booked: z.number().int(),
  /** The places the file gives it, fewer than are booked; absent when the file leaves the window out. */
  capacity: z.number().int().optional(),
  /** Where the file lists it ("services[0].windows[1]"); absent when the file leaves it out. */
  path: z.string().optional(),
});
export type BookedWindow = z.infer<typeof BookedWindowSchema>;

/** The 409 answer to such an import: one entry per window, so the console can point at each. */
export const BookedWindowsAnswerSchema = z.object({ bookedWindows: z.array(BookedWindowSchema).min(1) });

/**
 * The line a coordinator reads at a terminal, its path first as for every problem of a file.
 *
 * @example describeBookedWindow({ service: 'dental', day: '2026-12-14', start: '09:00', end: '12:00', booked: 2, capacity: 1, path: 'services[0].windows[0]' })
 * // 'services[0].windows[0].capacity: 2 places are already booked on 2026-12-14; capacity cannot go below that'
 */
export function describeBookedWindow(w: BookedWindow): string {
  if (w.capacity !== undefined && w.path !== undefined) return `${w.path}.capacity: ${w.booked} places are already booked on ${w.day}; capacity cannot go below that`;
  return `services: the ${w.service} window of ${w.day} at ${w.start} was removed but holds ${w.booked} appointments`;
}

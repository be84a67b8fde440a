// The order a service calls people in: by their window's start, then by when they arrived at the desk
// (those marked attended without the desk last in their window), then by booking. Pure.

export interface QueueEntry {
  appointmentId: number;
  window: { start: string };
  arrivedAt: string | null;
  seenAt: string | null;
  procedureDoneAt: string | null;
}

/** @example queueOrder([{ window: { start: '14:00' }, ... }, { window: { start: '09:00' }, ... }])[0].window.start // '09:00' */
export function queueOrder<T extends QueueEntry>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) =>
      a.window.start.localeCompare(b.window.start) ||
      compareArrival(a.arrivedAt, b.arrivedAt) ||
      a.appointmentId - b.appointmentId,
  );
}

function compareArrival(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return Date.parse(a) - Date.parse(b);
}

/** Still waiting: checked in, and neither seen nor operated (a surgeon may mark "operated" only). */
export const isWaiting = (entry: Pick<QueueEntry, 'seenAt' | 'procedureDoneAt'>): boolean => entry.seenAt === null && entry.procedureDoneAt === null;

// How far ahead notification timers wait in Redis. Each costs about 777 bytes while it waits; with a
// horizon, Redis holds the next day or two of them however far ahead people book, and the reconciler
// starts the others as they come within it. Pure.

/** `TIMER_HORIZON_HOURS`: longer than a night of quiet hours, so a worker down overnight finds the morning's timers. */
export const DEFAULT_TIMER_HORIZON_HOURS = 36;

export const hoursToMs = (hours: number) => hours * 3_600_000;

/** Whether a timer for `dueAt` belongs in Redis at `now`. */
export const withinHorizon = (dueAt: Date, now: Date, horizonMs: number) => dueAt.getTime() - now.getTime() <= horizonMs;

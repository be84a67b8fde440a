// Waiting for what is not there yet: a database that still starts (a fresh Postgres volume answers
// and then restarts), or one that went away while a channel that never sends twice holds a message.
import type { Logger } from '../logging/logger.ts';
import { isUnavailable } from '../db/pg-errors.ts';

export type Sleep = (ms: number) => Promise<void>;
export const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The wait before attempt `n` (1-based): doubling from `baseMs`, at most `maxMs`. Pure. */
export function backoffMs(n: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, n - 1));
}

/**
 * Runs `attempt` until it succeeds, while it fails because a dependency is unavailable, at most
 * `attempts` times; another error, or the last one, is thrown. Each wait is logged with its reason.
 *
 * @example const db = await untilAvailable('the database', () => prepareDatabase(db), { attempts: 30, baseMs: 500, maxMs: 5000, logger });
 */
export async function untilAvailable<T>(what: string, attempt: () => Promise<T>, options: { attempts: number; baseMs: number; maxMs: number; logger: Logger; sleep?: Sleep }): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (!isUnavailable(err) || n >= options.attempts) throw err;
      const waitMs = backoffMs(n, options.baseMs, options.maxMs);
      options.logger.warn({ attempt: n, of: options.attempts, waitMs, reason: err instanceof Error ? err.message : String(err) }, `waiting for ${what}`);
      await (options.sleep ?? sleep)(waitMs);
    }
  }
}

/** `work`, or an error once `ms` have passed (the work itself is not cancelled). */
export async function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

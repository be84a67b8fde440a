// One structured line per source and cause while a dependency is away, instead of ioredis' line at
// every reconnection attempt (several a second), and never a process ended by an unheard 'error' event.

const QUIET_MS = 30_000;

interface Log {
  warn(fields: Record<string, unknown>, message: string): void;
}

/**
 * A listener for 'error' events, by source ("notification worker", "outbound queue"...): the first of
 * each cause is logged, the same again only after 30 s.
 *
 * @example queue.on('error', (err) => repeated('outbound queue', err));
 */
export function repeatedErrorLog(logger: Log, message = 'redis unavailable', now: () => number = Date.now): (source: string, err: Error) => void {
  const last = new Map<string, number>();
  return (source, err) => {
    const code = (err as { code?: unknown }).code;
    const cause = typeof code === 'string' ? code : err.message;
    const key = `${source} ${cause}`;
    const at = now();
    const before = last.get(key);
    if (before !== undefined && at - before < QUIET_MS) return;
    last.set(key, at);
    logger.warn({ source, code: typeof code === 'string' ? code : undefined, err: err.message }, message);
  };
}

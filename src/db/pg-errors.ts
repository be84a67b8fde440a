// Recognises the Postgres errors that domain code turns into refusals.

const UNIQUE_VIOLATION = '23505';
const EXCLUSION_VIOLATION = '23P01';

function pgError(err: unknown): { code?: unknown; constraint?: unknown } | undefined {
  return typeof err === 'object' && err !== null ? (err as { code?: unknown; constraint?: unknown }) : undefined;
}

/** True when `err` is a unique violation, of `constraint` if given. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = pgError(err);
  return e?.code === UNIQUE_VIOLATION && (constraint === undefined || e.constraint === constraint);
}

export function isExclusionViolation(err: unknown, constraint?: string): boolean {
  const e = pgError(err);
  return e?.code === EXCLUSION_VIOLATION && (constraint === undefined || e.constraint === constraint);
}

// Postgres codes of a server that is away, starting or full, rather than of a statement that is wrong.
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006']);
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);
// The last three are a Redis Cluster's: no node reached, a command while none is, a failover under way.
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Connection is closed|connection timeout|MaxRetriesPerRequest|Reached the max retries per request|None of startup nodes is available|Cluster isn't ready|CLUSTERDOWN/i;

/**
 * True when `err` says a dependency (Postgres, or Redis through ioredis) could not be reached, so the
 * same work may succeed later; false for errors of the work itself.
 */
export function isUnavailable(err: unknown): boolean {
  const e = pgError(err);
  const code = typeof e?.code === 'string' ? e.code : '';
  if (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_NODE_CODES.has(code)) return true;
  const name = typeof err === 'object' && err !== null && 'name' in err ? String(err.name) : '';
  const message = err instanceof Error ? err.message : String(err);
  return name === 'MaxRetriesPerRequestError' || UNAVAILABLE_MESSAGES.test(message);
}

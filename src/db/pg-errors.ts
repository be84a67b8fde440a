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

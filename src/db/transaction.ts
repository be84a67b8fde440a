// Runs a unit of work in one transaction, retrying the rare deadlock Postgres resolves by aborting one side.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './tables.ts';

const RETRYABLE = new Set(['40P01', '40001']); // deadlock_detected, serialization_failure

function isRetryable(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && RETRYABLE.has(String(err.code));
}

/**
 * @example
 * const appt = await inTransaction(db, (trx) => bookAppointment(trx, ctx, request, deps));
 */
export async function inTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
  attempts = 3,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (err) {
      if (attempt >= attempts || !isRetryable(err)) throw err;
    }
  }
}

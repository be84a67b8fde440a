// The outbox: replies and notifications waiting for delivery, written in the transaction that decided them.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';

/** Marks replies delivered by a channel that shows them at once (the terminal chat, the web simulator). */
export async function markSent(db: Kysely<Database>, ids: readonly number[], providerId: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    .set({ status: 'sent', provider_id: providerId, updated_at: sql<Date>`now()` })
    .where('id', 'in', [...ids])
    .where('status', 'in', ['pending', 'sending'])
    .execute();
}

// A finished broadcast's figures kept on its row once its deliveries are purged: how many were delivered
// and read, and the failed messages counted by their error text (progress groups them by reason), so the
// composer's past list reads the same before and after the retention job.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('broadcasts')
    .addColumn('delivered', 'integer')
    .addColumn('read', 'integer')
    // {"<error text>": n, ...}; null for a broadcast not counted yet, or counted before this was kept.
    .addColumn('failed_by_error', 'jsonb')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('broadcasts').dropColumn('delivered').dropColumn('read').dropColumn('failed_by_error').execute();
}

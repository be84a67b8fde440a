// Queues per service at the venue: the doctor's side marks a checked-in person "seen" (when, by whom), so
// each service's queue shows who still waits.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('appointments')
    .addColumn('seen_at', 'timestamptz')
    .addColumn('seen_by', 'integer', (c) => c.references('staff.id'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('appointments').dropColumn('seen_at').dropColumn('seen_by').execute();
}

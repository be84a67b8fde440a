// The organisation a platform admin's console session is looking at: chosen in the console, kept with the
// session so every process agrees, and let go of when the organisation goes.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('staff_sessions')
    .addColumn('viewed_organisation_id', 'integer', (c) => c.references('organisations.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff_sessions').dropColumn('viewed_organisation_id').execute();
}

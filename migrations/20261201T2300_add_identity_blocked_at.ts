// A villager who blocks the bot on Telegram (my_chat_member "kicked"): reminders and broadcasts skip
// that chat instead of failing on it again and again; writing again unblocks it.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('contact_identities').addColumn('blocked_at', 'timestamptz').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('contact_identities').dropColumn('blocked_at').execute();
}

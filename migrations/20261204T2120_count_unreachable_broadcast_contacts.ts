// A broadcast's audience members it cannot reach (only the terminal or the simulator, or every chat
// blocked the bot), counted by reason when it is made, so progress shows them instead of leaving them out.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // {"test_chat_only": n, "blocked": n}; null for broadcasts made before it was counted.
  await db.schema.alterTable('broadcasts').addColumn('unreachable', 'jsonb').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('broadcasts').dropColumn('unreachable').execute();
}

// A campaign's venue and commune named per locale, as its title is ("مستوصف القرب قلعة مكونة" for
// Arabic readers); null when the file gave one name, which is then the only one (venue_name, commune).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('campaigns').addColumn('venue_names', 'jsonb').addColumn('commune_names', 'jsonb').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('campaigns').dropColumn('venue_names').dropColumn('commune_names').execute();
}

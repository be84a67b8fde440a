// Villagers may now be answered in Tachelhit (`shi`, Latin letters). Going down, a `shi` contact is
// answered in Darija (Latin letters), the closest of the locales that remain.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table contacts drop constraint contacts_locale_check`.execute(db);
  await sql`alter table contacts add constraint contacts_locale_check check (locale in ('ary', 'ary-Latn', 'ar', 'fr', 'shi'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update contacts set locale = 'ary-Latn' where locale = 'shi'`.execute(db);
  await sql`alter table contacts drop constraint contacts_locale_check`.execute(db);
  await sql`alter table contacts add constraint contacts_locale_check check (locale in ('ary', 'ary-Latn', 'ar', 'fr'))`.execute(db);
}

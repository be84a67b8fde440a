// Voice prompts: an organisation's own recordings of the messages a villager sees, for those who cannot
// read. The bytes stay in Postgres (at most 512 KB each, a few hundred per organisation), beside what each
// channel gave back for them (a WhatsApp media id, a Telegram file_id), so a recording is uploaded to a
// provider once. A contact may ask for them, and a Telegram chat that refuses voice notes is remembered.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('voice_prompts')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('message_key', 'text', (c) => c.notNull().check(sql`message_key ~ '^[a-zA-Z]+:[a-zA-Z0-9_.]+$'`))
    .addColumn('locale', 'text', (c) => c.notNull().check(sql`locale in ('ary', 'ary-Latn', 'ar', 'fr')`))
    .addColumn('audio', 'bytea', (c) => c.notNull().check(sql`octet_length(audio) <= 524288`))
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('voice_prompts_key', ['organisation_id', 'message_key', 'locale'])
    .execute();
  // One row per recording, channel and account (a WhatsApp phone number id, a Telegram bot id): what
  // that account calls the file. A new recording deletes its rows with the old one.
  await db.schema
    .createTable('voice_prompt_media')
    .addColumn('voice_prompt_id', 'integer', (c) => c.notNull().references('voice_prompts.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('media_id', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('voice_prompt_media_pkey', ['voice_prompt_id', 'channel', 'account'])
    .execute();
  await db.schema.alterTable('contacts').addColumn('voice_prompts', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
  await db.schema.alterTable('contact_identities').addColumn('voice_refused_at', 'timestamptz').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('contact_identities').dropColumn('voice_refused_at').execute();
  await db.schema.alterTable('contacts').dropColumn('voice_prompts').execute();
  await db.schema.dropTable('voice_prompt_media').execute();
  await db.schema.dropTable('voice_prompts').execute();
}

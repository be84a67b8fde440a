// Staff sign in to the console with an email or phone and a password: the login columns on staff, the
// sessions (kept here so every process shares them and signing out ends them at once) and the one-time
// links that set a password. Tokens are stored as SHA-256 hashes only.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('staff')
    .addColumn('email', 'text', (c) => c.unique().check(sql`email = lower(email)`))
    .addColumn('phone_e164', 'text', (c) => c.unique().check(sql`phone_e164 ~ '^\\+[1-9][0-9]{6,14}$'`))
    .addColumn('password_hash', 'text')
    .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('fr').check(sql`locale in ('fr', 'ar')`))
    .execute();

  await db.schema
    .createTable('staff_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_sessions_staff_id').on('staff_sessions').column('staff_id').execute();

  await db.schema
    .createTable('staff_password_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('staff_password_links_staff_id').on('staff_password_links').column('staff_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('staff_password_links').execute();
  await db.schema.dropTable('staff_sessions').execute();
  await db.schema
    .alterTable('staff')
    .dropColumn('email')
    .dropColumn('phone_e164')
    .dropColumn('password_hash')
    .dropColumn('failed_sign_ins')
    .dropColumn('locked_until')
    .dropColumn('locale')
    .execute();
}

// Contacts (one person behind one or more chat identities) and the beneficiaries they register.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('contacts')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('phone_e164', 'text', (c) => c.unique().check(sql`phone_e164 ~ '^\\+[1-9][0-9]{6,14}$'`))
    .addColumn('locale', 'text', (c) => c.check(sql`locale in ('ary', 'ary-Latn', 'ar', 'fr')`))
    .addColumn('province_code', 'text', (c) => c.references('provinces.code'))
    .addColumn('consent_at', 'timestamptz')
    .addColumn('opted_out_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // A person may reach us on Telegram and on WhatsApp; each identity points at one contact.
  await db.schema
    .createTable('contact_identities')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('contact_identities_pk', ['channel', 'external_id'])
    .execute();
  await db.schema.createIndex('contact_identities_contact').on('contact_identities').column('contact_id').execute();

  await db.schema
    .createTable('beneficiaries')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id'))
    .addColumn('relation', 'text', (c) =>
      c.notNull().check(sql`relation in ('self', 'child', 'parent', 'spouse', 'sibling', 'other')`),
    )
    // Personal fields are nullable so erasure can blank them while anonymous counts survive.
    .addColumn('full_name', 'text')
    .addColumn('sex', 'text', (c) => c.check(sql`sex in ('female', 'male')`))
    .addColumn('birth_year', 'integer', (c) => c.check(sql`birth_year between 1900 and 2100`))
    .addColumn('commune', 'text')
    .addColumn('erased_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('beneficiaries_contact').on('beneficiaries').column('contact_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('beneficiaries').execute();
  await db.schema.dropTable('contact_identities').execute();
  await db.schema.dropTable('contacts').execute();
}

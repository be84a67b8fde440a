// Every message a provider accepted, by its id, so delivery statuses (sent, delivered, read, failed)
// find their outbox row; and when each chat identity last wrote, for WhatsApp's 24-hour window.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sent_messages')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('outbox_id', 'bigint', (c) => c.notNull().references('outbox.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('sent').check(sql`status in ('sent', 'delivered', 'read', 'failed')`))
    .addColumn('error', 'text')
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('sent_messages_pk', ['channel', 'provider_id'])
    .execute();
  await db.schema.createIndex('sent_messages_outbox').on('sent_messages').column('outbox_id').execute();
  await db.schema.alterTable('contact_identities').addColumn('last_inbound_at', 'timestamptz').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('contact_identities').dropColumn('last_inbound_at').execute();
  await db.schema.dropTable('sent_messages').execute();
}

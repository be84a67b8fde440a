// Provider message ids already handled (a retried webhook is handled once), and delivery
// tracking on the outbox, which is also the log of what was sent.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('inbound_receipts')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('inbound_receipts_pk', ['channel', 'provider_id'])
    .execute();
  await db.schema.createIndex('inbound_receipts_received').on('inbound_receipts').column('received_at').execute();

  await db.schema.alterTable('outbox').addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('outbox').addColumn('sent_at', 'timestamptz').execute();
  await db.schema.alterTable('outbox').addColumn('delivered_at', 'timestamptz').execute();
  await db.schema.alterTable('outbox').addColumn('read_at', 'timestamptz').execute();
  await db.schema.createIndex('outbox_provider').on('outbox').columns(['channel', 'provider_id']).where(sql.ref('provider_id'), 'is not', null).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('outbox_provider').execute();
  for (const column of ['read_at', 'delivered_at', 'sent_at', 'attempts']) await db.schema.alterTable('outbox').dropColumn(column).execute();
  await db.schema.dropTable('inbound_receipts').execute();
}

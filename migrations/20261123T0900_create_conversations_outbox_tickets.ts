// Conversation state, the outbox of replies, handoff tickets and alert subscriptions.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per contact: where the villager is in the dialogue, so a restart resumes there.
  await db.schema
    .createTable('conversations')
    .addColumn('contact_id', 'integer', (c) => c.primaryKey().references('contacts.id').onDelete('cascade'))
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // Replies wait here until a channel worker delivers them; written in the step's transaction.
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('reply').check(sql`kind in ('reply', 'notification', 'broadcast')`))
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`status in ('pending', 'sending', 'sent', 'failed', 'cancelled')`),
    )
    .addColumn('provider_id', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('outbox_pending').on('outbox').columns(['channel', 'id']).where(sql.ref('status'), '=', 'pending').execute();
  await db.schema.createIndex('outbox_contact').on('outbox').columns(['contact_id', 'id']).execute();

  // A villager asked for a person (or an emergency was detected): the coordinators' inbox.
  await db.schema
    .createTable('handoff_tickets')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('asked', 'emergency', 'stuck')`))
    .addColumn('urgent', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(sql`status in ('open', 'closed')`))
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'text')
    .execute();
  await db.schema
    .createIndex('handoff_tickets_one_open')
    .on('handoff_tickets')
    .column('contact_id')
    .unique()
    .where(sql.ref('status'), '=', 'open')
    .execute();

  // What the villager wrote while a person was handling the ticket.
  await db.schema
    .createTable('handoff_messages')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('handoff_tickets.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('handoff_messages_ticket').on('handoff_messages').columns(['ticket_id', 'id']).execute();

  await db.schema
    .createTable('alert_subscriptions')
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('province_code', 'text', (c) => c.notNull().references('provinces.code'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('alert_subscriptions_pk', ['contact_id', 'province_code'])
    .execute();
  await db.schema.createIndex('alert_subscriptions_province').on('alert_subscriptions').column('province_code').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('alert_subscriptions').execute();
  await db.schema.dropTable('handoff_messages').execute();
  await db.schema.dropTable('handoff_tickets').execute();
  await db.schema.dropTable('outbox').execute();
  await db.schema.dropTable('conversations').execute();
}

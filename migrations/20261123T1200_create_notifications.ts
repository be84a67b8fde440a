// Everything Qafila says unasked, as rows: Postgres is the source of truth, Redis only runs the timers.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('reminder', 'checkin', 'recall', 'broadcast')`))
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('appointment_id', 'integer', (c) => c.references('appointments.id'))
    /** Which message of its kind: 'two_days_before', 'morning_of', 'day_3'... */
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending').check(sql`status in ('pending', 'queued', 'sent', 'cancelled', 'failed')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('outbox_id', 'bigint', (c) => c.references('outbox.id'))
    .addColumn('reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('notifications_due').on('notifications').columns(['due_at', 'id']).where(sql.ref('status'), 'in', sql`('pending', 'queued')`).execute();
  await db.schema.createIndex('notifications_appointment').on('notifications').column('appointment_id').execute();
  // One reminder of each label per appointment, whatever races.
  await db.schema
    .createIndex('notifications_one_per_label')
    .on('notifications')
    .columns(['appointment_id', 'label'])
    .unique()
    .where(sql.ref('status'), 'in', sql`('pending', 'queued', 'sent')`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notifications').execute();
}

// The inbox: who wrote each line of a ticket (the villager, staff in the chat, or an internal note), the
// outbox row a staff reply went out as (its delivery status), who holds the ticket, what each staff
// member last read, and pictures or voice notes as a reason to open one.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('handoff_messages')
    .addColumn('author', 'text', (c) => c.notNull().defaultTo('villager').check(sql`author in ('villager', 'staff', 'note')`))
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id'))
    // No foreign key: the retention job deletes old outbox rows, the line stays.
    .addColumn('outbox_id', 'bigint')
    .execute();
  await db.schema.alterTable('handoff_tickets').addColumn('assigned_to', 'integer', (c) => c.references('staff.id')).execute();
  await sql`alter table handoff_tickets drop constraint handoff_tickets_reason_check`.execute(db);
  await sql`alter table handoff_tickets add constraint handoff_tickets_reason_check check (reason in ('asked', 'emergency', 'stuck', 'media'))`.execute(db);
  await db.schema
    .createTable('handoff_reads')
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('handoff_tickets.id').onDelete('cascade'))
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('read_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('handoff_reads_pkey', ['ticket_id', 'staff_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('handoff_reads').execute();
  await sql`alter table handoff_tickets drop constraint handoff_tickets_reason_check`.execute(db);
  await sql`alter table handoff_tickets add constraint handoff_tickets_reason_check check (reason in ('asked', 'emergency', 'stuck'))`.execute(db);
  await db.schema.alterTable('handoff_tickets').dropColumn('assigned_to').execute();
  await db.schema.alterTable('handoff_messages').dropColumn('author').dropColumn('staff_id').dropColumn('outbox_id').execute();
}

// Appointments, the waitlist for full services, and the audit log of who changed what.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('appointments')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('beneficiary_id', 'integer', (c) => c.notNull().references('beneficiaries.id'))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('slot_id', 'integer', (c) => c.notNull().references('slots.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('booked').check(sql`status in ('booked', 'cancelled', 'attended', 'no_show')`),
    )
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // One active appointment per beneficiary, service and campaign, even under races.
  await sql`
    create unique index appointments_one_active
    on appointments (beneficiary_id, campaign_id, service) where status = 'booked'`.execute(db);
  await db.schema.createIndex('appointments_slot').on('appointments').columns(['slot_id', 'status']).execute();
  await db.schema.createIndex('appointments_beneficiary').on('appointments').column('beneficiary_id').execute();

  await db.schema
    .createTable('waitlist_entries')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('beneficiary_id', 'integer', (c) => c.notNull().references('beneficiaries.id'))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('service', 'text', (c) => c.notNull())
    // Null means "any day of the campaign".
    .addColumn('day', 'date')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('waiting').check(sql`status in ('waiting', 'promoted', 'cancelled')`),
    )
    .addColumn('appointment_id', 'integer', (c) => c.references('appointments.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`
    create unique index waitlist_one_waiting
    on waitlist_entries (beneficiary_id, campaign_id, service) where status = 'waiting'`.execute(db);
  await sql`
    create index waitlist_queue on waitlist_entries (campaign_id, service, created_at, id)
    where status = 'waiting'`.execute(db);

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
  await db.schema.dropTable('waitlist_entries').execute();
  await db.schema.dropTable('appointments').execute();
}

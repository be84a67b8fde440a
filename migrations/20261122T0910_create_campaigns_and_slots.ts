// Campaigns, the services they offer and the time windows (slots) with their capacities.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // btree_gist lets one exclusion constraint mix equality on ids with range overlap.
  await sql`create extension if not exists btree_gist`.execute(db);

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('caravan', 'blood_drive')`))
    .addColumn('title', 'jsonb', (c) => c.notNull())
    .addColumn('description', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('province_code', 'text', (c) => c.notNull().references('provinces.code'))
    .addColumn('commune', 'text', (c) => c.notNull())
    .addColumn('venue_name', 'text', (c) => c.notNull())
    .addColumn('venue_lat', 'double precision', (c) => c.notNull().check(sql`venue_lat between -90 and 90`))
    .addColumn('venue_lon', 'double precision', (c) => c.notNull().check(sql`venue_lon between -180 and 180`))
    .addColumn('first_day', 'date', (c) => c.notNull())
    .addColumn('last_day', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft', 'published', 'closed', 'cancelled')`),
    )
    .addColumn('donor_target', 'integer', (c) => c.check(sql`donor_target > 0`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('campaigns_days_ordered', sql`first_day <= last_day`)
    .execute();
  await db.schema.createIndex('campaigns_status_days').on('campaigns').columns(['status', 'last_day']).execute();

  await db.schema
    .createTable('campaign_services')
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('requires_fasting', 'boolean', (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('campaign_services_pk', ['campaign_id', 'service'])
    .execute();

  await db.schema
    .createTable('slots')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('campaign_id', 'integer', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('starts_at', 'time', (c) => c.notNull())
    .addColumn('ends_at', 'time', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity >= 0`))
    .addColumn('booked', 'integer', (c) => c.notNull().defaultTo(0))
    .addForeignKeyConstraint('slots_service_fk', ['campaign_id', 'service'], 'campaign_services', ['campaign_id', 'service'], (fk) => fk.onDelete('cascade'))
    .addCheckConstraint('slots_window_ordered', sql`starts_at < ends_at`)
    // The last line of defence for invariant 1: whatever the code does, a slot never oversells.
    .addCheckConstraint('slots_never_oversold', sql`booked >= 0 and booked <= capacity`)
    .execute();
  await sql`
    alter table slots add constraint slots_windows_do_not_overlap
    exclude using gist (
      campaign_id with =, service with =, tsrange(day + starts_at, day + ends_at) with &&
    )`.execute(db);
  await db.schema.createIndex('slots_campaign_day').on('slots').columns(['campaign_id', 'day']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('slots').execute();
  await db.schema.dropTable('campaign_services').execute();
  await db.schema.dropTable('campaigns').execute();
}

// The organisation boundary: each staff member belongs to one organisation (the platform admin to
// none), and tickets, broadcasts and outbox rows say whose they are, so every read can be scoped.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The kinds as the people who run Qafila name them.
  await sql`alter table organisations drop constraint organisations_kind_check`.execute(db);
  await sql`update organisations set kind = case kind when 'health_delegation' then 'ministry' when 'blood_centre' then 'blood_agency' else kind end`.execute(db);
  await sql`alter table organisations add constraint organisations_kind_check check (kind in ('association', 'ministry', 'blood_agency'))`.execute(db);

  await db.schema.alterTable('staff').addColumn('organisation_id', 'integer', (c) => c.references('organisations.id')).execute();
  // Staff added before the boundary have no organisation yet: they are refused until one is set
  // (`npm run staff -- move`), so the rule binds new rows and old ones once they are fixed.
  await sql`alter table staff add constraint staff_admin_has_no_organisation check ((role = 'admin') = (organisation_id is null)) not valid`.execute(db);

  await db.schema.alterTable('handoff_tickets').addColumn('organisation_id', 'integer', (c) => c.references('organisations.id')).execute();
  await sql`create index handoff_tickets_open_by_organisation on handoff_tickets (organisation_id, urgent desc, opened_at) where status = 'open'`.execute(db);

  await db.schema.alterTable('broadcasts').addColumn('organisation_id', 'integer', (c) => c.references('organisations.id')).execute();
  await sql`update broadcasts b set organisation_id = c.organisation_id from campaigns c where c.id = b.campaign_id`.execute(db);

  // No foreign key: the outbox is written at the rate of a broadcast, and its rows outlive nothing.
  await db.schema.alterTable('outbox').addColumn('organisation_id', 'integer').execute();
  await sql`create index outbox_sending_by_organisation on outbox (organisation_id, id) where status = 'sending'`.execute(db);
  await sql`create index campaigns_by_organisation on campaigns (organisation_id, first_day desc, id desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index campaigns_by_organisation`.execute(db);
  await db.schema.alterTable('outbox').dropColumn('organisation_id').execute();
  await db.schema.alterTable('broadcasts').dropColumn('organisation_id').execute();
  await db.schema.alterTable('handoff_tickets').dropColumn('organisation_id').execute();
  await db.schema.alterTable('staff').dropColumn('organisation_id').execute();
  await sql`alter table organisations drop constraint organisations_kind_check`.execute(db);
  await sql`update organisations set kind = case kind when 'ministry' then 'health_delegation' when 'blood_agency' then 'blood_centre' else kind end`.execute(db);
  await sql`alter table organisations add constraint organisations_kind_check check (kind in ('association', 'health_delegation', 'blood_centre'))`.execute(db);
}

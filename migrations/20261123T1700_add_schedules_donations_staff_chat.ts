// Reminder times per campaign, check-in days per procedure, where a campaign's staff alerts go, and
// donations with the day each donor may give again.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('campaigns')
    /** [{ label, daysBefore, at }]; null keeps the defaults (two days before at 18:00, the morning at 07:30). */
    .addColumn('reminder_rules', 'jsonb')
    /** A Telegram chat (group) of the campaign's medical staff: alerts are also sent there. */
    .addColumn('staff_telegram_chat', 'text')
    .execute();
  await db.schema
    .alterTable('campaign_services')
    /** Days after the procedure on which the patient is asked how they are; null keeps 1, 3, 7, 14. */
    .addColumn('checkin_days', 'jsonb')
    .execute();
  await db.schema
    .alterTable('beneficiaries')
    /** The last blood group a blood centre recorded, for appeals to donors of a group. */
    .addColumn('blood_group', 'text', (c) => c.check(sql`blood_group in ('A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-')`))
    .execute();
  await db.schema
    .alterTable('contacts')
    /** When the contact asked to be told they may give blood again; null: never asked, or declined. */
    .addColumn('donor_recall_at', 'timestamptz')
    .execute();
  await db.schema
    .createTable('donations')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('beneficiary_id', 'integer', (c) => c.notNull().references('beneficiaries.id'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('campaign_id', 'integer', (c) => c.references('campaigns.id'))
    .addColumn('appointment_id', 'integer', (c) => c.unique().references('appointments.id'))
    .addColumn('donated_on', 'date', (c) => c.notNull())
    .addColumn('blood_group', 'text', (c) => c.check(sql`blood_group in ('A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-')`))
    /** From the organisation's rules at the time of recording: interval by sex and yearly limit. */
    .addColumn('next_eligible_on', 'date', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('donations_beneficiary').on('donations').columns(['beneficiary_id', 'donated_on']).execute();
  // Alerts to a staff chat go through the outbox like any message, but to no contact.
  await sql`alter table outbox alter column contact_id drop not null`.execute(db);
  await sql`alter table outbox drop constraint outbox_kind_check`.execute(db);
  await sql`alter table outbox add constraint outbox_kind_check check (kind in ('reply', 'notification', 'broadcast', 'staff_alert'))`.execute(db);
  // A recall refers to the donation that started it.
  await db.schema.alterTable('notifications').addColumn('donation_id', 'integer', (c) => c.references('donations.id').onDelete('cascade')).execute();
  // Only recalls are in it: reminders and check-ins (most rows) do not pay for it.
  await sql`create unique index notifications_one_recall on notifications (donation_id) where donation_id is not null and status in ('pending', 'queued', 'sent')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notifications').dropColumn('donation_id').execute();
  await sql`delete from outbox where kind = 'staff_alert'`.execute(db);
  await sql`alter table outbox drop constraint outbox_kind_check`.execute(db);
  await sql`alter table outbox add constraint outbox_kind_check check (kind in ('reply', 'notification', 'broadcast'))`.execute(db);
  await sql`alter table outbox alter column contact_id set not null`.execute(db);
  await db.schema.dropTable('donations').execute();
  await db.schema.alterTable('contacts').dropColumn('donor_recall_at').execute();
  await db.schema.alterTable('beneficiaries').dropColumn('blood_group').execute();
  await db.schema.alterTable('campaign_services').dropColumn('checkin_days').execute();
  await db.schema.alterTable('campaigns').dropColumn('reminder_rules').dropColumn('staff_telegram_chat').execute();
}

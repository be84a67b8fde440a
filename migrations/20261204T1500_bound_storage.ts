// Storage that stops growing: what the retention job needs to delete old messages and keep their counts.
// - outbox.campaign_id: whose campaign a message was about, so its count survives the row;
// - message_counts: the counts of the messages deleted, per day, organisation, campaign, channel, kind and status;
// - a broadcast's figures on its own row, written before its deliveries go;
// - notifications.outbox_id lets its outbox row go (a check-in's first notification stays for its answers);
// - outbox_provider goes: no query reads the outbox by provider id (statuses find sent_messages), and every
//   part recorded or row sent had to update it.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // No foreign key, like organisation_id: the outbox is written at the rate of a broadcast.
  await db.schema.alterTable('outbox').addColumn('campaign_id', 'integer').execute();
  // Replies (most rows) have no campaign and do not pay for it.
  await sql`create index outbox_campaign on outbox (campaign_id) where campaign_id is not null`.execute(db);
  await sql`drop index outbox_provider`.execute(db);

  await sql`alter table notifications drop constraint notifications_outbox_id_fkey`.execute(db);
  await sql`alter table notifications add constraint notifications_outbox_id_fkey foreign key (outbox_id) references outbox (id) on delete set null`.execute(db);
  // Without it, each outbox row deleted would scan notifications for a reference.
  await sql`create index notifications_outbox on notifications (outbox_id) where outbox_id is not null`.execute(db);

  await db.schema
    .alterTable('broadcasts')
    .addColumn('queued', 'integer')
    .addColumn('sent', 'integer')
    .addColumn('failed', 'integer')
    .addColumn('cancelled', 'integer')
    /** When the figures above were written from the deliveries, which may then be deleted. */
    .addColumn('counted_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('message_counts')
    /** The day (UTC) the messages were written. */
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('organisation_id', 'integer')
    .addColumn('campaign_id', 'integer')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('messages', 'integer', (c) => c.notNull())
    .addColumn('delivered', 'integer', (c) => c.notNull())
    .addColumn('read', 'integer', (c) => c.notNull())
    .execute();
  // Also the target of the retention job's upserts; a reply has neither organisation nor campaign.
  await sql`alter table message_counts add constraint message_counts_key unique nulls not distinct (campaign_id, organisation_id, day, channel, kind, status)`.execute(db);

  // The retention job deletes a day's worth of rows each night: vacuum soon after, so the next days' rows
  // reuse the space, rather than waiting (by default) until a fifth of the table is dead.
  for (const table of PURGED) await sql`alter table ${sql.table(table)} set (autovacuum_vacuum_scale_factor = 0.02)`.execute(db);
}

const PURGED = ['outbox', 'sent_messages', 'notifications', 'audit_log', 'inbound_receipts', 'broadcast_deliveries'];

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of PURGED) await sql`alter table ${sql.table(table)} reset (autovacuum_vacuum_scale_factor)`.execute(db);
  await db.schema.dropTable('message_counts').execute();
  await db.schema.alterTable('broadcasts').dropColumn('queued').dropColumn('sent').dropColumn('failed').dropColumn('cancelled').dropColumn('counted_at').execute();
  await sql`drop index notifications_outbox`.execute(db);
  await sql`alter table notifications drop constraint notifications_outbox_id_fkey`.execute(db);
  await sql`alter table notifications add constraint notifications_outbox_id_fkey foreign key (outbox_id) references outbox (id)`.execute(db);
  await sql`create index outbox_provider on outbox (channel, provider_id) where provider_id is not null`.execute(db);
  await db.schema.alterTable('outbox').dropColumn('campaign_id').execute();
}

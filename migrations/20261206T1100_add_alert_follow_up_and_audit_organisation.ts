// Medical staff act on alerts: who acknowledged and resolved one and when, their notes, and when the
// hour-old reminder went to the staff chat (once). The audit log records the organisation of the staff
// member who acted, at the time they acted, so an organisation reads its own log even after a member moves.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('staff_alerts')
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('acknowledged_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('resolved_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('reposted_at', 'timestamptz')
    .execute();
  // The re-post sweep reads the open alerts nobody acknowledged yet.
  await db.schema.createIndex('staff_alerts_unacknowledged').on('staff_alerts').column('created_at').where(sql<boolean>`acknowledged_at is null and resolved_at is null and reposted_at is null`).execute();
  await db.schema
    .createTable('staff_alert_notes')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('alert_id', 'integer', (c) => c.notNull().references('staff_alerts.id').onDelete('cascade'))
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('staff_alert_notes_alert').on('staff_alert_notes').columns(['alert_id', 'id']).execute();
  await db.schema.alterTable('audit_log').addColumn('organisation_id', 'integer').execute();
  await db.schema.createIndex('audit_log_organisation').on('audit_log').columns(['organisation_id', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_log').dropColumn('organisation_id').execute();
  await db.schema.dropTable('staff_alert_notes').execute();
  await db.schema.alterTable('staff_alerts').dropColumn('acknowledged_at').dropColumn('acknowledged_by').dropColumn('resolved_by').dropColumn('reposted_at').execute();
}

// Post-operative follow-up: when a procedure was done, what the patient answered, and the alerts
// the medical staff must see (a red flag, or a patient nobody could reach).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('appointments').addColumn('procedure_done_at', 'timestamptz').execute();
  await db.schema
    .createTable('checkins')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('notification_id', 'bigint', (c) => c.notNull().unique().references('notifications.id').onDelete('cascade'))
    .addColumn('appointment_id', 'integer', (c) => c.notNull().references('appointments.id'))
    .addColumn('answers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('red_flags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('completed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('staff_alerts')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('red_flag', 'unreachable')`))
    .addColumn('appointment_id', 'integer', (c) => c.notNull().references('appointments.id'))
    .addColumn('campaign_id', 'integer', (c) => c.notNull().references('campaigns.id'))
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('resolved_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('staff_alerts_open').on('staff_alerts').columns(['campaign_id', 'created_at']).where(sql.ref('resolved_at'), 'is', null).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('staff_alerts').execute();
  await db.schema.dropTable('checkins').execute();
  await db.schema.alterTable('appointments').dropColumn('procedure_done_at').execute();
}

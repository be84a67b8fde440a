// What erasure needs to find a person's traces: a staff chat's alert message names the patient but has no
// contact, so it points at its alert; a provider's message id can hold the sender's number (WhatsApp), so a
// receipt points at its contact; and the reply confirming an erasure is blanked once it has gone.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('staff_alert_id', 'integer', (c) => c.references('staff_alerts.id')).execute();
  await db.schema.createIndex('outbox_staff_alert').on('outbox').column('staff_alert_id').where(sql.ref('staff_alert_id'), 'is not', null).execute();
  await db.schema.alterTable('outbox').addColumn('forget_after_send', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
  await db.schema.alterTable('inbound_receipts').addColumn('contact_id', 'integer', (c) => c.references('contacts.id').onDelete('cascade')).execute();
  await db.schema.createIndex('inbound_receipts_contact').on('inbound_receipts').column('contact_id').where(sql.ref('contact_id'), 'is not', null).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('inbound_receipts').dropColumn('contact_id').execute();
  await db.schema.alterTable('outbox').dropColumn('forget_after_send').execute();
  await db.schema.alterTable('outbox').dropColumn('staff_alert_id').execute();
}

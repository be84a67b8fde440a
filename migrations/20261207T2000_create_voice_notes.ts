// Voice notes villagers send: the audio itself, kept in Postgres beside the ticket line it belongs to (see
// ARCHITECTURE.md, "Voice notes"), and `voice` as a reason of its own to open a ticket.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table handoff_tickets drop constraint handoff_tickets_reason_check`.execute(db);
  await sql`alter table handoff_tickets add constraint handoff_tickets_reason_check check (reason in ('asked', 'emergency', 'stuck', 'media', 'voice'))`.execute(db);
  await db.schema
    .createTable('voice_notes')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    // The ticket's organisation when it arrived (null until the platform admin routes it; routing moves it too).
    .addColumn('organisation_id', 'integer', (c) => c.references('organisations.id'))
    .addColumn('contact_id', 'integer', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('handoff_tickets.id').onDelete('cascade'))
    // The line "[voice]" of the ticket: deleting the line (erasure) deletes the audio with it.
    .addColumn('message_id', 'bigint', (c) => c.notNull().unique().references('handoff_messages.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    /** The channel's own id: Telegram's file_id, the Cloud API's media id, whatsapp-web.js' message id. */
    .addColumn('provider_media_id', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text')
    .addColumn('size_bytes', 'integer')
    .addColumn('duration_seconds', 'real')
    // Null when the fetch failed: `failure` says why.
    .addColumn('audio', 'bytea')
    .addColumn('failure', 'text', (c) => c.check(sql`failure in ('too_big', 'expired', 'unreachable', 'refused')`))
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('voice_notes_audio_or_failure', sql`(audio is null) <> (failure is null)`)
    .execute();
  // Opus is compressed already: Postgres should not try again, and reads a byte range without decompressing.
  await sql`alter table voice_notes alter column audio set storage external`.execute(db);
  await db.schema.createIndex('voice_notes_contact').on('voice_notes').column('contact_id').execute();
  await db.schema.createIndex('voice_notes_ticket').on('voice_notes').column('ticket_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('voice_notes').execute();
  await sql`update handoff_tickets set reason = 'media' where reason = 'voice'`.execute(db);
  await sql`alter table handoff_tickets drop constraint handoff_tickets_reason_check`.execute(db);
  await sql`alter table handoff_tickets add constraint handoff_tickets_reason_check check (reason in ('asked', 'emergency', 'stuck', 'media'))`.execute(db);
}

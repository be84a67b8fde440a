// The message log was keyed by (channel, provider id), but a Telegram message id is counted per chat:
// two villagers' messages often share one, and all but the first were dropped from the log. Each entry
// is now keyed by its outbox row (which names the chat) and the provider id; delivery statuses, which
// only WhatsApp sends and whose ids are unique everywhere, still find a message by channel and id.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table sent_messages drop constraint sent_messages_pk`.execute(db);
  await sql`alter table sent_messages add constraint sent_messages_pk primary key (outbox_id, provider_id)`.execute(db);
  // The new key starts with outbox_id: it serves what this index did (erasure, a row's log).
  await db.schema.dropIndex('sent_messages_outbox').execute();
  await db.schema.createIndex('sent_messages_provider').on('sent_messages').columns(['channel', 'provider_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('sent_messages_provider').execute();
  await db.schema.createIndex('sent_messages_outbox').on('sent_messages').column('outbox_id').execute();
  // The old key holds one entry per Telegram id: the later entries of a shared id go.
  await sql`
    delete from sent_messages s using sent_messages e
    where s.channel = e.channel and s.provider_id = e.provider_id and (s.sent_at, s.outbox_id) > (e.sent_at, e.outbox_id)`.execute(db);
  await sql`alter table sent_messages drop constraint sent_messages_pk`.execute(db);
  await sql`alter table sent_messages add constraint sent_messages_pk primary key (channel, provider_id)`.execute(db);
}

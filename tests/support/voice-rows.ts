// What a voice note left in the database, read the way staff would find it: the contact's ticket, its
// lines, and the voice notes hanging on them.
import type { Db } from '../../src/db/connection.ts';

export async function voiceNotesOf(db: Db, channel: string, externalId: string) {
  const identity = await db.selectFrom('contact_identities').select('contact_id').where('channel', '=', channel).where('external_id', '=', externalId).executeTakeFirstOrThrow();
  const tickets = await db.selectFrom('handoff_tickets').select(['id', 'reason', 'status', 'organisation_id']).where('contact_id', '=', identity.contact_id).execute();
  const notes = await db
    .selectFrom('voice_notes as v')
    .innerJoin('handoff_messages as m', 'm.id', 'v.message_id')
    .select(['v.ticket_id', 'v.contact_id', 'v.organisation_id', 'v.channel', 'v.provider_media_id', 'v.mime_type', 'v.size_bytes', 'v.duration_seconds', 'v.audio', 'v.failure', 'm.text'])
    .where('v.contact_id', '=', identity.contact_id)
    .orderBy('v.id')
    .execute();
  return { contactId: identity.contact_id, tickets, notes };
}

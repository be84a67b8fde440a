// Voice notes villagers send: kept in Postgres beside the ticket line "[voice]" they belong to, read back
// by staff of the ticket's organisation only, and gone with the line (erasure) or the closed ticket (retention).
import { sql, type Kysely } from 'kysely';
import type { Database, VoiceFailure } from '../../db/tables.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit/audit-log.ts';

/** What a channel fetched: the audio, or why it could not be had. */
export interface VoiceNoteInput {
  channel: string;
  providerMediaId: string;
  mimeType?: string | undefined;
  durationSeconds?: number | undefined;
  audio?: Buffer | undefined;
  failure?: VoiceFailure | undefined;
}

/** The line of a ticket a voice note came as, and the ticket's organisation at that moment. */
export async function storeVoiceNote(trx: Kysely<Database>, at: { ticketId: number; messageId: number; contactId: number }, note: VoiceNoteInput): Promise<number> {
  // No audio and no reason would break the table's check: an empty download is the provider refusing.
  const failure = note.audio && note.audio.length > 0 ? null : (note.failure ?? 'refused');
  const row = await trx
    .insertInto('voice_notes')
    .values({
      organisation_id: sql<number | null>`(select organisation_id from handoff_tickets where id = ${at.ticketId})`,
      contact_id: at.contactId,
      ticket_id: at.ticketId,
      message_id: at.messageId,
      channel: note.channel,
      provider_media_id: note.providerMediaId.slice(0, 500),
      mime_type: note.mimeType ?? null,
      size_bytes: failure === null && note.audio ? note.audio.length : null,
      duration_seconds: note.durationSeconds ?? null,
      audio: failure === null ? (note.audio ?? null) : null,
      failure,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** What the console shows beside a ticket's line: no audio, only how to ask for it. */
export interface VoiceNoteSummary {
  id: number;
  mimeType: string | null;
  sizeBytes: number | null;
  durationSeconds: number | null;
  failure: VoiceFailure | null;
}

/** The voice notes of a ticket, by the id of the line each came as. */
export async function voiceNotesOfTicket(db: Kysely<Database>, ticketId: number): Promise<Map<number, VoiceNoteSummary>> {
  const rows = await db.selectFrom('voice_notes').select(['id', 'message_id', 'mime_type', 'size_bytes', 'duration_seconds', 'failure']).where('ticket_id', '=', ticketId).execute();
  return new Map(rows.map((r) => [r.message_id, { id: r.id, mimeType: r.mime_type, sizeBytes: r.size_bytes, durationSeconds: r.duration_seconds, failure: r.failure }]));
}

export interface VoiceAudio {
  audio: Buffer;
  mimeType: string;
}

/**
 * The audio of a voice note on one of this organisation's tickets; undefined for anybody else's (404).
 * Listening is audited once per listen: the first byte range asked for, not each of the player's ranges.
 */
export async function voiceNoteAudio(db: Kysely<Database>, actor: Actor, organisationId: number, voiceNoteId: number, audit: boolean): Promise<VoiceAudio | undefined> {
  const row = await db
    .selectFrom('voice_notes as v')
    .innerJoin('handoff_tickets as t', 't.id', 'v.ticket_id')
    .select(['v.id', 'v.ticket_id', 'v.audio', 'v.mime_type'])
    .where('v.id', '=', voiceNoteId)
    .where('t.organisation_id', '=', organisationId)
    .where('v.audio', 'is not', null)
    .executeTakeFirst();
  if (!row?.audio) return undefined;
  if (audit) await recordAudit(db, { actor, action: 'ticket.voice_played', entity: 'handoff_ticket', entityId: row.ticket_id, organisationId, details: { voiceNote: row.id } });
  return { audio: row.audio, mimeType: row.mime_type ?? 'application/octet-stream' };
}

/** Erasure: every voice note of these contacts, audio and all. */
export async function forgetVoiceNotes(trx: Kysely<Database>, contactIds: readonly number[]): Promise<number> {
  if (contactIds.length === 0) return 0;
  const gone = await trx.deleteFrom('voice_notes').where('contact_id', 'in', contactIds).executeTakeFirst();
  return Number(gone.numDeletedRows);
}

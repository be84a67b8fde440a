// An organisation's recordings: which message keys and locales have one, saving a checked file (which
// forgets what the providers called the old one), reading its bytes, deleting it. Every change is audited.
import type { Kysely } from 'kysely';
import type { Database, Locale } from '../../db/tables.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { OggOpusInfo } from './ogg-opus.ts';

export const VOICE_MIME = 'audio/ogg; codecs=opus';

export interface VoicePromptSummary {
  id: number;
  key: string;
  locale: Locale;
  sizeBytes: number;
  durationMs: number;
  uploadedAt: Date;
  uploadedBy: string | null;
}

export interface VoiceActor {
  actor: { kind: 'staff'; id: number };
  staffId: number;
  organisationId: number;
}

/** Every recording of the organisation, without its bytes. */
export async function listVoicePrompts(db: Kysely<Database>, organisationId: number): Promise<VoicePromptSummary[]> {
  const rows = await db
    .selectFrom('voice_prompts as p')
    .leftJoin('staff as s', 's.id', 'p.uploaded_by')
    .select(['p.id', 'p.message_key', 'p.locale', 'p.size_bytes', 'p.duration_ms', 'p.uploaded_at', 's.name'])
    .where('p.organisation_id', '=', organisationId)
    .orderBy('p.message_key')
    .orderBy('p.locale')
    .execute();
  return rows.map((r) => ({ id: r.id, key: r.message_key, locale: r.locale, sizeBytes: r.size_bytes, durationMs: r.duration_ms, uploadedAt: r.uploaded_at, uploadedBy: r.name }));
}

/** Saves a file already checked (`checkVoicePrompt`) as the recording of this key and locale, replacing any. */
export async function saveVoicePrompt(
  trx: Kysely<Database>,
  by: VoiceActor,
  prompt: { key: string; locale: Locale; audio: Buffer; info: OggOpusInfo },
): Promise<number> {
  const row = await trx
    .insertInto('voice_prompts')
    .values({ organisation_id: by.organisationId, message_key: prompt.key, locale: prompt.locale, audio: prompt.audio, mime: VOICE_MIME, size_bytes: prompt.audio.length, duration_ms: prompt.info.durationMs, uploaded_by: by.staffId })
    .onConflict((oc) =>
      oc.constraint('voice_prompts_key').doUpdateSet((eb) => ({
        audio: eb.ref('excluded.audio'),
        size_bytes: eb.ref('excluded.size_bytes'),
        duration_ms: eb.ref('excluded.duration_ms'),
        uploaded_by: eb.ref('excluded.uploaded_by'),
        uploaded_at: eb.fn<Date>('now'),
      })),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  // A provider's id names the old bytes: the new recording is uploaded again when first sent.
  await trx.deleteFrom('voice_prompt_media').where('voice_prompt_id', '=', row.id).execute();
  await recordAudit(trx, { actor: by.actor, action: 'voice_prompt.upload', entity: 'voice_prompt', entityId: row.id, details: { key: prompt.key, locale: prompt.locale, bytes: prompt.audio.length, durationMs: prompt.info.durationMs } });
  return row.id;
}

/** The bytes of one of the organisation's recordings; undefined for another organisation's. */
export async function readVoiceAudio(db: Kysely<Database>, organisationId: number, id: number): Promise<{ audio: Buffer; mime: string } | undefined> {
  return db.selectFrom('voice_prompts').select(['audio', 'mime']).where('id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst();
}

/** Deletes one of the organisation's recordings; false when it has none of that id. */
export async function deleteVoicePrompt(trx: Kysely<Database>, by: VoiceActor, id: number): Promise<boolean> {
  const row = await trx.deleteFrom('voice_prompts').where('id', '=', id).where('organisation_id', '=', by.organisationId).returning(['message_key', 'locale']).executeTakeFirst();
  if (!row) return false;
  await recordAudit(trx, { actor: by.actor, action: 'voice_prompt.delete', entity: 'voice_prompt', entityId: id, details: { key: row.message_key, locale: row.locale } });
  return true;
}

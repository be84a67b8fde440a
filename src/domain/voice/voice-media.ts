// What delivery needs of a recording: the one a message gets (the villager asked for voice, their
// organisation recorded the key in their locale, the chat takes voice notes), its bytes when a provider
// has none, and what each provider account calls it.
import { sql, type Kysely } from 'kysely';
import type { Database, Locale } from '../../db/tables.ts';
import { contactOrganisation } from '../handoff/handoff-tickets.ts';
import { VOICE_FOR_EVERYONE } from './voice-keys.ts';

export interface VoiceForMessage {
  promptId: number;
  durationMs: number;
  /** What the channel's account calls the file; none before its first upload or once older than `cacheMaxAgeMs`. */
  cachedId?: string;
}

/**
 * The recording an outbox row gets before its text, or undefined. The organisation is the row's (a
 * reminder, an announcement) or, for a reply in the chat, the one the contact dealt with last (as for a
 * ticket). A villager no organisation has dealt with yet hears the first recording any made of the key.
 */
export async function voiceForMessage(
  db: Kysely<Database>,
  message: { outboxId: number; key: string; locale: Locale; channel: string; account: string; cacheMaxAgeMs?: number | undefined },
): Promise<VoiceForMessage | undefined> {
  const everyone = VOICE_FOR_EVERYONE.has(message.key);
  const row = await sql<{ id: number; duration_ms: number; media_id: string | null }>`
    select p.id, p.duration_ms, m.media_id
    from outbox o
    join contacts c on c.id = o.contact_id
    cross join lateral (select coalesce(o.organisation_id, ${contactOrganisation(sql<number>`c.id`)}) as id) org
    join voice_prompts p on (p.organisation_id = org.id or org.id is null)
      and p.message_key = ${message.key} and p.locale = ${message.locale}
    left join voice_prompt_media m on m.voice_prompt_id = p.id and m.channel = ${message.channel} and m.account = ${message.account}
      and (${message.cacheMaxAgeMs ?? null}::float8 is null or m.uploaded_at > now() - make_interval(secs => ${(message.cacheMaxAgeMs ?? 0) / 1000}))
    where o.id = ${message.outboxId} and (c.voice_prompts or ${everyone})
      and not exists (select 1 from contact_identities i where i.channel = o.channel and i.external_id = o.recipient and i.voice_refused_at is not null)
    order by p.uploaded_at, p.id
    limit 1`.execute(db);
  const found = row.rows[0];
  if (!found) return undefined;
  return { promptId: found.id, durationMs: found.duration_ms, ...(found.media_id ? { cachedId: found.media_id } : {}) };
}

export async function voiceAudio(db: Kysely<Database>, promptId: number): Promise<Buffer> {
  const row = await db.selectFrom('voice_prompts').select('audio').where('id', '=', promptId).executeTakeFirstOrThrow();
  return row.audio;
}

/** Keeps what the provider account called the file it was given, for the next message. */
export async function rememberVoiceMedia(db: Kysely<Database>, promptId: number, channel: string, account: string, mediaId: string): Promise<void> {
  // From the recording's row: one replaced or deleted meanwhile leaves nothing to remember.
  await sql`
    insert into voice_prompt_media (voice_prompt_id, channel, account, media_id)
    select id, ${channel}, ${account}, ${mediaId} from voice_prompts where id = ${promptId}
    on conflict (voice_prompt_id, channel, account) do update set media_id = excluded.media_id, uploaded_at = now()`.execute(db);
}

/** The chat refused a voice note: from now on it gets the text alone. */
export async function rememberVoiceRefused(db: Kysely<Database>, channel: string, recipient: string): Promise<void> {
  await db.updateTable('contact_identities').set({ voice_refused_at: sql<Date>`now()` }).where('channel', '=', channel).where('external_id', '=', recipient).execute();
}

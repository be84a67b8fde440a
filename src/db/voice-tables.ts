// The voice tables: villagers' voice notes kept for a person to hear, and an organisation's recorded prompts
// with the media ids each channel gave them.
import type { ColumnType, Generated } from 'kysely';
import type { Locale } from '../i18n/locales.ts';

type Auto<T> = ColumnType<T, T | undefined, T>;

/** A villager's voice note, the audio kept for staff to listen to (see domain/handoff/voice-notes.ts). */
export interface VoiceNotesTable {
  id: ColumnType<number, never, never>;
  organisation_id: number | null;
  contact_id: number;
  ticket_id: number;
  message_id: number;
  channel: string;
  provider_media_id: string;
  mime_type: string | null;
  size_bytes: number | null;
  duration_seconds: number | null;
  /** Null when the fetch failed (`failure` says why). */
  audio: Buffer | null;
  failure: VoiceFailure | null;
  received_at: Auto<Date>;
}

/** Why a voice note's audio could not be fetched from the channel. */
export type VoiceFailure = 'too_big' | 'expired' | 'unreachable' | 'refused';

/** An organisation's recording of one message key in one locale: Ogg/Opus, mono, at most 512 KB. */
export interface VoicePromptsTable {
  id: Generated<number>;
  organisation_id: number;
  /** The locale files' key, namespace included ('menu:main'). */
  message_key: string;
  locale: Locale;
  audio: Buffer;
  mime: string;
  size_bytes: number;
  duration_ms: number;
  uploaded_by: number | null;
  uploaded_at: Auto<Date>;
}

/** What one provider account calls a recording once uploaded (a WhatsApp media id, a Telegram file_id). */
export interface VoicePromptMediaTable {
  voice_prompt_id: number;
  channel: string;
  /** The WhatsApp phone number id or the Telegram bot id: ids are valid for that account only. */
  account: string;
  media_id: string;
  uploaded_at: Auto<Date>;
}

// The voice note that goes before a message's text, for a villager who asked for recorded prompts:
// chosen from the organisation's recordings, sent through the channel's voice capability (uploaded once,
// then by the id the provider gave it), and left out for good on a chat that refuses voice notes.
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { VoiceRefused, type ChannelAdapter } from '../channels/channel.ts';
import { rememberVoiceMedia, rememberVoiceRefused, voiceAudio, voiceForMessage, type VoiceForMessage } from '../domain/voice/voice-media.ts';
import type { ClaimedMessage } from './outbox.ts';

/** Marks a voice note's id among a row's sent parts, so a retry knows the voice went before the text. */
export const VOICE_PART_PREFIX = 'voice:';

export const isVoicePart = (providerId: string | undefined) => providerId?.startsWith(VOICE_PART_PREFIX) ?? false;

/** The recording this row gets first, or undefined (no voice asked, none recorded, a channel without voice). */
export async function planVoiceNote(db: Kysely<Database>, adapter: ChannelAdapter, message: ClaimedMessage): Promise<VoiceForMessage | undefined> {
  const wanted = message.reply.voice;
  if (!adapter.voice || !wanted) return undefined;
  return voiceForMessage(db, { outboxId: message.id, key: wanted.key, locale: wanted.locale, channel: message.channel, account: adapter.voice.account, cacheMaxAgeMs: adapter.voice.cacheMaxAgeMs });
}

/**
 * Sends the voice note; its part id (prefixed), or undefined when the chat refuses voice notes, which is
 * remembered so that its next messages go as text alone.
 */
export async function sendVoiceNote(db: Kysely<Database>, adapter: ChannelAdapter, message: ClaimedMessage, plan: VoiceForMessage): Promise<string | undefined> {
  const voice = adapter.voice;
  if (!voice) return undefined;
  try {
    const sent = await voice.send(message.recipient, { audio: () => voiceAudio(db, plan.promptId), durationMs: plan.durationMs, ...(plan.cachedId ? { cachedId: plan.cachedId } : {}) });
    if (sent.mediaId) await rememberVoiceMedia(db, plan.promptId, message.channel, voice.account, sent.mediaId);
    return `${VOICE_PART_PREFIX}${sent.providerId}`;
  } catch (err) {
    if (!(err instanceof VoiceRefused)) throw err;
    await rememberVoiceRefused(db, message.channel, message.recipient);
    return undefined;
  }
}

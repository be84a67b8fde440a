// One seam for every way into Qafila: parse what a provider sent, send what the conversation said.
import type { Channel as ChannelName } from '../domain/actor.ts';
import type { Inbound } from '../conversation/inbound.ts';
import type { RenderedPart } from './render.ts';

/** What a channel can draw natively; the renderer falls back to numbered text for the rest. */
export interface ChannelCapabilities {
  /** Buttons under one message (0: none, choices become numbered text). */
  maxButtons: number;
  /** Longest button title, in characters; longer labels are cut. */
  maxButtonTitle: number;
  /** Rows of a list message (0: no lists). */
  maxListRows: number;
  maxListRowTitle: number;
  /** Longest text of one message; longer texts are split on line breaks. */
  maxTextLength: number;
  location: boolean;
  contactRequest: boolean;
  images: boolean;
  templates: boolean;
  /** Free-form messages are allowed only this long after the villager last wrote (WhatsApp: 24). */
  sessionWindowHours?: number;
}

/** A provider refused for good (blocked bot, not a WhatsApp user): the message is not retried. */
export class PermanentSendError extends Error {
  override readonly name = 'PermanentSendError';
}

/** The provider asks to slow down: retry after `retryAfterMs`, without counting it as a failure. */
export class RetryAfterError extends Error {
  override readonly name = 'RetryAfterError';
  constructor(
    readonly retryAfterMs: number,
    message: string,
  ) {
    super(message);
  }
}

/** The chat does not take voice notes (Telegram's VOICE_MESSAGES_FORBIDDEN): it gets the text alone. */
export class VoiceRefused extends Error {
  override readonly name = 'VoiceRefused';
}

/** A recorded prompt to send as a voice note; its bytes are read only when the provider needs them. */
export interface VoiceNote {
  audio(): Promise<Buffer>;
  durationMs: number;
  /** What the provider account called the file last time, when still usable. */
  cachedId?: string;
}

/** The voice note's message id, and the file's new id when it was uploaded (to keep for the next time). */
export interface VoiceSent {
  providerId: string;
  mediaId?: string;
}

/** Channels that send recorded prompts as voice notes. */
export interface VoiceCapability {
  /** Uploads the bytes when there is no usable `cachedId` (or the provider no longer knows it). */
  send(to: string, note: VoiceNote): Promise<VoiceSent>;
  /** Whose ids the cache holds: the WhatsApp phone number id, the Telegram bot id. */
  account: string;
  /** A cached id older than this is not used (WhatsApp deletes media after 30 days); none: ids last. */
  cacheMaxAgeMs?: number;
}

/**
 * Every adapter has this surface; one contract test suite runs against each.
 *
 * @example
 * const ids = [];
 * for (const part of renderReply(reply, adapter.capabilities)) ids.push(await adapter.send(to, part));
 */
export interface ChannelAdapter {
  readonly name: ChannelName;
  readonly capabilities: ChannelCapabilities;
  /** Sends one rendered part and returns the provider's message id. */
  send(to: string, part: RenderedPart): Promise<string>;
  /** Voice notes, where the channel sends them. */
  readonly voice?: VoiceCapability;
}

/**
 * Where a voice note waits on the provider (Telegram's file_id, the Cloud API's media id): fetched at
 * once on receipt by the channel's `VoiceFetcher` (see voice-fetch.ts), since ids and URLs expire.
 */
export interface VoiceSource {
  mediaId: string;
  mimeType?: string;
  durationSeconds?: number;
  /** What the provider says the file weighs, to refuse one over the limit without downloading it. */
  sizeBytes?: number;
}

/** What a webhook or a poll produced: messages for the conversation, with the provider's ids. */
export type ParsedInbound = Inbound & { providerId: string; voiceSource?: VoiceSource };

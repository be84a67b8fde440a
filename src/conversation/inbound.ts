// What a channel hands to the conversation: one normalised message, whatever the provider.
import { z } from 'zod';
import { ChannelSchema } from '../domain/actor.ts';
import { LOCALES } from '../i18n/locales.ts';

/** Postgres text cannot hold NUL, and other control characters only hide what was written. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const cleanText = z.string().transform((text) => text.replace(CONTROL, ''));

export const VOICE_FAILURES = ['too_big', 'expired', 'unreachable', 'refused'] as const;

/**
 * A voice note as the channel fetched it on receipt: the audio, or why it could not be had (too big for
 * the channel's limit, expired, the provider unreachable or refusing). Either way a person is told.
 */
export const VoiceNoteSchema = z.object({
  /** The channel's own id of the media (Telegram file_id, Cloud API media id, whatsapp-web.js message id). */
  providerMediaId: z.string().min(1).max(500),
  mimeType: z.string().max(120).optional(),
  durationSeconds: z.number().min(0).max(86_400).optional(),
  audio: z.custom<Buffer>((value) => Buffer.isBuffer(value)).optional(),
  failure: z.enum(VOICE_FAILURES).optional(),
});
export type VoiceNote = z.infer<typeof VoiceNoteSchema>;

export const InboundSchema = z.object({
  channel: ChannelSchema,
  /** The sender's id on that channel (Telegram chat id, WhatsApp number...). */
  from: z.string().min(1).max(200),
  /** The sender's phone in E.164 when the channel knows it; stored only after consent. */
  phone: z.string().optional(),
  /** The provider's message id, for deduplication by the channel adapter. */
  providerId: z.string().optional(),
  text: cleanText.optional(),
  /** The id of a choice the villager pressed. */
  choice: cleanText.transform((id) => id.slice(0, 64)).optional(),
  location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
  /** The villager pressed "share my phone number" (Telegram): `phone` is their own number. */
  phoneShared: z.literal(true).optional(),
  /** The language the villager chose outside the chat (the simulator's picker); used for a first message. */
  localeHint: z.enum(LOCALES).optional(),
  /** Something we cannot read: a voice note, a picture, a sticker. */
  media: z.enum(['voice', 'image', 'other']).optional(),
  /** With `media: 'voice'`, on channels that fetch it: the audio, or why it could not be had. */
  voice: VoiceNoteSchema.optional(),
});
export type Inbound = z.input<typeof InboundSchema>;

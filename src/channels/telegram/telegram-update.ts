// Telegram updates as far as Qafila reads them, checked with zod, and turned into one Inbound. Pure.
import { z } from 'zod';
import type { ParsedInbound, VoiceSource } from '../channel.ts';

/** 'private' for a person's own chat; 'group', 'supergroup' or 'channel' otherwise. */
const Chat = z.object({ id: z.number(), type: z.string().optional() });
const User = z.object({ id: z.number() });

/** A voice note or an audio file, as far as fetching it needs. */
const AudioFile = z.object({ file_id: z.string().min(1), duration: z.number().optional(), mime_type: z.string().optional(), file_size: z.number().optional() });

const Message = z.object({
  message_id: z.number(),
  chat: Chat,
  from: User.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
  contact: z.object({ phone_number: z.string(), user_id: z.number().optional() }).optional(),
  voice: z.unknown().optional(),
  audio: z.unknown().optional(),
  photo: z.unknown().optional(),
  sticker: z.unknown().optional(),
  video: z.unknown().optional(),
  document: z.unknown().optional(),
});

export const TelegramUpdateSchema = z.object({
  update_id: z.number().int(),
  message: Message.optional(),
  /** The bot's membership in a chat changed: "kicked" in a private chat means the person blocked it. */
  my_chat_member: z.object({ chat: Chat, new_chat_member: z.object({ status: z.string() }) }).optional(),
  callback_query: z
    .object({
      id: z.string(),
      from: User,
      data: z.string().optional(),
      message: z.object({ chat: Chat }).optional(),
    })
    .optional(),
});
export type TelegramUpdate = z.infer<typeof TelegramUpdateSchema>;

export interface ParsedTelegramUpdate {
  inbound?: ParsedInbound;
  /** The update came from a group: not a villager, whose registrations everyone there would see. */
  groupChat?: string;
  /** A person blocked the bot (true) or started it again (false) in their private chat. */
  blocked?: { chatId: string; blocked: boolean };
  /** A pressed inline button must be answered, or the villager's app shows a spinner. */
  callbackQueryId?: string;
}

/**
 * @example parseTelegramUpdate({ update_id: 7, message: { message_id: 1, chat: { id: 42 }, text: 'salam' } })
 * // { inbound: { channel: 'telegram', from: '42', providerId: '7', text: 'salam' } }
 */
export function parseTelegramUpdate(update: TelegramUpdate): ParsedTelegramUpdate {
  const providerId = String(update.update_id);
  const member = update.my_chat_member;
  if (member) {
    if (isGroup(member.chat)) return {};
    const status = member.new_chat_member.status;
    return status === 'kicked' || status === 'member' ? { blocked: { chatId: String(member.chat.id), blocked: status === 'kicked' } } : {};
  }
  const cb = update.callback_query;
  if (cb) {
    if (isGroup(cb.message?.chat)) return { callbackQueryId: cb.id, groupChat: String(cb.message?.chat.id) };
    const chatId = cb.message?.chat.id ?? cb.from.id;
    return { callbackQueryId: cb.id, ...(cb.data ? { inbound: { channel: 'telegram', from: String(chatId), providerId, choice: cb.data } } : {}) };
  }
  const m = update.message;
  if (!m) return {};
  if (isGroup(m.chat)) return { groupChat: String(m.chat.id) };
  const base = { channel: 'telegram' as const, from: String(m.chat.id), providerId };
  if (m.contact) {
    // Only the villager's own number counts: a forwarded contact card is somebody else's.
    const own = m.contact.user_id !== undefined && m.contact.user_id === m.from?.id;
    if (!own) return { inbound: { ...base, media: 'other' } };
    const phone = m.contact.phone_number.startsWith('+') ? m.contact.phone_number : `+${m.contact.phone_number}`;
    return { inbound: { ...base, phone, phoneShared: true } };
  }
  if (m.location) return { inbound: { ...base, location: { lat: m.location.latitude, lng: m.location.longitude } } };
  if (m.text !== undefined) return { inbound: { ...base, text: m.text } };
  if (m.caption !== undefined && m.caption.trim() !== '') return { inbound: { ...base, text: m.caption } };
  if (m.voice !== undefined || m.audio !== undefined) return { inbound: { ...base, media: 'voice', ...voiceSourceOf(m.voice ?? m.audio) } };
  const media = m.photo !== undefined ? 'image' : 'other';
  return { inbound: { ...base, media } };
}

/** Where the audio waits on the Bot API; a file Qafila cannot read stays a voice note without one. */
function voiceSourceOf(raw: unknown): { voiceSource?: VoiceSource } {
  const file = AudioFile.safeParse(raw);
  if (!file.success) return {};
  const { file_id, duration, mime_type, file_size } = file.data;
  // A voice note is Ogg/Opus; Telegram names no type for it.
  return { voiceSource: { mediaId: file_id, mimeType: mime_type ?? 'audio/ogg', ...(duration !== undefined ? { durationSeconds: duration } : {}), ...(file_size !== undefined ? { sizeBytes: file_size } : {}) } };
}

/** A chat that is not one person's: updates without a type (older payloads) are a person's own. */
const isGroup = (chat: { type?: string | undefined } | undefined) => chat?.type !== undefined && chat.type !== 'private';

// Sending to Telegram with grammY's client: inline keyboards for choices, venues, the QR code as a photo.
import { Api, GrammyError, HttpError, InputFile } from 'grammy';
import QRCode from 'qrcode';
import { PermanentSendError, RetryAfterError, VoiceRefused, type ChannelAdapter, type ChannelCapabilities, type VoiceCapability } from '../channel.ts';
import type { RenderedPart } from '../render.ts';

export const TELEGRAM_CAPABILITIES: ChannelCapabilities = {
  // Inline keyboards hold many rows; twelve covers the region list, longer lists stay numbered text.
  maxButtons: 12,
  maxButtonTitle: 60,
  maxListRows: 0,
  maxListRowTitle: 0,
  maxTextLength: 4096,
  location: true,
  contactRequest: true,
  images: true,
  templates: false,
};

export const DEFAULT_TELEGRAM_API_ROOT = 'https://api.telegram.org';

/** Telegram answers 403 when the villager blocked the bot or the chat is gone: retrying cannot help. */
const PERMANENT_CODES = new Set([400, 403]);

export function createTelegramAdapter(options: { token: string; apiRoot?: string }): ChannelAdapter & { api: Api } {
  // grammY waits up to 500 s for an answer by default: a Bot API that hangs would hold the worker's slot.
  const api = new Api(options.token, { apiRoot: options.apiRoot ?? DEFAULT_TELEGRAM_API_ROOT, timeoutSeconds: 30 });
  return {
    name: 'telegram',
    capabilities: TELEGRAM_CAPABILITIES,
    api,
    async send(to, part) {
      try {
        return String(await sendPart(api, to, part));
      } catch (err) {
        throw classify(err);
      }
    },
    voice: telegramVoice(api, options.token),
  };
}

/**
 * sendVoice: the Ogg/Opus bytes the first time (multipart), then the file_id Telegram gave them, which
 * lasts and belongs to this bot. A chat whose owner forbids voice notes answers 400 VOICE_MESSAGES_FORBIDDEN.
 */
function telegramVoice(api: Api, token: string): VoiceCapability {
  return {
    account: token.split(':')[0] ?? token,
    async send(to, note) {
      try {
        if (note.cachedId !== undefined) {
          try {
            return { providerId: String((await api.sendVoice(to, note.cachedId)).message_id) };
          } catch (err) {
            // A file_id Telegram no longer knows: upload the bytes again, once.
            if (!(err instanceof GrammyError) || err.error_code !== 400 || voiceForbidden(err)) throw err;
          }
        }
        const message = await api.sendVoice(to, new InputFile(await note.audio(), 'prompt.ogg'), { duration: Math.round(note.durationMs / 1000) });
        return { providerId: String(message.message_id), ...(message.voice ? { mediaId: message.voice.file_id } : {}) };
      } catch (err) {
        if (err instanceof GrammyError && voiceForbidden(err)) throw new VoiceRefused(`Telegram ${err.error_code}: ${err.description}`);
        throw classify(err);
      }
    },
  };
}

const voiceForbidden = (err: GrammyError) => err.error_code === 400 && err.description.includes('VOICE_MESSAGES_FORBIDDEN');

async function sendPart(api: Api, chatId: string, part: RenderedPart): Promise<number> {
  switch (part.kind) {
    case 'text': {
      // callback_data is limited to 64 bytes; choice ids are short ASCII by construction.
      const keyboard = part.buttons?.map((b) => [{ text: b.label, callback_data: b.id }]);
      const markup = keyboard
        ? { reply_markup: { inline_keyboard: keyboard } }
        : part.requestPhone
          ? { reply_markup: { keyboard: [[{ text: part.requestPhone, request_contact: true }]], one_time_keyboard: true, resize_keyboard: true } }
          : {};
      const message = await api.sendMessage(chatId, part.text, markup);
      return message.message_id;
    }
    case 'location': {
      const message = await api.sendVenue(chatId, part.lat, part.lng, part.name, part.address ?? part.name);
      return message.message_id;
    }
    case 'image': {
      const png = await QRCode.toBuffer(part.qr, { type: 'png', margin: 2, width: 360 });
      const message = await api.sendPhoto(chatId, new InputFile(png, `${part.qr}.png`), { caption: part.caption });
      return message.message_id;
    }
    case 'template':
      throw new PermanentSendError('Telegram has no template messages');
  }
}

function classify(err: unknown): Error {
  if (err instanceof GrammyError) {
    if (err.error_code === 429) return new RetryAfterError((err.parameters.retry_after ?? 1) * 1000, err.description);
    if (PERMANENT_CODES.has(err.error_code)) return new PermanentSendError(`Telegram ${err.error_code}: ${err.description}`);
    return new Error(`Telegram ${err.error_code}: ${err.description}`);
  }
  if (err instanceof HttpError) return new Error(`Telegram unreachable: ${err.message}`);
  return err instanceof Error ? err : new Error(String(err));
}

// Sending through the WhatsApp Cloud API (Graph): reply buttons, list messages, locations, the QR code.
import QRCode from 'qrcode';
import { PermanentSendError, RetryAfterError, type ChannelAdapter, type ChannelCapabilities } from '../channel.ts';
import type { RenderedPart } from '../render.ts';

export const WHATSAPP_CLOUD_CAPABILITIES: ChannelCapabilities = {
  maxButtons: 3,
  maxButtonTitle: 20,
  maxListRows: 10,
  maxListRowTitle: 24,
  // The body of an interactive message holds 1,024 characters; plain texts are split the same way.
  maxTextLength: 1024,
  location: true,
  contactRequest: false,
  images: true,
  templates: true,
  sessionWindowHours: 24,
};

export const DEFAULT_GRAPH_ROOT = 'https://graph.facebook.com/v21.0';

/** Meta error codes that no retry can fix: not a WhatsApp user, outside the 24-hour window, blocked. */
const PERMANENT_CODES = new Set([131026, 131047, 131051, 131052, 131031, 100]);
/** Throughput and pair rate limits: wait and try again. */
const THROTTLE_CODES = new Set([130429, 131056, 80007, 4]);

export interface CloudOptions {
  accessToken: string;
  phoneNumberId: string;
  graphRoot?: string;
  /** How long one Graph API call may take before it counts as failed and is tried again (default 10 s). */
  timeoutMs?: number;
}

export function createWhatsAppCloudAdapter(options: CloudOptions, fetchImpl: typeof fetch = fetch): ChannelAdapter {
  const root = `${options.graphRoot ?? DEFAULT_GRAPH_ROOT}/${options.phoneNumberId}`;
  const call = async (path: string, body: string | FormData, json: boolean): Promise<Record<string, unknown>> => {
    const response = await fetchImpl(`${root}/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.accessToken}`, ...(json ? { 'content-type': 'application/json' } : {}) },
      body,
      // A Graph API that does not answer must not hold a worker slot (and the pacer's turn) for ever.
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    const result = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.ok) return result;
    const error = (result.error ?? {}) as { code?: number; message?: string };
    const text = `WhatsApp ${response.status} ${error.code ?? ''}: ${error.message ?? response.statusText}`;
    if (response.status === 429 || (error.code !== undefined && THROTTLE_CODES.has(error.code))) {
      throw new RetryAfterError(Number(response.headers.get('retry-after') ?? 1) * 1000, text);
    }
    if (error.code !== undefined && PERMANENT_CODES.has(error.code)) throw new PermanentSendError(text);
    throw new Error(text);
  };
  const send = async (to: string, message: Record<string, unknown>): Promise<string> => {
    const result = await call('messages', JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', to, ...message }), true);
    const id = (result.messages as Array<{ id?: string }> | undefined)?.[0]?.id;
    if (!id) throw new Error('WhatsApp accepted the message without an id');
    return id;
  };
  const upload = async (bytes: Buffer, type: string, name: string): Promise<string> => {
    const form = new FormData();
    form.append('messaging_product', 'whatsapp');
    form.append('type', type);
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
    const uploaded = await call('media', form, false);
    if (typeof uploaded.id !== 'string') throw new Error('WhatsApp did not return a media id');
    return uploaded.id;
  };
  const voiceNote = (id: string) => ({ type: 'audio', audio: { id, voice: true } });
  return {
    name: 'whatsapp',
    capabilities: WHATSAPP_CLOUD_CAPABILITIES,
    async send(to, part) {
      return send(to, await cloudMessage(part, (png) => upload(png, 'image/png', 'code.png')));
    },
    voice: {
      account: options.phoneNumberId,
      cacheMaxAgeMs: VOICE_MEDIA_REUSE_MS,
      async send(to, note) {
        if (note.cachedId !== undefined) {
          try {
            return { providerId: await send(to, voiceNote(note.cachedId)) };
          } catch (err) {
            // The media id may be gone (deleted, expired early): upload the bytes again, once.
            if (err instanceof RetryAfterError) throw err;
          }
        }
        const id = await upload(await note.audio(), 'audio/ogg', 'prompt.ogg');
        return { providerId: await send(to, voiceNote(id)), mediaId: id };
      },
    },
  };
}

/** Cloud API media ids expire after 30 days: one older than 25 is uploaded again rather than risked. */
export const VOICE_MEDIA_REUSE_MS = 25 * 24 * 3_600_000;

/** The Graph payload of one rendered part. */
export async function cloudMessage(part: RenderedPart, upload: (png: Buffer) => Promise<string>): Promise<Record<string, unknown>> {
  switch (part.kind) {
    case 'text':
      if (part.buttons) {
        return { type: 'interactive', interactive: { type: 'button', body: { text: part.text }, action: { buttons: part.buttons.map((b) => ({ type: 'reply', reply: { id: b.id, title: b.label } })) } } };
      }
      if (part.list) {
        // The button opening the list is in the reader's language (the renderer's `listButton`).
        const { button, rows } = part.list;
        return { type: 'interactive', interactive: { type: 'list', body: { text: part.text }, action: { button, sections: [{ title: button, rows: rows.map((r) => ({ id: r.id, title: r.label, ...(r.detail !== undefined ? { description: r.detail } : {}) })) }] } } };
      }
      return { type: 'text', text: { body: part.text, preview_url: false } };
    case 'location':
      return { type: 'location', location: { latitude: part.lat, longitude: part.lng, name: part.name, ...(part.address ? { address: part.address } : {}) } };
    case 'image': {
      const png = await QRCode.toBuffer(part.qr, { type: 'png', margin: 2, width: 360 });
      return { type: 'image', image: { id: await upload(png), caption: part.caption } };
    }
    case 'template':
      return {
        type: 'template',
        template: { name: part.name, language: { code: part.language }, components: [{ type: 'body', parameters: part.params.map((text) => ({ type: 'text', text })) }] },
      };
  }
}

// The part of whatsapp-web.js Qafila uses, as an interface: the real client and a test double both fit.
import type { EventEmitter } from 'node:events';
import path from 'node:path';

/** The fields of a whatsapp-web.js Message that are read. */
export interface WebMessage {
  id: { _serialized: string };
  from: string;
  fromMe: boolean;
  isStatus?: boolean;
  body: string;
  type: string;
  location?: { latitude: number | string; longitude: number | string };
  /** A voice note, a picture...: `downloadMedia()` gives its bytes. */
  hasMedia?: boolean;
  /** Seconds, for audio (the library gives a string). */
  duration?: string | number;
  downloadMedia?(): Promise<WebMedia | undefined>;
}

/** whatsapp-web.js' MessageMedia: the file as base64. */
export interface WebMedia {
  mimetype: string;
  data: string;
  filesize?: number | null;
}

export type WebContent =
  | string
  | { kind: 'location'; lat: number; lng: number; name: string; address?: string }
  | { kind: 'image'; png: Buffer; caption: string }
  /** An Ogg/Opus recording, shown as a voice note. */
  | { kind: 'voice'; audio: Buffer };

/**
 * The client's events are the library's: 'qr' (pairing code), 'ready', 'message' (a WebMessage),
 * 'disconnected' (reason), 'auth_failure'.
 */
export interface WebClient extends Pick<EventEmitter, 'on' | 'removeAllListeners'> {
  initialize(): Promise<void>;
  destroy(): Promise<void>;
  send(chatId: string, content: WebContent): Promise<string>;
}

/**
 * The real client: LocalAuth keeps the session on disk, puppeteer drives the system Chromium.
 * Loaded on demand, so nothing of puppeteer is read unless this channel is on.
 */
export async function createWhatsAppWebClient(options: { sessionDir: string; chromiumPath: string }): Promise<WebClient> {
  const wweb = await import('whatsapp-web.js');
  const { Client, LocalAuth, Location, MessageMedia } = wweb.default;
  const client = new Client({
    authStrategy: new LocalAuth({ dataPath: options.sessionDir }),
    // Beside the session, not in the working directory: one writable volume holds all of it.
    webVersionCache: { type: 'local', path: path.join(options.sessionDir, 'web-version-cache') },
    puppeteer: { executablePath: options.chromiumPath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] },
  });
  return Object.assign(client, {
    async send(chatId: string, content: WebContent): Promise<string> {
      const payload =
        typeof content === 'string'
          ? content
          : content.kind === 'location'
            ? new Location(content.lat, content.lng, { name: content.name, ...(content.address ? { address: content.address } : {}) })
            : content.kind === 'voice'
              ? new MessageMedia('audio/ogg; codecs=opus', content.audio.toString('base64'), 'prompt.ogg')
              : new MessageMedia('image/png', content.png.toString('base64'), 'code.png');
      const options = typeof content === 'string' ? {} : content.kind === 'image' ? { caption: content.caption } : content.kind === 'voice' ? { sendAudioAsVoice: true } : {};
      const sent = await client.sendMessage(chatId, payload, options);
      return sent.id._serialized;
    },
  });
}

// WhatsApp through whatsapp-web.js: one phone, for a small association. Unofficial: WhatsApp may ban
// the number; the Cloud API is the channel for anything larger. Menus are numbered text (its buttons
// are deprecated), the pairing QR goes to the terminal and the admin page, and a lost session reconnects.
import QRCode from 'qrcode';
import type { Logger } from 'pino';
import { persistentReceive } from '../receive-retry.ts';
import { withDeadline } from '../../runtime/retry.ts';
import { PermanentSendError, type ChannelAdapter, type ChannelCapabilities, type ParsedInbound } from '../channel.ts';
import type { Receive } from '../receive.ts';
import { fetchingVoice } from '../voice-fetch.ts';
import type { WebClient, WebMessage } from './whatsapp-web-client.ts';
import { webVoiceFetcher } from './whatsapp-web-voice.ts';

export const WHATSAPP_WEB_CAPABILITIES: ChannelCapabilities = {
  maxButtons: 0,
  maxButtonTitle: 0,
  maxListRows: 0,
  maxListRowTitle: 0,
  maxTextLength: 4096,
  location: true,
  contactRequest: false,
  images: true,
  templates: false,
};

const VOICE = new Set(['ptt', 'audio']);
const PICTURE = new Set(['image', 'sticker', 'video']);

/** A message from a person's own chat; groups, status updates and our own messages are not for us. */
export function parseWebMessage(m: WebMessage): ParsedInbound | undefined {
  if (m.fromMe || m.isStatus || !m.from.endsWith('@c.us')) return undefined;
  const digits = m.from.slice(0, -'@c.us'.length);
  const base = { channel: 'whatsapp_web' as const, from: m.from, providerId: m.id._serialized, ...(/^\d{6,16}$/.test(digits) ? { phone: `+${digits}` } : {}) };
  if (m.type === 'location' && m.location) return { ...base, location: { lat: Number(m.location.latitude), lng: Number(m.location.longitude) } };
  if (m.type === 'chat') return { ...base, text: m.body };
  if (VOICE.has(m.type)) return { ...base, media: 'voice', ...(m.hasMedia ? { voiceSource: { mediaId: m.id._serialized, ...durationOf(m) } } : {}) };
  return { ...base, media: PICTURE.has(m.type) ? 'image' : 'other' };
}

const durationOf = (m: WebMessage): { durationSeconds?: number } => {
  const seconds = Number(m.duration);
  return m.duration !== undefined && Number.isFinite(seconds) && seconds >= 0 ? { durationSeconds: seconds } : {};
};

export type WebSessionState = 'starting' | 'waiting_for_scan' | 'ready' | 'reconnecting';

/**
 * The pairing code links a phone as the association's number: drawn in the terminal only for
 * someone watching it ("auto": stderr is a terminal), never into logs a log collector keeps.
 */
export const printsQrInTerminal = (setting: 'auto' | 'on' | 'off', stderrIsTerminal: boolean): boolean => setting === 'on' || (setting === 'auto' && stderrIsTerminal);

export interface WhatsAppWebSession {
  adapter: ChannelAdapter;
  state(): WebSessionState;
  /** The latest pairing code, while the phone is not linked. */
  qr(): string | undefined;
  stop(): Promise<void>;
}

export interface WhatsAppWebOptions {
  client: WebClient;
  receive: Receive;
  logger: Logger;
  /** Back-off between reconnection attempts: 1 s, 2 s, 4 s... up to this. */
  maxBackoffMs?: number;
  firstBackoffMs?: number;
  /** Where the pairing QR is drawn for whoever starts the service; nowhere by default (see printsQrInTerminal). */
  printQr?: (terminalArt: string) => void;
  /** How long one send may take before it counts as failed and is tried again (default 30 s). */
  sendDeadlineMs?: number;
}

export function startWhatsAppWeb(options: WhatsAppWebOptions): WhatsAppWebSession {
  const { client, logger } = options;
  let state: WebSessionState = 'starting';
  let qr: string | undefined;
  let stopped = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;
  const first = options.firstBackoffMs ?? 1000;
  const max = options.maxBackoffMs ?? 60_000;
  const deadlineMs = options.sendDeadlineMs ?? 30_000;

  const connect = () => {
    client.initialize().catch((err: unknown) => {
      logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'whatsapp-web could not start');
      reconnect();
    });
  };
  const reconnect = () => {
    if (stopped || timer) return;
    state = 'reconnecting';
    const delay = Math.min(max, first * 2 ** attempt++);
    logger.info({ delayMs: delay }, 'whatsapp-web reconnecting');
    timer = setTimeout(() => {
      timer = undefined;
      void client.destroy().catch(() => undefined).finally(() => {
        if (!stopped) connect();
      });
    }, delay);
  };

  client.on('qr', (code: string) => {
    state = 'waiting_for_scan';
    qr = code;
    const print = options.printQr;
    if (print) void QRCode.toString(code, { type: 'terminal', small: true }).then(print, () => undefined);
  });
  client.on('ready', () => {
    state = 'ready';
    qr = undefined;
    attempt = 0;
    logger.info('whatsapp-web ready');
  });
  client.on('auth_failure', (message: string) => logger.error({ message }, 'whatsapp-web authentication failed: scan the code again'));
  client.on('disconnected', (reason: string) => {
    logger.warn({ reason }, 'whatsapp-web disconnected');
    reconnect();
  });
  // The phone hands each message over once: while the database is away it is held and tried again.
  const receive = persistentReceive(options.receive, { logger, stopped: () => stopped });
  client.on('message', (message: WebMessage) => {
    const inbound = parseWebMessage(message);
    if (!inbound) return;
    // A voice note's audio is taken from the phone now, before the message is handled.
    const take = inbound.voiceSource ? fetchingVoice(receive, webVoiceFetcher(message), logger) : receive;
    take(inbound).catch((err: unknown) => logger.error({ err: err instanceof Error ? err.message : String(err) }, 'whatsapp-web message failed'));
  });
  connect();

  const adapter: ChannelAdapter = {
    name: 'whatsapp_web',
    capabilities: WHATSAPP_WEB_CAPABILITIES,
    async send(to, part) {
      if (part.kind === 'template') throw new PermanentSendError('whatsapp-web.js sends no template messages');
      // Not linked yet, or reconnecting: the message waits on the queue and is tried again, like any
      // failed send; a browser that hangs must not hold the worker for ever either.
      if (state !== 'ready') throw new Error(`whatsapp-web is ${state}, not ready to send`);
      if (part.kind === 'text') return withDeadline(client.send(to, part.text), deadlineMs, 'whatsapp-web send');
      if (part.kind === 'location') return withDeadline(client.send(to, { kind: 'location', lat: part.lat, lng: part.lng, name: part.name, ...(part.address ? { address: part.address } : {}) }), deadlineMs, 'whatsapp-web send');
      const png = await QRCode.toBuffer(part.qr, { type: 'png', margin: 2, width: 360 });
      return withDeadline(client.send(to, { kind: 'image', png, caption: part.caption }), deadlineMs, 'whatsapp-web send');
    },
    // The phone sends the bytes each time: there is no id to keep.
    voice: {
      account: 'phone',
      async send(to, note) {
        if (state !== 'ready') throw new Error(`whatsapp-web is ${state}, not ready to send`);
        return { providerId: await withDeadline(client.send(to, { kind: 'voice', audio: await note.audio() }), deadlineMs, 'whatsapp-web send') };
      },
    },
  };
  return {
    adapter,
    state: () => state,
    qr: () => qr,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      client.removeAllListeners();
      await client.destroy().catch(() => undefined);
    },
  };
}

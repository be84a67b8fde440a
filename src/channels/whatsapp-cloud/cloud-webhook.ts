// WhatsApp Cloud API webhooks: the signature over the raw body, then each message and status read on
// its own, so a part Qafila does not know (a new field, a new status) never costs the others. Pure.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { ParsedInbound } from '../channel.ts';

/**
 * True when `header` ("sha256=<hex>") is the HMAC-SHA256 of the raw body with the app secret.
 *
 * @example verifyCloudSignature(Buffer.from(body), request.headers['x-hub-signature-256'], appSecret)
 */
export function verifyCloudSignature(rawBody: Buffer, header: string | string[] | undefined, appSecret: string): boolean {
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const WaId = z.string().regex(/^\d{6,16}$/);
const MetaError = z.object({ code: z.number().optional(), title: z.string().optional(), message: z.string().optional() });
const Media = z.object({ caption: z.string().optional() });
/** A voice note ("voice": true) or an audio file: its media id is fetched at once, before it expires. */
const Audio = z.object({ id: z.string().min(1), mime_type: z.string().optional() });

const Message = z.object({
  from: WaId,
  id: z.string().min(1),
  type: z.string(),
  /** Sent in a WhatsApp group: not one villager's chat. */
  group_id: z.string().optional(),
  text: z.object({ body: z.string() }).optional(),
  interactive: z
    .object({
      type: z.string(),
      button_reply: z.object({ id: z.string(), title: z.string().optional() }).optional(),
      list_reply: z.object({ id: z.string(), title: z.string().optional() }).optional(),
    })
    .optional(),
  button: z.object({ payload: z.string().optional(), text: z.string().optional() }).optional(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).optional(),
  image: Media.optional(),
  audio: Audio.optional(),
  video: Media.optional(),
  document: Media.optional(),
  system: z.object({ type: z.string().optional(), new_wa_id: z.string().optional() }).optional(),
  errors: z.array(MetaError).optional(),
});

const TRACKED_STATUSES = ['sent', 'delivered', 'read', 'failed'] as const;
const Status = z.object({
  id: z.string().min(1),
  status: z.string(),
  recipient_id: z.string().optional(),
  errors: z.array(MetaError).optional(),
});

/** Only the envelope is checked as a whole; its messages and statuses are read one by one. */
export const CloudWebhookSchema = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.object({
      changes: z.array(
        z.object({
          field: z.string(),
          value: z.object({ messages: z.array(z.unknown()).optional(), statuses: z.array(z.unknown()).optional(), errors: z.array(z.unknown()).optional() }),
        }),
      ),
    }),
  ),
});
export type CloudWebhook = z.infer<typeof CloudWebhookSchema>;

export interface DeliveryStatus {
  providerId: string;
  status: (typeof TRACKED_STATUSES)[number];
  error?: string;
}

export interface ParsedCloudWebhook {
  messages: ParsedInbound[];
  statuses: DeliveryStatus[];
  /** A villager moved to a new number (a system message): their chat moves with them. */
  numberChanges: Array<{ from: string; to: string }>;
  /** What Meta reported as errors (a rate limit, an unsupported message), to log with their codes. */
  metaErrors: Array<{ code: number | undefined; title: string; messageId?: string }>;
  /** What could not be read, named by its place in the payload (never its content), to log. */
  skipped: string[];
}

/** Messages that ask for no answer: a reaction (or its removal), an edit, a deletion, a notice from WhatsApp. */
const SILENT = new Set(['reaction', 'edit', 'edited', 'revoke', 'revoked', 'deleted', 'ephemeral', 'system']);
const describeErrors = (errors: Array<z.infer<typeof MetaError>> | undefined) =>
  (errors ?? []).map((e) => [e.code, e.title ?? e.message].filter((x) => x !== undefined).join(' ')).join('; ');

/** Messages for the conversation, delivery statuses for the message log, and what to log. */
export function parseCloudWebhook(payload: CloudWebhook): ParsedCloudWebhook {
  const out: ParsedCloudWebhook = { messages: [], statuses: [], numberChanges: [], metaErrors: [], skipped: [] };
  payload.entry.forEach((entry, e) =>
    entry.changes.forEach((change, c) => {
      const at = `entry[${e}].changes[${c}].value`;
      for (const raw of change.value.errors ?? []) {
        const err = MetaError.safeParse(raw);
        if (err.success) out.metaErrors.push({ code: err.data.code, title: err.data.title ?? err.data.message ?? '' });
      }
      (change.value.messages ?? []).forEach((raw, i) => {
        const m = Message.safeParse(raw);
        if (!m.success) return void out.skipped.push(`${at}.messages[${i}]: ${m.error.issues[0]?.path.join('.') ?? ''} ${m.error.issues[0]?.message ?? ''}`.trim());
        readMessage(m.data, out);
      });
      (change.value.statuses ?? []).forEach((raw, i) => {
        const s = Status.safeParse(raw);
        if (!s.success) return void out.skipped.push(`${at}.statuses[${i}]: ${s.error.issues[0]?.path.join('.') ?? ''} ${s.error.issues[0]?.message ?? ''}`.trim());
        // Others ("played" for a voice note, say) say nothing the message log keeps.
        const status = TRACKED_STATUSES.find((t) => t === s.data.status);
        const error = describeErrors(s.data.errors);
        if (status) out.statuses.push({ providerId: s.data.id, status, ...(error ? { error } : {}) });
      });
    }),
  );
  return out;
}

function readMessage(m: z.infer<typeof Message>, out: ParsedCloudWebhook): void {
  for (const err of m.errors ?? []) out.metaErrors.push({ code: err.code, title: err.title ?? err.message ?? '', messageId: m.id });
  if (m.type === 'system' && m.system?.type === 'user_changed_number' && m.system.new_wa_id && WaId.safeParse(m.system.new_wa_id).success) {
    out.numberChanges.push({ from: m.from, to: m.system.new_wa_id });
    return;
  }
  if (SILENT.has(m.type) || m.group_id !== undefined) return;
  const base = { channel: 'whatsapp' as const, from: m.from, phone: `+${m.from}`, providerId: m.id };
  const choice = m.interactive?.button_reply?.id ?? m.interactive?.list_reply?.id ?? m.button?.payload;
  // A picture sent with words: the words are read ("urgence nzif bzaf" under a photo of the wound).
  const caption = (m.image ?? m.video ?? m.document)?.caption?.trim();
  if (choice !== undefined) out.messages.push({ ...base, choice });
  else if (m.text) out.messages.push({ ...base, text: m.text.body });
  else if (caption) out.messages.push({ ...base, text: caption });
  else if (m.location) out.messages.push({ ...base, location: { lat: m.location.latitude, lng: m.location.longitude } });
  else if (m.type === 'audio' || m.type === 'voice') out.messages.push({ ...base, media: 'voice', ...(m.audio ? { voiceSource: { mediaId: m.audio.id, ...(m.audio.mime_type ? { mimeType: m.audio.mime_type } : {}) } } : {}) });
  else out.messages.push({ ...base, media: m.type === 'image' ? 'image' : 'other' });
}

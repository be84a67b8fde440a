// WhatsApp Cloud API webhooks: the signature over the raw body, then the payload as far as Qafila reads it. Pure.
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

const Message = z.object({
  from: z.string().regex(/^\d{6,16}$/),
  id: z.string().min(1),
  timestamp: z.string().optional(),
  type: z.string(),
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
});

const Status = z.object({
  id: z.string().min(1),
  status: z.enum(['sent', 'delivered', 'read', 'failed']),
  timestamp: z.string().optional(),
  recipient_id: z.string().optional(),
  errors: z.array(z.object({ code: z.number().optional(), title: z.string().optional(), message: z.string().optional() })).optional(),
});

export const CloudWebhookSchema = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.object({
      changes: z.array(
        z.object({
          field: z.string(),
          value: z.object({
            messages: z.array(Message).optional(),
            statuses: z.array(Status).optional(),
          }),
        }),
      ),
    }),
  ),
});
export type CloudWebhook = z.infer<typeof CloudWebhookSchema>;

export interface DeliveryStatus {
  providerId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  error?: string;
}

/** Messages for the conversation and delivery statuses for the message log. */
export function parseCloudWebhook(payload: CloudWebhook): { messages: ParsedInbound[]; statuses: DeliveryStatus[] } {
  const messages: ParsedInbound[] = [];
  const statuses: DeliveryStatus[] = [];
  for (const entry of payload.entry) {
    for (const change of entry.changes) {
      for (const m of change.value.messages ?? []) {
        const base = { channel: 'whatsapp' as const, from: m.from, phone: `+${m.from}`, providerId: m.id };
        const choice = m.interactive?.button_reply?.id ?? m.interactive?.list_reply?.id ?? m.button?.payload;
        if (choice !== undefined) messages.push({ ...base, choice });
        else if (m.text) messages.push({ ...base, text: m.text.body });
        else if (m.location) messages.push({ ...base, location: { lat: m.location.latitude, lng: m.location.longitude } });
        else messages.push({ ...base, media: m.type === 'audio' || m.type === 'voice' ? 'voice' : m.type === 'image' ? 'image' : 'other' });
      }
      for (const s of change.value.statuses ?? []) {
        const error = s.errors?.map((e) => [e.code, e.title ?? e.message].filter((x) => x !== undefined).join(' ')).join('; ');
        statuses.push({ providerId: s.id, status: s.status, ...(error ? { error } : {}) });
      }
    }
  }
  return { messages, statuses };
}

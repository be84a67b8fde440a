// /simulator: talk to the real engine as a villager from a browser, with no account anywhere.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import { handleInbound, type ConversationDeps } from '../conversation/index.ts';
import { markSent } from '../delivery/outbox.ts';
import { isValidConfirmationCode } from '../domain/appointments/confirmation-code.ts';
import { normalizePhone } from '../domain/contacts/phone.ts';

const PAGE = readFileSync(new URL('./simulator/simulator.html', import.meta.url), 'utf8');

/** The page's one inline script and style, allowed by their hashes rather than any inline code. */
const inlineHash = (tag: 'script' | 'style') => {
  const body = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(PAGE)?.[1] ?? '';
  return `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
};
const PAGE_POLICY = `default-src 'self'; script-src ${inlineHash('script')}; style-src ${inlineHash('style')}; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`;

const MessageSchema = z
  .object({
    from: z.string().min(1, 'give a phone number'),
    locale: z.enum(['ary', 'ary-Latn', 'ar', 'fr']).optional(),
    text: z.string().max(4000).optional(),
    choice: z.string().max(64).optional(),
    location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
  })
  .refine((m) => m.text !== undefined || m.choice !== undefined || m.location !== undefined, { message: 'give "text", "choice" or "location"' });

export function registerSimulatorRoutes(app: FastifyInstance, deps: { conversation: ConversationDeps }): void {
  app.get('/simulator', async (_request, reply) => reply.type('text/html; charset=utf-8').header('content-security-policy', PAGE_POLICY).send(PAGE));

  app.post('/simulator/api/messages', async (request, reply) => {
    const parsed = MessageSchema.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ') });
    const { from, locale, ...message } = parsed.data;
    const phone = normalizePhone(from);
    if (!phone.ok) return reply.code(400).send({ error: `phone number: ${phone.error}` });
    const handled = await handleInbound(deps.conversation, { channel: 'web', from: phone.e164, phone: phone.e164, ...(locale ? { localeHint: locale } : {}), ...message });
    // The page shows the replies at once: they are delivered.
    await markSent(deps.conversation.db, handled.replies.map((r) => r.outboxId), 'web');
    return { replies: handled.replies.map((r) => r.reply) };
  });

  app.get<{ Params: { code: string } }>('/simulator/api/qr/:code.png', async (request, reply) => {
    const code = request.params.code;
    if (!isValidConfirmationCode(code)) return reply.code(404).send({ error: 'not a confirmation code' });
    return reply.type('image/png').send(await QRCode.toBuffer(code, { type: 'png', margin: 2, width: 360 }));
  });
}

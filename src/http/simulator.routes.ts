// /simulator: talk to the real engine as a villager from a browser, with no account anywhere. A test
// tool: it takes any phone number, so it is served to this machine only unless SIMULATOR=on.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { z } from 'zod';
import { floodVerdict, type FloodGuard } from '../channels/flood-guard.ts';
import { MAX_REPLY_TEXT_LENGTH, shortenText } from '../channels/render.ts';
import { handleInbound, type ConversationDeps } from '../conversation/index.ts';
import { markSent } from '../delivery/outbox.ts';
import { isValidConfirmationCode } from '../domain/appointments/confirmation-code.ts';
import { normalizePhone } from '../domain/contacts/phone.ts';
import { LOCALES } from '../i18n/locales.ts';
import { isLocalRequest, type SimulatorAccess } from './simulator-access.ts';

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
    locale: z.enum(LOCALES).optional(),
    text: z.string().max(4000).optional(),
    choice: z.string().max(64).optional(),
    location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
  })
  .refine((m) => m.text !== undefined || m.choice !== undefined || m.location !== undefined, { message: 'give "text", "choice" or "location"' });

export interface SimulatorDeps {
  conversation: ConversationDeps;
  /** The channels' flood limit, counted per phone number typed in the page. */
  flood: FloodGuard;
  /** `loopback`: this machine only, anyone else gets 404 as for a page that does not exist. */
  access: Exclude<SimulatorAccess, 'off'>;
}

export function registerSimulatorRoutes(app: FastifyInstance, deps: SimulatorDeps): void {
  const onlyHere = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isLocalRequest(request.socket.remoteAddress, request.headers)) return reply.callNotFound();
  };
  const guard = deps.access === 'loopback' ? { onRequest: onlyHere } : {};

  app.get('/simulator', guard, async (_request, reply) => reply.type('text/html; charset=utf-8').header('content-security-policy', PAGE_POLICY).send(PAGE));

  app.post('/simulator/api/messages', guard, async (request, reply) => {
    const parsed = MessageSchema.safeParse(request.body);
    if (!parsed.success) return reply.code(400).send({ error: parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ') });
    const { from, locale, ...message } = parsed.data;
    const phone = normalizePhone(from);
    if (!phone.ok) return reply.code(400).send({ error: `phone number: ${phone.error}` });
    deps.conversation.metrics?.messageReceived('web');
    // Past the limit the page is told, politely, as a villager would be; an emergency still passes.
    if ((await floodVerdict(deps.flood, { channel: 'web', from: phone.e164, text: message.text })) !== 'ok') {
      return reply.code(429).header('retry-after', '60').send({ error: deps.conversation.t(locale ?? 'fr', 'common:tooFast') });
    }
    const handled = await handleInbound(deps.conversation, { channel: 'web', from: phone.e164, phone: phone.e164, ...(locale ? { localeHint: locale } : {}), ...message });
    // The page shows the replies at once: they are delivered, cut as a channel would cut them.
    await markSent(deps.conversation.db, handled.replies.map((r) => r.outboxId), 'web');
    const note = deps.conversation.t(locale ?? 'fr', 'common:shortened');
    return { replies: handled.replies.map(({ reply: r }) => ({ ...r, text: shortenText(r.text, MAX_REPLY_TEXT_LENGTH, note) })) };
  });

  app.get<{ Params: { code: string } }>('/simulator/api/qr/:code.png', guard, async (request, reply) => {
    const code = request.params.code;
    if (!isValidConfirmationCode(code)) return reply.code(404).send({ error: 'not a confirmation code' });
    return reply.type('image/png').send(await QRCode.toBuffer(code, { type: 'png', margin: 2, width: 360 }));
  });
}

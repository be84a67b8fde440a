// /admin/whatsapp-web: the pairing QR code and the session state, for whoever links the association's phone.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import type { WhatsAppWebSession } from '../channels/whatsapp-web/whatsapp-web.channel.ts';
import { sameSecret } from './telegram-webhook.routes.ts';

function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) return header.slice('Bearer '.length);
  const query = request.query as Record<string, unknown>;
  return typeof query.token === 'string' ? query.token : undefined;
}

export function registerWhatsAppWebAdmin(app: FastifyInstance, deps: { session: WhatsAppWebSession; adminToken: string }): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/admin/whatsapp-web')) return;
    if (!sameSecret(tokenOf(request), deps.adminToken)) await reply.code(401).send({ error: 'give the admin token as "Authorization: Bearer <token>" or ?token=' });
  });
  app.get('/admin/whatsapp-web', async (request, reply) => {
    const state = deps.session.state();
    const token = encodeURIComponent(tokenOf(request) ?? '');
    const body =
      state === 'waiting_for_scan'
        ? `<p>Scan this code with the association's phone: WhatsApp &gt; Linked devices &gt; Link a device.</p><img alt="pairing code" src="/admin/whatsapp-web/qr.png?token=${token}" width="300" height="300">`
        : `<p>State: <strong>${state}</strong></p>`;
    return reply.type('text/html; charset=utf-8').send(`<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>Qafila · WhatsApp</title><h1>WhatsApp (one phone)</h1>${body}`);
  });
  app.get('/admin/whatsapp-web/qr.png', async (_request, reply) => {
    const code = deps.session.qr();
    if (!code) return reply.code(404).send({ error: `no pairing code: the session is ${deps.session.state()}` });
    return reply.type('image/png').send(await QRCode.toBuffer(code, { type: 'png', margin: 2, width: 300 }));
  });
}

// /webhooks/whatsapp: Meta's verification handshake (GET) and signed webhooks (POST). The signature is
// checked over the raw bytes before anything is parsed or stored.
import type { FastifyInstance } from 'fastify';
import { CloudWebhookSchema, parseCloudWebhook, verifyCloudSignature } from '../channels/whatsapp-cloud/cloud-webhook.ts';
import type { Receive } from '../channels/receive.ts';
import type { StatusUpdate } from '../delivery/delivery-status.ts';
import { sameSecret } from './telegram-webhook.routes.ts';

export const WHATSAPP_WEBHOOK_PATH = '/webhooks/whatsapp';

export interface WhatsAppWebhookDeps {
  appSecret: string;
  verifyToken: string;
  receive: Receive;
  applyStatuses(updates: readonly StatusUpdate[]): Promise<unknown>;
  /** A villager's new number, from WhatsApp's system message. */
  changeNumber(change: { from: string; to: string }): Promise<unknown>;
}

export function registerWhatsAppWebhook(app: FastifyInstance, deps: WhatsAppWebhookDeps): void {
  void app.register(async (scope) => {
    // Raw bytes here: the HMAC is over the body exactly as Meta sent it.
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    scope.get<{ Querystring: Record<string, string | undefined> }>(WHATSAPP_WEBHOOK_PATH, async (request, reply) => {
      const q = request.query;
      if (q['hub.mode'] === 'subscribe' && sameSecret(q['hub.verify_token'], deps.verifyToken) && q['hub.challenge']) {
        return reply.type('text/plain').send(q['hub.challenge']);
      }
      return reply.code(403).send({ error: 'verification failed: wrong hub.verify_token or hub.mode' });
    });

    scope.post(WHATSAPP_WEBHOOK_PATH, async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      if (!verifyCloudSignature(raw, request.headers['x-hub-signature-256'], deps.appSecret)) {
        return reply.code(401).send({ error: 'missing or wrong X-Hub-Signature-256' });
      }
      // Signed, so it is Meta's: whatever Qafila cannot read is logged and answered 200, since an error
      // would only make Meta send the same body again for days.
      let json: unknown;
      try {
        json = JSON.parse(raw.toString('utf8'));
      } catch {
        request.log.warn('signed WhatsApp webhook is not JSON; skipped');
        return reply.send({ ok: true, skipped: 1 });
      }
      const parsed = CloudWebhookSchema.safeParse(json);
      if (!parsed.success) {
        request.log.warn({ issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`) }, 'signed WhatsApp webhook is not a WhatsApp Business one; skipped');
        return reply.send({ ok: true, skipped: 1 });
      }
      const { messages, statuses, numberChanges, metaErrors, skipped } = parseCloudWebhook(parsed.data);
      for (const problem of skipped) request.log.warn({ problem }, 'WhatsApp webhook part skipped');
      for (const err of metaErrors) request.log.warn({ code: err.code, title: err.title, ...(err.messageId ? { messageId: err.messageId } : {}) }, 'WhatsApp reported an error');
      for (const change of numberChanges) await deps.changeNumber(change);
      for (const message of messages) await deps.receive(message);
      if (statuses.length > 0) await deps.applyStatuses(statuses);
      return reply.send({ ok: true, ...(skipped.length > 0 ? { skipped: skipped.length } : {}) });
    });
  });
}

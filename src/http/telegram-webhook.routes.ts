// POST /webhooks/telegram: Telegram's updates, accepted only with the secret token set on setWebhook.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { parseTelegramUpdate, TelegramUpdateSchema } from '../channels/telegram/telegram-update.ts';
import type { Receive } from '../channels/receive.ts';
import type { TelegramChats } from '../channels/telegram/telegram-chats.ts';

export const TELEGRAM_WEBHOOK_PATH = '/webhooks/telegram';
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

export interface TelegramWebhookDeps {
  secretToken: string;
  receive: Receive;
  /** Groups and blocked chats: not handled as a villager's messages. */
  chats: TelegramChats;
  /** Stops the spinner on a pressed button; a failure there must not lose the message. */
  answerCallback(callbackQueryId: string): Promise<unknown>;
}

export function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function registerTelegramWebhook(app: FastifyInstance, deps: TelegramWebhookDeps): void {
  app.post(TELEGRAM_WEBHOOK_PATH, {
    // Checked before the body is even read: an unsigned request costs nothing and stores nothing.
    onRequest: async (request, reply) => {
      if (!sameSecret(request.headers[SECRET_HEADER], deps.secretToken)) await reply.code(401).send({ error: 'wrong or missing secret token' });
    },
    handler: async (request, reply) => {
      const parsed = TelegramUpdateSchema.safeParse(request.body);
      if (!parsed.success) return reply.code(400).send({ error: 'not a Telegram update', issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`) });
      const { inbound, callbackQueryId, groupChat, blocked } = parseTelegramUpdate(parsed.data);
      if (callbackQueryId) {
        deps.answerCallback(callbackQueryId).catch((err: unknown) => request.log.warn({ err: String(err) }, 'answerCallbackQuery failed'));
      }
      if (inbound) await deps.receive(inbound);
      if (groupChat) await deps.chats.answerGroup(groupChat);
      if (blocked) await deps.chats.setBlocked(blocked.chatId, blocked.blocked);
      return reply.send({ ok: true });
    },
  });
}

// Long polling for development: grammY's Bot fetches updates; they take the webhook's path from here on.
import { Bot } from 'grammy';
import type { Logger } from 'pino';
import type { Receive } from '../receive.ts';
import type { TelegramChats } from './telegram-chats.ts';
import { parseTelegramUpdate, TelegramUpdateSchema } from './telegram-update.ts';

export function startTelegramPolling(options: { token: string; apiRoot: string; receive: Receive; chats: TelegramChats; logger: Logger }): { stop(): Promise<void> } {
  const bot = new Bot(options.token, { client: { apiRoot: options.apiRoot } });
  bot.use(async (ctx) => {
    const parsed = TelegramUpdateSchema.safeParse(ctx.update);
    if (!parsed.success) return;
    const { inbound, callbackQueryId, groupChat, blocked } = parseTelegramUpdate(parsed.data);
    if (callbackQueryId) await ctx.answerCallbackQuery().catch(() => undefined);
    if (inbound) await options.receive(inbound);
    if (groupChat) await options.chats.answerGroup(groupChat);
    if (blocked) await options.chats.setBlocked(blocked.chatId, blocked.blocked);
  });
  bot.catch((err) => options.logger.error({ err: err.message }, 'telegram update failed'));
  void bot.start({ drop_pending_updates: false, onStart: (me) => options.logger.info({ bot: me.username }, 'telegram polling started') });
  return { stop: () => bot.stop() };
}

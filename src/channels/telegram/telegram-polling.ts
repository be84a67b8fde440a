// Long polling for development: grammY's Bot fetches updates; they take the webhook's path from here on.
import { Bot } from 'grammy';
import type { Logger } from 'pino';
import type { Receive } from '../receive.ts';
import type { AnswerGroup } from './telegram-groups.ts';
import { parseTelegramUpdate, TelegramUpdateSchema } from './telegram-update.ts';

export function startTelegramPolling(options: { token: string; apiRoot: string; receive: Receive; answerGroup: AnswerGroup; logger: Logger }): { stop(): Promise<void> } {
  const bot = new Bot(options.token, { client: { apiRoot: options.apiRoot } });
  bot.use(async (ctx) => {
    const parsed = TelegramUpdateSchema.safeParse(ctx.update);
    if (!parsed.success) return;
    const { inbound, callbackQueryId, groupChat } = parseTelegramUpdate(parsed.data);
    if (callbackQueryId) await ctx.answerCallbackQuery().catch(() => undefined);
    if (inbound) await options.receive(inbound);
    if (groupChat) await options.answerGroup(groupChat);
  });
  bot.catch((err) => options.logger.error({ err: err.message }, 'telegram update failed'));
  void bot.start({ drop_pending_updates: false, onStart: (me) => options.logger.info({ bot: me.username }, 'telegram polling started') });
  return { stop: () => bot.stop() };
}

// Long polling for development and small deployments: grammY's Bot fetches updates; they take the
// webhook's path from here on. Telegram confirms an update once the next batch is asked for, so a
// message the database cannot take yet is held (and retried) rather than confirmed and lost.
import { Bot, GrammyError } from 'grammy';
import type { Logger } from 'pino';
import { persistentReceive } from '../receive-retry.ts';
import type { Receive } from '../receive.ts';
import type { TelegramChats } from './telegram-chats.ts';
import { parseTelegramUpdate, TelegramUpdateSchema } from './telegram-update.ts';

export interface TelegramPollingOptions {
  token: string;
  apiRoot: string;
  receive: Receive;
  chats: TelegramChats;
  logger: Logger;
  /** Telegram refused the token (revoked, or wrong): polling cannot go on, the service should stop. */
  onFatal?: (message: string) => void;
  /** Wait before polling again when another process polls the same bot (409). */
  conflictRetryMs?: number;
}

export function startTelegramPolling(options: TelegramPollingOptions): { stop(): Promise<void> } {
  const { logger } = options;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const bot = new Bot(options.token, { client: { apiRoot: options.apiRoot } });
  const receive = persistentReceive(options.receive, { logger, stopped: () => stopped });
  bot.use(async (ctx) => {
    const parsed = TelegramUpdateSchema.safeParse(ctx.update);
    if (!parsed.success) return;
    const { inbound, callbackQueryId, groupChat, blocked } = parseTelegramUpdate(parsed.data);
    if (callbackQueryId) await ctx.answerCallbackQuery().catch(() => undefined);
    if (inbound) await receive(inbound);
    if (groupChat) await options.chats.answerGroup(groupChat);
    if (blocked) await options.chats.setBlocked(blocked.chatId, blocked.blocked);
  });
  bot.catch((err) => logger.error({ err: err.message }, 'telegram update failed'));

  const start = () => {
    bot.start({ drop_pending_updates: false, onStart: (me) => logger.info({ bot: me.username }, 'telegram polling started') }).catch((err: unknown) => {
      if (stopped) return;
      const code = err instanceof GrammyError ? err.error_code : undefined;
      if (code === 401 || code === 404) {
        const message = 'Telegram refused the bot token (revoked or wrong): set TELEGRAM_BOT_TOKEN to the token BotFather gives';
        logger.fatal({ code }, message);
        options.onFatal?.(message);
        return;
      }
      // 409: another process polls this bot, or a webhook is set. Say so, and try again later.
      const waitMs = options.conflictRetryMs ?? 30_000;
      logger.error({ code, err: err instanceof Error ? err.message : String(err), waitMs }, code === 409 ? 'another process is polling this Telegram bot, or a webhook is set (TELEGRAM_MODE=webhook?); polling again later' : 'telegram polling stopped; starting again later');
      retry = setTimeout(start, waitMs);
    });
  };
  start();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      if (bot.isRunning()) await bot.stop();
    },
  };
}

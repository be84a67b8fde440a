// The channels that send from any process (the API clients), built from the settings; whatsapp-web.js,
// bound to one browser session, is started by the service itself.
import type { ChannelAdapter } from '../channels/channel.ts';
import { createTelegramAdapter } from '../channels/telegram/telegram.channel.ts';
import { createWhatsAppCloudAdapter } from '../channels/whatsapp-cloud/whatsapp-cloud.channel.ts';
import type { Config } from '../config/config.schema.ts';
import { redisPacer, type ChatPacer } from '../delivery/chat-pacer.ts';
import type { TemplateFor } from '../delivery/deliver.ts';
import { bulkConcurrencyFor, claimGroupFor, replyConcurrencyFor } from '../delivery/outbound.worker.ts';
import type { RedisClient } from '../redis/redis-clients.ts';

export interface OutboundChannel {
  adapter: ChannelAdapter;
  pacer: ChatPacer;
  /** Replies in progress at once. */
  concurrency: number;
  bulkConcurrency: number;
  /** Rows a bulk job claims at once. */
  bulkClaimGroup: number;
  templates?: TemplateFor;
}

export function outboundChannels(config: Config, redis: RedisClient, prefix: string): { telegram?: OutboundChannel & { adapter: ReturnType<typeof createTelegramAdapter> }; whatsapp?: OutboundChannel } {
  const telegram = config.TELEGRAM_BOT_TOKEN
    ? {
        adapter: createTelegramAdapter({ token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT }),
        // A 6% margin: Telegram counts when requests arrive, and HTTPS to it varies by tens of milliseconds.
        pacer: redisPacer(redis, { prefix, perSecond: config.TELEGRAM_PER_SECOND, chatIntervalMs: config.TELEGRAM_CHAT_INTERVAL_MS, margin: 0.06 }),
        concurrency: replyConcurrencyFor(config.TELEGRAM_PER_SECOND, config.TELEGRAM_CHAT_INTERVAL_MS),
        bulkConcurrency: bulkConcurrencyFor(config.TELEGRAM_PER_SECOND),
        bulkClaimGroup: claimGroupFor(config.TELEGRAM_PER_SECOND),
      }
    : undefined;
  const templates = config.WHATSAPP_TEMPLATES ?? {};
  const whatsapp =
    config.WHATSAPP_ACCESS_TOKEN && config.WHATSAPP_PHONE_NUMBER_ID
      ? {
          adapter: createWhatsAppCloudAdapter({ accessToken: config.WHATSAPP_ACCESS_TOKEN, phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID, graphRoot: config.WHATSAPP_GRAPH_ROOT }),
          pacer: redisPacer(redis, { prefix, perSecond: config.WHATSAPP_PER_SECOND, chatIntervalMs: 0, margin: 0.06 }),
          concurrency: replyConcurrencyFor(config.WHATSAPP_PER_SECOND, 0),
          bulkConcurrency: bulkConcurrencyFor(config.WHATSAPP_PER_SECOND),
          bulkClaimGroup: claimGroupFor(config.WHATSAPP_PER_SECOND),
          templates: (locale: Parameters<TemplateFor>[0]) => templates[locale],
        }
      : undefined;
  return { ...(telegram ? { telegram } : {}), ...(whatsapp ? { whatsapp } : {}) };
}

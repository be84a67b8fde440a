// Composition root: reads the configuration once and starts what it enables.
import { Redis } from 'ioredis';
import { loadConfig } from './config/load-config.ts';
import { conversationDepsFromConfig } from './conversation/conversation-deps.ts';
import { createReceiver } from './channels/receive.ts';
import { redisFloodGuard } from './channels/flood-guard.ts';
import { createTelegramAdapter } from './channels/telegram/telegram.channel.ts';
import { startTelegramPolling } from './channels/telegram/telegram-polling.ts';
import { createWhatsAppCloudAdapter } from './channels/whatsapp-cloud/whatsapp-cloud.channel.ts';
import { applyDeliveryStatuses } from './delivery/delivery-status.ts';
import type { WhatsAppWebhookDeps } from './http/whatsapp-webhook.routes.ts';
import { createWhatsAppWebClient } from './channels/whatsapp-web/whatsapp-web-client.ts';
import { startWhatsAppWeb, type WhatsAppWebSession } from './channels/whatsapp-web/whatsapp-web.channel.ts';
import { createDatabase } from './db/connection.ts';
import { ensureDatabaseExists } from './db/ensure-database.ts';
import { prepareDatabase } from './db/prepare-database.ts';
import { redisPacer } from './delivery/chat-pacer.ts';
import { createOutboundQueues } from './delivery/outbound.queue.ts';
import { startOutboundWorker } from './delivery/outbound.worker.ts';
import { systemClock } from './domain/clock.ts';
import { buildServer } from './http/server.ts';
import { TELEGRAM_WEBHOOK_PATH, type TelegramWebhookDeps } from './http/telegram-webhook.routes.ts';
import { createLogger } from './logging/logger.ts';
import { describeFailure } from './cli/command-runner.ts';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  if (config.MIGRATE_ON_START) {
    await ensureDatabaseExists(config.DATABASE_URL);
  }
  const db = createDatabase({ connectionString: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE });
  if (config.MIGRATE_ON_START) {
    const prepared = await prepareDatabase(db);
    logger.info({ applied: prepared.applied, provinces: prepared.provinces }, 'database ready');
  }
  const redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  // BullMQ's workers block on Redis, so they need a connection that never gives up on a command.
  const connection = { url: config.REDIS_URL, maxRetriesPerRequest: null };
  const queues = createOutboundQueues({ connection, prefix: config.QUEUE_PREFIX });
  const conversation = conversationDepsFromConfig(db, config);
  const flood = redisFloodGuard(redis, { prefix: config.QUEUE_PREFIX, limit: config.FLOOD_LIMIT_PER_MINUTE, windowMs: 60_000 });
  const receive = createReceiver({ conversation, queues, flood });
  const closers: Array<() => Promise<unknown>> = [];

  let telegramWebhook: TelegramWebhookDeps | undefined;
  if (config.TELEGRAM_BOT_TOKEN) {
    const adapter = createTelegramAdapter({ token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT });
    const pacer = redisPacer(redis, { prefix: config.QUEUE_PREFIX, perSecond: config.TELEGRAM_PER_SECOND, chatIntervalMs: config.TELEGRAM_CHAT_INTERVAL_MS });
    const worker = startOutboundWorker({ db, adapter, pacer, connection, prefix: config.QUEUE_PREFIX, logger, queues });
    closers.push(() => worker.close());
    if (config.TELEGRAM_MODE === 'webhook' && config.TELEGRAM_WEBHOOK_SECRET) {
      const secretToken = config.TELEGRAM_WEBHOOK_SECRET;
      telegramWebhook = { secretToken, receive, answerCallback: (id) => adapter.api.answerCallbackQuery(id) };
      if (config.PUBLIC_BASE_URL) {
        await adapter.api.setWebhook(new URL(TELEGRAM_WEBHOOK_PATH, config.PUBLIC_BASE_URL).toString(), { secret_token: secretToken });
        logger.info('telegram webhook registered');
      }
    } else {
      const polling = startTelegramPolling({ token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, receive, logger });
      closers.push(() => polling.stop());
    }
  }

  let whatsappWebhook: WhatsAppWebhookDeps | undefined;
  if (config.WHATSAPP_ACCESS_TOKEN && config.WHATSAPP_PHONE_NUMBER_ID && config.WHATSAPP_APP_SECRET && config.WHATSAPP_VERIFY_TOKEN) {
    const adapter = createWhatsAppCloudAdapter({ accessToken: config.WHATSAPP_ACCESS_TOKEN, phoneNumberId: config.WHATSAPP_PHONE_NUMBER_ID, graphRoot: config.WHATSAPP_GRAPH_ROOT });
    const pacer = redisPacer(redis, { prefix: config.QUEUE_PREFIX, perSecond: config.WHATSAPP_PER_SECOND, chatIntervalMs: 0 });
    const templates = config.WHATSAPP_TEMPLATES ?? {};
    const worker = startOutboundWorker({ db, adapter, pacer, connection, prefix: config.QUEUE_PREFIX, logger, queues, templates: (locale) => templates[locale] });
    closers.push(() => worker.close());
    whatsappWebhook = {
      appSecret: config.WHATSAPP_APP_SECRET,
      verifyToken: config.WHATSAPP_VERIFY_TOKEN,
      receive,
      applyStatuses: (updates) => applyDeliveryStatuses(db, 'whatsapp', updates),
    };
  }

  let whatsappWeb: WhatsAppWebSession | undefined;
  if (config.WHATSAPP_WEB === 'on') {
    const client = await createWhatsAppWebClient({ sessionDir: config.WHATSAPP_WEB_SESSION_DIR, chromiumPath: config.CHROMIUM_PATH });
    whatsappWeb = startWhatsAppWeb({ client, receive, logger });
    const pacer = redisPacer(redis, { prefix: config.QUEUE_PREFIX, perSecond: config.WHATSAPP_WEB_PER_SECOND, chatIntervalMs: 1000 });
    const worker = startOutboundWorker({ db, adapter: whatsappWeb.adapter, pacer, connection, prefix: config.QUEUE_PREFIX, logger, queues });
    const session = whatsappWeb;
    closers.push(() => worker.close(), () => session.stop());
  }

  // Anyone can book through the simulator with any number: on a real deployment it stays off.
  const simulatorOn = config.SIMULATOR === 'on' || (config.SIMULATOR === 'auto' && !config.TELEGRAM_BOT_TOKEN && !whatsappWebhook && !whatsappWeb);
  const app = buildServer({
    db,
    redis,
    clock: systemClock,
    logger,
    timeZone: config.TIME_ZONE,
    ...(telegramWebhook ? { telegram: telegramWebhook } : {}),
    ...(whatsappWebhook ? { whatsapp: whatsappWebhook } : {}),
    ...(simulatorOn ? { simulator: { conversation } } : {}),
    ...(whatsappWeb && config.ADMIN_TOKEN ? { whatsappWeb: { session: whatsappWeb, adminToken: config.ADMIN_TOKEN } } : {}),
  });
  await app.listen({ port: config.PORT, host: config.HOST });
  if (simulatorOn) logger.info({ url: `http://localhost:${config.PORT}/simulator` }, 'web simulator ready');

  const stop = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await app.close();
    for (const close of closers) await close();
    await queues.close();
    redis.disconnect();
    await db.destroy();
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`Qafila could not start.\n${describeFailure(err)}\n`);
  process.exit(1);
});

// Composition root: reads the configuration once and starts what it enables.
import { loadConfig } from './config/load-config.ts';
import { conversationDepsFromConfig } from './conversation/conversation-deps.ts';
import { redisFloodGuard } from './channels/flood-guard.ts';
import { createReceiver } from './channels/receive.ts';
import { telegramVoiceFetcher } from './channels/telegram/telegram-voice.ts';
import { cloudVoiceFetcher } from './channels/whatsapp-cloud/cloud-voice.ts';
import { telegramChats } from './channels/telegram/telegram-chats.ts';
import { startTelegramPolling } from './channels/telegram/telegram-polling.ts';
import { createWhatsAppWebClient } from './channels/whatsapp-web/whatsapp-web-client.ts';
import { printsQrInTerminal, startWhatsAppWeb, type WhatsAppWebSession } from './channels/whatsapp-web/whatsapp-web.channel.ts';
import { sql } from 'kysely';
import { inTransaction } from './db/transaction.ts';
import { moveToNewNumber } from './domain/contacts/number-change.ts';
import { manageLifecycle, type Closer } from './runtime/lifecycle.ts';
import { migrateWhenAvailable, openDatabase, startRetries } from './runtime/database.ts';
import { untilAvailable } from './runtime/retry.ts';
import { redisPacer } from './delivery/chat-pacer.ts';
import { renderWordsIn } from './delivery/deliver.ts';
import { applyDeliveryStatuses } from './delivery/delivery-status.ts';
import { bulkConcurrencyFor, claimGroupFor, replyConcurrencyFor, startOutboundWorker } from './delivery/outbound.worker.ts';
import { systemClock } from './domain/clock.ts';
import { DEFAULT_AUTH_THROTTLE, redisAuthThrottle } from './http/auth-throttle.ts';
import { buildServer } from './http/server.ts';
import { CONSOLE_DIST } from './http/console/console-static.routes.ts';
import { simulatorAccess } from './http/simulator-access.ts';
import { TELEGRAM_WEBHOOK_PATH, type TelegramWebhookDeps } from './http/telegram-webhook.routes.ts';
import type { WhatsAppWebhookDeps } from './http/whatsapp-webhook.routes.ts';
import { createLogger } from './logging/logger.ts';
import { outboundChannels } from './runtime/outbound-channels.ts';
import { setUpQueues } from './runtime/queues-setup.ts';
import { serviceMetrics } from './runtime/service-metrics.ts';
import { startWorkers } from './runtime/workers.ts';
import { describeFailure } from './cli/command-runner.ts';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  // Closed in reverse order of starting: the HTTP server first (no new work), the database last.
  const closers: Closer[] = [];
  const shutdown = manageLifecycle({ logger, deadlineMs: config.SHUTDOWN_TIMEOUT_MS, closers });
  // A database that still starts (a fresh volume answers, then restarts) is waited for, not a failure.
  if (config.MIGRATE_ON_START) await migrateWhenAvailable(config, logger);
  const db = openDatabase(config, logger);
  closers.push({ name: 'database', close: () => db.destroy() });
  await untilAvailable('the database', () => sql`select 1`.execute(db), startRetries(logger));
  const setup = await setUpQueues(config, db, logger);
  closers.push({ name: 'queues', close: () => setup.close() });
  const { redis, connection, prefix, queues, timers } = setup;
  const channels = outboundChannels(config, redis, prefix);
  const channelNames = [...Object.values(channels).map((c) => c.adapter.name), ...(config.WHATSAPP_WEB === 'on' ? ['whatsapp_web'] : [])];
  const { metrics, close: closeMetrics } = serviceMetrics({ db, redis, prefix, channels: channelNames });
  const conversation = { ...conversationDepsFromConfig(db, config), metrics };
  const flood = redisFloodGuard(redis, { prefix, limit: config.FLOOD_LIMIT_PER_MINUTE, windowMs: 60_000 });
  const receiving = { conversation, queues, flood, timers, metrics, logger };
  const receive = createReceiver(receiving);
  const chats = telegramChats({ db, queues, t: conversation.t });
  closers.push({ name: 'metrics', close: closeMetrics });

  let telegramWebhook: TelegramWebhookDeps | undefined;
  if (config.TELEGRAM_BOT_TOKEN && channels.telegram) {
    const { api } = channels.telegram.adapter;
    // Voice notes are fetched from the Bot API as they arrive (see channels/voice-fetch.ts).
    const telegramReceive = createReceiver({ ...receiving, fetchVoice: telegramVoiceFetcher({ token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT }) });
    if (config.TELEGRAM_MODE === 'webhook' && config.TELEGRAM_WEBHOOK_SECRET) {
      const secretToken = config.TELEGRAM_WEBHOOK_SECRET;
      telegramWebhook = { secretToken, receive: telegramReceive, chats, answerCallback: (id) => api.answerCallbackQuery(id) };
      if (config.PUBLIC_BASE_URL) {
        await api.setWebhook(new URL(TELEGRAM_WEBHOOK_PATH, config.PUBLIC_BASE_URL).toString(), { secret_token: secretToken });
        logger.info('telegram webhook registered');
      }
    } else {
      const polling = startTelegramPolling({ token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, receive: telegramReceive, chats, logger, onFatal: () => void shutdown('telegram token refused', 1) });
      closers.push({ name: 'telegram polling', close: () => polling.stop() });
    }
  }

  let whatsappWebhook: WhatsAppWebhookDeps | undefined;
  if (channels.whatsapp && config.WHATSAPP_ACCESS_TOKEN && config.WHATSAPP_APP_SECRET && config.WHATSAPP_VERIFY_TOKEN) {
    whatsappWebhook = {
      appSecret: config.WHATSAPP_APP_SECRET,
      verifyToken: config.WHATSAPP_VERIFY_TOKEN,
      // Media ids and their URLs expire within minutes: a voice note is fetched while the webhook is answered.
      receive: createReceiver({ ...receiving, fetchVoice: cloudVoiceFetcher({ accessToken: config.WHATSAPP_ACCESS_TOKEN, graphRoot: config.WHATSAPP_GRAPH_ROOT }) }),
      applyStatuses: (updates) => applyDeliveryStatuses(db, 'whatsapp', updates),
      changeNumber: (change) => inTransaction(db, (trx) => moveToNewNumber(trx, { channel: 'whatsapp', ...change })),
    };
  }

  let whatsappWeb: WhatsAppWebSession | undefined;
  if (config.WHATSAPP_WEB === 'on') {
    // One browser session both receives and sends: its worker lives here, whatever WORKERS_IN_PROCESS says.
    const client = await createWhatsAppWebClient({ sessionDir: config.WHATSAPP_WEB_SESSION_DIR, chromiumPath: config.CHROMIUM_PATH });
    const printQr = printsQrInTerminal(config.WHATSAPP_WEB_QR_IN_TERMINAL, process.stderr.isTTY === true)
      ? (art: string) => void process.stderr.write(`Scan this code with the association's phone (WhatsApp > Linked devices):\n${art}\n`)
      : undefined;
    const session = startWhatsAppWeb({ client, receive, logger, ...(printQr ? { printQr } : {}) });
    const chatIntervalMs = 1000;
    const pacer = redisPacer(redis, { prefix, perSecond: config.WHATSAPP_WEB_PER_SECOND, chatIntervalMs });
    const worker = startOutboundWorker({ db, adapter: session.adapter, pacer, concurrency: replyConcurrencyFor(config.WHATSAPP_WEB_PER_SECOND, chatIntervalMs), bulkConcurrency: bulkConcurrencyFor(config.WHATSAPP_WEB_PER_SECOND), bulkClaimGroup: claimGroupFor(config.WHATSAPP_WEB_PER_SECOND), connection, prefix, logger, queues, renderWords: renderWordsIn(conversation.t), onError: setup.redisError, metrics });
    closers.push({ name: 'whatsapp-web session', close: () => session.stop() }, { name: 'whatsapp-web worker', close: () => worker.close() });
    whatsappWeb = session;
  }

  if (config.WORKERS_IN_PROCESS) {
    const workers = startWorkers({
      db, redis, connection, prefix, queues, timers, pages: setup.pages, fire: setup.fire, logger,
      channels: [channels.telegram, channels.whatsapp].filter((c) => c !== undefined),
      reconcileEveryMs: config.RECONCILE_EVERY_MS,
      onError: setup.redisError,
      broadcastPageSize: config.BROADCAST_PAGE_SIZE,
      retention: setup.retention,
      metrics,
    });
    closers.push({ name: 'workers', close: () => workers.close() });
  }

  // Anyone can book through the simulator with any number: this machine only unless SIMULATOR=on, and
  // off on a deployment that talks to real villagers.
  const simulator = simulatorAccess(config.SIMULATOR, { channelConfigured: Boolean(config.TELEGRAM_BOT_TOKEN || whatsappWebhook || whatsappWeb) });
  const app = buildServer({
    db,
    redis,
    clock: systemClock,
    logger,
    timeZone: config.TIME_ZONE,
    console: { root: CONSOLE_DIST },
    timers,
    quietHours: config.QUIET_HOURS,
    broadcastPages: setup.pages,
    inbox: { t: conversation.t, outbound: queues, ...(channels.whatsapp?.templates ? { templates: channels.whatsapp.templates } : {}) },
    authThrottle: redisAuthThrottle(redis, { prefix, ...DEFAULT_AUTH_THROTTLE }),
    booking: conversation.booking,
    insecureCookie: config.CONSOLE_INSECURE_COOKIE === 'on',
    adminRateLimit: { perStaffPerMinute: config.ADMIN_RATE_PER_MINUTE, perAddressPerMinute: config.ADMIN_RATE_PER_ADDRESS_PER_MINUTE, redis, prefix },
    ...(telegramWebhook ? { telegram: telegramWebhook } : {}),
    ...(whatsappWebhook ? { whatsapp: whatsappWebhook } : {}),
    ...(simulator !== 'off' ? { simulator: { conversation, flood, access: simulator } } : {}),
    ...(config.METRICS_TOKEN ? { metrics: { page: metrics, token: config.METRICS_TOKEN } } : {}),
    ...(whatsappWeb && config.ADMIN_TOKEN ? { whatsappWeb: { session: whatsappWeb, adminToken: config.ADMIN_TOKEN, secureCookie: config.PUBLIC_BASE_URL !== undefined } } : {}),
  });
  closers.push({ name: 'http server', close: () => app.close() });
  await app.listen({ port: config.PORT, host: config.HOST });
  if (simulator !== 'off') logger.info({ url: `http://localhost:${config.PORT}/simulator`, servedTo: simulator === 'loopback' ? 'this machine only' : 'every address' }, 'web simulator ready');
  logger.info({ port: config.PORT }, 'qafila started');
}

main().catch((err: unknown) => {
  process.stderr.write(`Qafila could not start.\n${describeFailure(err)}\n`);
  process.exit(1);
});

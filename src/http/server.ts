// The HTTP server: health, the public read API and the channels' webhooks.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.ts';
import type { Clock } from '../domain/clock.ts';
import type { Logger } from '../logging/logger.ts';
import { registerCampaignRoutes } from './campaigns.routes.ts';
import { registerHealthRoutes, type Pingable } from './health.routes.ts';
import { registerTelegramWebhook, type TelegramWebhookDeps } from './telegram-webhook.routes.ts';
import { registerWhatsAppWebhook, type WhatsAppWebhookDeps } from './whatsapp-webhook.routes.ts';
import { registerSimulatorRoutes } from './simulator.routes.ts';
import { registerWhatsAppWebAdmin } from './whatsapp-web-admin.routes.ts';
import { registerAdminApi } from './admin-api.routes.ts';
import type { WhatsAppWebSession } from '../channels/whatsapp-web/whatsapp-web.channel.ts';
import type { ConversationDeps } from '../conversation/index.ts';
import type { NotificationTimers } from '../scheduling/notification.queue.ts';
import type { QuietHours } from '../scheduling/quiet-hours.ts';
import type { BroadcastPages } from '../scheduling/broadcast.queue.ts';

export interface HttpDeps {
  db: Db;
  redis: Pingable;
  clock: Clock;
  logger: Logger;
  timeZone: string;
  /** Timers of the notifications staff create (check-ins); optional. */
  timers?: NotificationTimers;
  quietHours?: QuietHours;
  broadcastPages?: BroadcastPages;
  /** Present when Telegram runs in webhook mode. */
  telegram?: TelegramWebhookDeps;
  /** Present when the WhatsApp Cloud API is configured. */
  whatsapp?: WhatsAppWebhookDeps;
  /** Present when the web simulator is on (by default when no channel is configured). */
  simulator?: { conversation: ConversationDeps };
  /** Present when whatsapp-web.js runs and ADMIN_TOKEN is set: the pairing page. */
  whatsappWeb?: { session: WhatsAppWebSession; adminToken: string; secureCookie?: boolean };
}

export function buildServer(deps: HttpDeps): FastifyInstance {
  // pino's Logger has a few more members than fastify's logger type asks for; it is the same object.
  const logger: FastifyBaseLogger = deps.logger;
  const app = Fastify({ loggerInstance: logger, bodyLimit: 1024 * 1024 });
  registerHealthRoutes(app, deps);
  registerCampaignRoutes(app, deps);
  registerAdminApi(app, deps);
  if (deps.telegram) registerTelegramWebhook(app, deps.telegram);
  if (deps.whatsapp) registerWhatsAppWebhook(app, deps.whatsapp);
  if (deps.simulator) registerSimulatorRoutes(app, deps.simulator);
  if (deps.whatsappWeb) registerWhatsAppWebAdmin(app, { ...deps.whatsappWeb, clock: deps.clock, secureCookie: deps.whatsappWeb.secureCookie ?? false });
  return app;
}

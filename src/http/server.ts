// The HTTP server: health, the public read API, the admin API, the console's sign-in, the channels' webhooks and the metrics.
import helmet from '@fastify/helmet';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Db } from '../db/connection.ts';
import type { Clock } from '../domain/clock.ts';
import type { Logger } from '../logging/logger.ts';
import { registerCampaignRoutes } from './campaigns.routes.ts';
import { answerFailures } from './failure-answers.ts';
import { registerHealthRoutes, type Pingable } from './health.routes.ts';
import { registerMetricsRoute, type MetricsPage } from './metrics.routes.ts';
import { registerTelegramWebhook, type TelegramWebhookDeps } from './telegram-webhook.routes.ts';
import { registerWhatsAppWebhook, type WhatsAppWebhookDeps } from './whatsapp-webhook.routes.ts';
import { registerSimulatorRoutes, type SimulatorDeps } from './simulator.routes.ts';
import { registerWhatsAppWebAdmin } from './whatsapp-web-admin.routes.ts';
import { registerAdminApi } from './admin/admin-api.routes.ts';
import { registerConsoleStatic, type ConsoleStaticDeps } from './console/console-static.routes.ts';
import { registerConsoleApi } from './console/console-api.ts';
import type { AdminRateLimit } from './admin/admin-rate-limit.ts';
import type { LiveCapacityTimings } from './admin/capacity.routes.ts';
import type { InboxDeps } from './admin/inbox.routes.ts';
import { DEFAULT_BOOKING_DEPS, type BookingDeps } from '../domain/appointments/booking.ts';
import { DEFAULT_AUTH_THROTTLE, memoryAuthThrottle, type AuthThrottle } from './auth-throttle.ts';
import type { WhatsAppWebSession } from '../channels/whatsapp-web/whatsapp-web.channel.ts';
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
  /** Wrong tokens per address (admin API, pairing page); this process alone when not given. */
  authThrottle?: AuthThrottle;
  /** Confirmation codes and the per-family cap; the defaults when absent. */
  booking?: BookingDeps;
  /** Requests per minute on the admin API, per address and per staff member. */
  adminRateLimit?: AdminRateLimit;
  /** How often live capacity streams read the figures and ping (tests shorten them). */
  liveCapacity?: LiveCapacityTimings;
  /** The inbox's translator, templates and queues; a translator of its own and the sweep when absent. */
  inbox?: InboxDeps;
  /** Present when Telegram runs in webhook mode. */
  telegram?: TelegramWebhookDeps;
  /** Present when the WhatsApp Cloud API is configured. */
  whatsapp?: WhatsAppWebhookDeps;
  /** Present when the web simulator is on (by default, for this machine only, when no channel is configured). */
  simulator?: SimulatorDeps;
  /** Present when whatsapp-web.js runs and ADMIN_TOKEN is set: the pairing page. */
  whatsappWeb?: { session: WhatsAppWebSession; adminToken: string; secureCookie?: boolean };
  /** The console's session cookie without Secure, for plain http on this machine (CONSOLE_INSECURE_COOKIE=on). */
  insecureCookie?: boolean;
  /** Present when METRICS_TOKEN is set: GET /metrics, for its holder and the platform admin. */
  metrics?: { page: MetricsPage; token: string };
  /** Present when the web console is served (npm start): its built files at /console/. */
  console?: ConsoleStaticDeps;
}

export function buildServer(deps: HttpDeps): FastifyInstance {
  // pino's Logger has a few more members than fastify's logger type asks for; it is the same object.
  const logger: FastifyBaseLogger = deps.logger;
  const app = Fastify({ loggerInstance: logger, bodyLimit: 1024 * 1024 });
  // Every answer: HTTPS only for a year, no sniffing, no framing by another site, no referrer.
  void app.register(helmet, {
    // Pages load only what this server serves, and no inline script (the simulator lists its own by hash);
    // the console's scripts, styles and API calls are files and routes of this server. WebAssembly may be
    // compiled (the desk's QR decoder, a file of this server), never JavaScript from a string.
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'", "'wasm-unsafe-eval'"], styleSrc: ["'self'"], connectSrc: ["'self'"], objectSrc: ["'none'"], baseUri: ["'none'"], formAction: ["'self'"], frameAncestors: ["'none'"] } },
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
  });
  answerFailures(app);
  const authThrottle = deps.authThrottle ?? memoryAuthThrottle(DEFAULT_AUTH_THROTTLE, () => deps.clock.now().getTime());
  registerHealthRoutes(app, deps);
  registerCampaignRoutes(app, deps);
  registerAdminApi(app, { ...deps, authThrottle, booking: deps.booking ?? DEFAULT_BOOKING_DEPS, ...(deps.adminRateLimit ? { rateLimit: deps.adminRateLimit } : {}) });
  registerConsoleApi(app, { db: deps.db, clock: deps.clock, authThrottle, secureCookie: deps.insecureCookie !== true, ...(deps.adminRateLimit ? { rateLimit: deps.adminRateLimit } : {}) });
  if (deps.telegram) registerTelegramWebhook(app, deps.telegram);
  if (deps.whatsapp) registerWhatsAppWebhook(app, deps.whatsapp);
  if (deps.simulator) registerSimulatorRoutes(app, deps.simulator);
  if (deps.metrics) registerMetricsRoute(app, { db: deps.db, metrics: deps.metrics.page, token: deps.metrics.token, authThrottle });
  if (deps.whatsappWeb) registerWhatsAppWebAdmin(app, { ...deps.whatsappWeb, clock: deps.clock, secureCookie: deps.whatsappWeb.secureCookie ?? false, authThrottle });
  if (deps.console) registerConsoleStatic(app, deps.console);
  return app;
}

// The service's settings: one zod schema, parsed once at boot, frozen and passed in.
import { z } from 'zod';
import { DEFAULT_MAX_BOOKINGS_PER_CONTACT } from '../domain/appointments/family-limit.ts';
import { LOCALES } from '../i18n/locales.ts';
import { MIN_OPEN_MINUTES, openMinutes } from '../scheduling/quiet-hours.ts';
import { BROADCAST_PAGE } from '../scheduling/broadcast-segments.ts';
import { DEFAULT_RETENTION_DAYS } from '../retention/retention-policy.ts';
import { DEFAULT_TIMER_HORIZON_HOURS } from '../scheduling/timer-horizon.ts';
import { WorkerLanesSchema } from '../runtime/worker-lanes.ts';

const url = (protocols: readonly string[]) =>
  z.url({ protocol: new RegExp(`^(${protocols.join('|')})$`) });

/** What every command needs: the database, the campaigns' time zone, logging and the safety numbers. */
export const DatabaseConfigSchema = z.object({
  DATABASE_URL: url(['postgres', 'postgresql']),
  TIME_ZONE: z
    .string()
    .default('Africa/Casablanca')
    .refine((zone) => isKnownTimeZone(zone), { message: 'is not an IANA time zone' }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // A process runs up to ~16 firing notifications, 8 replies and the bulk slots at once, each holding a
  // connection for its transaction: with fewer, they queue for connections rather than for work.
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(30),
  /** The longest one statement may run; a stuck query fails instead of holding a connection. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(30_000),
  /** Safety numbers given in every emergency reply; check them before each release. */
  EMERGENCY_SAMU: z.string().regex(/^\d{2,4}$/, 'expected a short phone number like 141').default('141'),
  EMERGENCY_CIVIL_PROTECTION: z.string().regex(/^\d{2,4}$/, 'expected a short phone number like 15').default('15'),
  /** Days delivered messages, fired notifications, the audit log and silent conversations are kept. */
  RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(DEFAULT_RETENTION_DAYS),
  /** The most places one contact (one phone: a family) may hold in one campaign, all services together. */
  MAX_BOOKINGS_PER_CONTACT: z.coerce.number().int().min(1).max(100).default(DEFAULT_MAX_BOOKINGS_PER_CONTACT),
  /** Local hours when nothing unasked is sent ("21:00-08:00"); equal ends turn them off. */
  QUIET_HOURS: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM-HH:MM, like 21:00-08:00')
    .default('21:00-08:00')
    .transform((v) => {
      const [from = '21:00', until = '08:00'] = v.split('-');
      return { from, until };
    })
    .refine((quiet) => openMinutes(quiet) >= MIN_OPEN_MINUTES, `quiet hours must leave at least ${MIN_OPEN_MINUTES / 60} hours a day to send in`),
});

/** "host:port,host:port": the host a name, an IPv4 address or an IPv6 one in brackets. */
const clusterNodes = z
  .string()
  .transform((text) => text.split(',').map((node) => node.trim()))
  .pipe(
    z.array(
      z
        .string()
        .regex(/^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):\d{1,5}$/, 'expected host:port entries separated by commas, like redis-1:7000,redis-2:7001')
        .transform((node) => {
          const at = node.lastIndexOf(':');
          return { host: node.slice(0, at).replace(/^\[(.*)\]$/, '$1'), port: Number(node.slice(at + 1)) };
        })
        .refine((node) => node.port >= 1 && node.port <= 65535, 'a port is between 1 and 65535'),
    ),
  );

const port = z.coerce.number().int().min(1).max(65535).default(3000);
/** The address Telegram and Meta reach this server at (https://...), for registering webhooks. */
const publicBaseUrl = url(['https']).optional();

/** `npm run staff`: the database, and the address the console's one-time links point to. */
export const StaffCommandConfigSchema = DatabaseConfigSchema.extend({ PORT: port, PUBLIC_BASE_URL: publicBaseUrl });

/** The whole service: database plus Redis and the HTTP server. */
export const ConfigSchema = DatabaseConfigSchema.extend({
  /** One Redis server; or REDIS_CLUSTER_NODES for a Redis Cluster, never both. */
  REDIS_URL: url(['redis', 'rediss']).optional(),
  /** Some nodes of a Redis Cluster ("host:port,host:port"); the client finds the others from them. */
  REDIS_CLUSTER_NODES: clusterNodes.optional(),
  PORT: port,
  HOST: z.string().min(1).default('0.0.0.0'),
  MIGRATE_ON_START: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Prefix of every BullMQ key, so several deployments can share one Redis. */
  QUEUE_PREFIX: z.string().regex(/^[a-z0-9_-]+$/, 'use lowercase letters, digits, - and _').default('qafila'),
  PUBLIC_BASE_URL: publicBaseUrl,
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[\w-]{20,}$/, 'expected the token BotFather gave, like 123456:ABC-DEF...').optional(),
  /** webhook in production (needs TELEGRAM_WEBHOOK_SECRET), polling for development. */
  TELEGRAM_MODE: z.enum(['webhook', 'polling']).default('polling'),
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, 'use 16 to 256 letters, digits, _ or -').optional(),
  TELEGRAM_API_ROOT: url(['https', 'http']).default('https://api.telegram.org'),
  TELEGRAM_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(30),
  TELEGRAM_CHAT_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** WhatsApp Cloud API (Meta): all four together, or none. */
  WHATSAPP_ACCESS_TOKEN: z.string().min(20).optional(),
  WHATSAPP_PHONE_NUMBER_ID: z.string().regex(/^\d{5,20}$/, 'expected the numeric phone number id from Meta').optional(),
  WHATSAPP_APP_SECRET: z.string().min(16).optional(),
  WHATSAPP_VERIFY_TOKEN: z.string().min(16).optional(),
  WHATSAPP_GRAPH_ROOT: url(['https', 'http']).default('https://graph.facebook.com/v21.0'),
  WHATSAPP_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(80),
  /**
   * Approved templates for messages sent after 24 hours of silence, per locale, as JSON:
   * {"ary": {"name": "qafila_notice", "language": "ar"}, "fr": {"name": "qafila_notice", "language": "fr"}}
   */
  WHATSAPP_TEMPLATES: z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(z.partialRecord(z.enum(LOCALES), z.object({ name: z.string().regex(/^[a-z0-9_]+$/, 'template names are lowercase letters, digits and _'), language: z.string().regex(/^[a-z]{2}(_[A-Z]{2})?$/, 'a WhatsApp language code like fr or ar') }).strict()))
    .optional(),
  /** whatsapp-web.js: one phone linked by a QR code (unofficial; see the README before turning it on). */
  WHATSAPP_WEB: z.enum(['on', 'off']).default('off'),
  WHATSAPP_WEB_SESSION_DIR: z.string().min(1).default('.wwebjs_auth'),
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  WHATSAPP_WEB_PER_SECOND: z.coerce.number().int().min(1).max(50).default(5),
  /** The pairing QR in the terminal: "auto" only when the service runs in one, never into collected logs. */
  WHATSAPP_WEB_QR_IN_TERMINAL: z.enum(['auto', 'on', 'off']).default('auto'),
  /** Protects the admin pages (the WhatsApp pairing code); without it they are not served. */
  ADMIN_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  /** `npm start` also runs the queues' workers; set false when separate `npm run worker` processes do. */
  WORKERS_IN_PROCESS: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** What `npm run worker` takes: all, replies (answers to villagers only) or bulk (the rest). */
  WORKER_LANES: WorkerLanesSchema.default('all'),
  /** Recipients written per broadcast page (one transaction, one job). */
  BROADCAST_PAGE_SIZE: z.coerce.number().int().min(10).max(10_000).default(BROADCAST_PAGE),
  RECONCILE_EVERY_MS: z.coerce.number().int().min(10_000).max(3_600_000).default(300_000),
  /** Notification timers wait in Redis only for what is due within this many hours; the reconciler adds the rest in time. */
  TIMER_HORIZON_HOURS: z.coerce.number().int().min(2).max(2160).default(DEFAULT_TIMER_HORIZON_HOURS),
  /** Messages a person may send per minute; past it they are told once and ignored until the minute ends. */
  FLOOD_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  /** How long SIGTERM may take to finish the work in hand before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(10_000),
  /** Requests a minute to the admin API per staff member, and per address whatever the token. */
  ADMIN_RATE_PER_MINUTE: z.coerce.number().int().min(10).max(100_000).default(600),
  ADMIN_RATE_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(10).max(1_000_000).default(3000),
  /** "on" drops Secure from the console's session cookie: only for plain http (http://localhost) on this machine. */
  CONSOLE_INSECURE_COOKIE: z.enum(['on', 'off']).default('off'),
  /** The web simulator at /simulator: "auto" serves it only when no messaging channel is configured. */
  SIMULATOR: z.enum(['auto', 'on', 'off']).default('auto'),
  /** Prometheus' bearer token for GET /metrics; without it the route is not served. */
  METRICS_TOKEN: z.string().regex(/^[\x21-\x7e]{16,256}$/, 'use 16 to 256 printable characters, no spaces').optional(),
  /** `npm run worker` serves its own /metrics on this port; it has no HTTP server otherwise. */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
})
  // Said with the other problems, even when some setting does not parse: only presence is checked here.
  .superRefine((c, ctx) => {
    if (c.REDIS_URL === undefined && c.REDIS_CLUSTER_NODES === undefined) {
      ctx.addIssue({ code: 'custom', path: ['REDIS_URL'], message: 'is missing (or REDIS_CLUSTER_NODES, for a Redis Cluster)' });
    }
    if (c.REDIS_URL !== undefined && c.REDIS_CLUSTER_NODES !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['REDIS_CLUSTER_NODES'], message: 'set either REDIS_URL (one Redis server) or REDIS_CLUSTER_NODES (a Redis Cluster), not both' });
    }
  }, { when: () => true })
  .superRefine((c, ctx) => {
  const whatsapp = ['WHATSAPP_ACCESS_TOKEN', 'WHATSAPP_PHONE_NUMBER_ID', 'WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN'] as const;
  const given = whatsapp.filter((k) => c[k] !== undefined);
  if (given.length > 0 && given.length < whatsapp.length) {
    for (const k of whatsapp) if (c[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: `is required with ${given.join(', ')}` });
  }
  if (c.METRICS_PORT !== undefined && !c.METRICS_TOKEN) {
    ctx.addIssue({ code: 'custom', path: ['METRICS_TOKEN'], message: 'is required with METRICS_PORT: the metrics are served to its holder only' });
  }
  if (c.TELEGRAM_BOT_TOKEN && c.TELEGRAM_MODE === 'webhook' && !c.TELEGRAM_WEBHOOK_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['TELEGRAM_WEBHOOK_SECRET'], message: 'is required when TELEGRAM_MODE=webhook' });
  }
});

export type DatabaseConfig = Readonly<z.infer<typeof DatabaseConfigSchema>>;
export type StaffCommandConfig = Readonly<z.infer<typeof StaffCommandConfigSchema>>;
export type Config = Readonly<z.infer<typeof ConfigSchema>>;

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

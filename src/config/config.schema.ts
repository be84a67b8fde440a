// The service's settings: one zod schema, parsed once at boot, frozen and passed in.
import { z } from 'zod';

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
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Safety numbers given in every emergency reply; check them before each release. */
  EMERGENCY_SAMU: z.string().regex(/^\d{2,4}$/, 'expected a short phone number like 141').default('141'),
  EMERGENCY_CIVIL_PROTECTION: z.string().regex(/^\d{2,4}$/, 'expected a short phone number like 15').default('15'),
});

/** The whole service: database plus Redis and the HTTP server. */
export const ConfigSchema = DatabaseConfigSchema.extend({
  REDIS_URL: url(['redis', 'rediss']),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  MIGRATE_ON_START: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export type DatabaseConfig = Readonly<z.infer<typeof DatabaseConfigSchema>>;
export type Config = Readonly<z.infer<typeof ConfigSchema>>;

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

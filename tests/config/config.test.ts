// Start-up refuses a bad environment with a message that names the variable.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadDatabaseConfig } from '../../src/config/index.ts';

const good = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/qafila', REDIS_URL: 'redis://127.0.0.1:6379' };

const REDIS_MISSING = 'REDIS_URL: is missing (or REDIS_CLUSTER_NODES, for a Redis Cluster)';

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return [...err.problems];
    throw err;
  }
  return [];
}

describe('configuration', () => {
  it('fills in the defaults: port 3000, Africa/Casablanca, migrate on start', () => {
    const config = loadConfig(good);
    expect(config).toMatchObject({ PORT: 3000, TIME_ZONE: 'Africa/Casablanca', MIGRATE_ON_START: true, LOG_LEVEL: 'info' });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names a missing DATABASE_URL and REDIS_URL', () => {
    expect(problemsOf({})).toEqual(['DATABASE_URL is missing', REDIS_MISSING]);
  });

  it('treats an empty value as missing rather than as zero', () => {
    expect(problemsOf({ ...good, REDIS_URL: '' })).toEqual([REDIS_MISSING]);
  });

  it('refuses a port out of range, a database URL of the wrong kind and an unknown time zone', () => {
    const problems = problemsOf({ ...good, PORT: '70000', DATABASE_URL: 'mysql://localhost/qafila', TIME_ZONE: 'Africa/Atlantis' });
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.startsWith('PORT:'))).toBeDefined();
    expect(problems.find((p) => p.startsWith('DATABASE_URL:'))).toBeDefined();
    expect(problems).toContain('TIME_ZONE: is not an IANA time zone');
  });

  it('lets database-only commands run without REDIS_URL', () => {
    expect(loadDatabaseConfig({ DATABASE_URL: good.DATABASE_URL }).DATABASE_URL).toBe(good.DATABASE_URL);
  });

  it('lets one phone hold six places per campaign unless MAX_BOOKINGS_PER_CONTACT says otherwise, and at least one', () => {
    expect(loadConfig(good).MAX_BOOKINGS_PER_CONTACT).toBe(6);
    expect(loadDatabaseConfig({ ...good, MAX_BOOKINGS_PER_CONTACT: '10' }).MAX_BOOKINGS_PER_CONTACT).toBe(10);
    expect(problemsOf({ ...good, MAX_BOOKINGS_PER_CONTACT: '0' })[0]).toMatch(/^MAX_BOOKINGS_PER_CONTACT:/);
  });

  it('keeps messages 180 days and starts timers 36 hours ahead unless RETENTION_DAYS and TIMER_HORIZON_HOURS say otherwise', () => {
    expect(loadConfig(good)).toMatchObject({ RETENTION_DAYS: 180, TIMER_HORIZON_HOURS: 36 });
    expect(loadDatabaseConfig({ DATABASE_URL: good.DATABASE_URL, RETENTION_DAYS: '365' }).RETENTION_DAYS).toBe(365);
    // Less than a month would delete what a campaign still needs; a horizon under two hours, timers the reconciler could miss.
    expect(problemsOf({ ...good, RETENTION_DAYS: '7', TIMER_HORIZON_HOURS: '1' }).map((p) => p.split(':')[0])).toEqual(['RETENTION_DAYS', 'TIMER_HORIZON_HOURS']);
  });

  it('takes quiet hours that leave two hours a day to send in, or none at all, and refuses fewer', () => {
    expect(loadConfig({ ...good, QUIET_HOURS: '22:00-07:00' }).QUIET_HOURS).toEqual({ from: '22:00', until: '07:00' });
    expect(loadConfig({ ...good, QUIET_HOURS: '00:00-00:00' }).QUIET_HOURS).toEqual({ from: '00:00', until: '00:00' });
    expect(loadConfig({ ...good, QUIET_HOURS: '04:00-02:00' }).QUIET_HOURS).toEqual({ from: '04:00', until: '02:00' });
    // One hour open a day: the night the clocks go forward, 02:00 to 03:00 does not exist.
    expect(problemsOf({ ...good, QUIET_HOURS: '03:00-02:00' })).toEqual([expect.stringMatching(/^QUIET_HOURS: quiet hours must leave at least 2 hours/)]);
  });

  it('puts every problem in the error message, one per line', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/DATABASE_URL is missing\n.*PORT:.*\n.*REDIS_URL: is missing/s);
  });
});

describe('Telegram settings', () => {
  const base = { DATABASE_URL: 'postgres://localhost/qafila', REDIS_URL: 'redis://localhost:6379' };
  it('asks for the webhook secret when Telegram runs in webhook mode', () => {
    expect(() => loadConfig({ ...base, TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ', TELEGRAM_MODE: 'webhook' })).toThrow(/TELEGRAM_WEBHOOK_SECRET: is required when TELEGRAM_MODE=webhook/);
    expect(() => loadConfig({ ...base, TELEGRAM_BOT_TOKEN: 'not-a-token' })).toThrow(/TELEGRAM_BOT_TOKEN: expected the token BotFather gave/);
    const config = loadConfig({ ...base, TELEGRAM_BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ' });
    expect(config).toMatchObject({ TELEGRAM_MODE: 'polling', TELEGRAM_API_ROOT: 'https://api.telegram.org', TELEGRAM_PER_SECOND: 30, QUEUE_PREFIX: 'qafila' });
  });
});

describe('WhatsApp Cloud API settings', () => {
  const base = { DATABASE_URL: 'postgres://localhost/qafila', REDIS_URL: 'redis://localhost:6379' };
  it('asks for all four Cloud API settings as soon as one is given', () => {
    expect(() => loadConfig({ ...base, WHATSAPP_ACCESS_TOKEN: 'EAAG-a-long-access-token' })).toThrow(/WHATSAPP_PHONE_NUMBER_ID: is required with WHATSAPP_ACCESS_TOKEN[\s\S]*WHATSAPP_APP_SECRET[\s\S]*WHATSAPP_VERIFY_TOKEN/);
    const config = loadConfig({ ...base, WHATSAPP_ACCESS_TOKEN: 'EAAG-a-long-access-token', WHATSAPP_PHONE_NUMBER_ID: '1234567', WHATSAPP_APP_SECRET: 'an-app-secret-123', WHATSAPP_VERIFY_TOKEN: 'a-verify-token-123' });
    expect(config.WHATSAPP_PER_SECOND).toBe(80);
  });
});

describe('WhatsApp templates setting', () => {
  const base = { DATABASE_URL: 'postgres://localhost/qafila', REDIS_URL: 'redis://localhost:6379' };
  it('reads the approved templates per locale from JSON and names what is wrong', () => {
    const config = loadConfig({ ...base, WHATSAPP_TEMPLATES: '{"ary": {"name": "qafila_notice", "language": "ar"}, "fr": {"name": "qafila_notice", "language": "fr"}}' });
    expect(config.WHATSAPP_TEMPLATES?.ary).toEqual({ name: 'qafila_notice', language: 'ar' });
    expect(() => loadConfig({ ...base, WHATSAPP_TEMPLATES: '{"fr": ' })).toThrow(/WHATSAPP_TEMPLATES: is not valid JSON/);
    expect(() => loadConfig({ ...base, WHATSAPP_TEMPLATES: '{"fr": {"name": "Qafila Notice", "language": "fr"}}' })).toThrow(/WHATSAPP_TEMPLATES.fr.name: template names are lowercase/);
  });

  it('takes a template for Tachelhit readers, registered under a language code WhatsApp has', () => {
    const config = loadConfig({ ...base, WHATSAPP_TEMPLATES: '{"shi": {"name": "qafila_notice_shi", "language": "fr"}}' });
    expect(config.WHATSAPP_TEMPLATES?.shi).toEqual({ name: 'qafila_notice_shi', language: 'fr' });
    expect(() => loadConfig({ ...base, WHATSAPP_TEMPLATES: '{"tzm": {"name": "qafila_notice", "language": "fr"}}' })).toThrow(/WHATSAPP_TEMPLATES/);
  });
});

describe('Redis settings', () => {
  const database = { DATABASE_URL: 'postgres://localhost/qafila' };
  it('takes a Redis Cluster by some of its nodes instead of one Redis URL', () => {
    const config = loadConfig({ ...database, REDIS_CLUSTER_NODES: 'redis-1:7000, 10.0.0.2:7001,[::1]:7002' });
    expect(config.REDIS_CLUSTER_NODES).toEqual([{ host: 'redis-1', port: 7000 }, { host: '10.0.0.2', port: 7001 }, { host: '::1', port: 7002 }]);
    expect(config.REDIS_URL).toBeUndefined();
  });

  it('refuses both a Redis URL and cluster nodes, rather than pick one', () => {
    expect(problemsOf({ ...database, REDIS_URL: 'redis://localhost:6379', REDIS_CLUSTER_NODES: 'redis-1:7000' })).toEqual([
      'REDIS_CLUSTER_NODES: set either REDIS_URL (one Redis server) or REDIS_CLUSTER_NODES (a Redis Cluster), not both',
    ]);
  });

  it('names a cluster node that is not host:port, or whose port cannot be', () => {
    expect(problemsOf({ ...database, REDIS_CLUSTER_NODES: 'redis-1:7000,redis-2' })).toEqual(['REDIS_CLUSTER_NODES.1: expected host:port entries separated by commas, like redis-1:7000,redis-2:7001']);
    expect(problemsOf({ ...database, REDIS_CLUSTER_NODES: 'redis://redis-1:7000' })[0]).toMatch(/^REDIS_CLUSTER_NODES\.0: expected host:port/);
    expect(problemsOf({ ...database, REDIS_CLUSTER_NODES: 'redis-1:70000' })).toEqual(['REDIS_CLUSTER_NODES.0: a port is between 1 and 65535']);
  });
});

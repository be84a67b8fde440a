// Who may read /metrics: the scraper holding METRICS_TOKEN and the platform admin; a guess counts with
// the admin API's wrong tokens; without METRICS_TOKEN the route does not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config/load-config.ts';
import { buildServer, type HttpDeps } from '../../src/http/server.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { createMetrics } from '../../src/metrics/prometheus-metrics.ts';
import { addTestStaff } from '../support/fixtures.ts';
import { START, testClock } from '../support/conversation-harness.ts';
import { parsePrometheusText, scrape, valueOf } from '../support/prometheus-text.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const METRICS_TOKEN = 'scraper-token-0123456789';

let t: TestDatabase;
let admin = '';
let coordinator = '';
beforeAll(async () => {
  t = await createTestDatabase();
  admin = (await addTestStaff(t.db, { name: 'Platform admin', role: 'admin' })).token;
  coordinator = (await addTestStaff(t.db, { name: 'Khadija', role: 'coordinator' })).token;
});
afterAll(async () => t?.drop());

/** A server of its own, so the wrong-token counts of one test do not reach another. */
function server(options: { metrics?: boolean } = {}): FastifyInstance {
  const deps: HttpDeps = { db: t.db, redis: { ping: async () => 'PONG' }, clock: testClock(START), logger: createLogger('silent'), timeZone: 'Africa/Casablanca' };
  return buildServer(options.metrics === false ? deps : { ...deps, metrics: { page: createMetrics(), token: METRICS_TOKEN } });
}

const get = (app: FastifyInstance, url: string, bearer?: string, remoteAddress = '203.0.113.9') =>
  app.inject({ url, remoteAddress, ...(bearer !== undefined ? { headers: { authorization: `Bearer ${bearer}` } } : {}) });

describe('GET /metrics', () => {
  it('is not served at all without METRICS_TOKEN, not even to the platform admin', async () => {
    const app = server({ metrics: false });
    expect((await get(app, '/metrics', admin)).statusCode).toBe(404);
    expect((await get(app, '/metrics', METRICS_TOKEN)).statusCode).toBe(404);
    await app.close();
  });

  it('answers 401 without a token or with a wrong one, and 403 to an organisation staff member', async () => {
    const app = server();
    const missing = await get(app, '/metrics');
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error).toMatch(/METRICS_TOKEN or the platform admin's staff token/);
    expect(missing.body).not.toContain('qafila_');
    expect((await get(app, '/metrics', `${METRICS_TOKEN}x`)).statusCode).toBe(401);
    expect((await get(app, '/metrics', 'qst_not_a_token')).statusCode).toBe(401);
    const staff = await get(app, '/metrics', coordinator);
    expect(staff.statusCode).toBe(403);
    expect(staff.body).not.toContain('qafila_');
    await app.close();
  });

  it('gives the holder of METRICS_TOKEN and the platform admin every metric in the Prometheus text format, never cached', async () => {
    const app = server();
    const answer = await get(app, '/metrics', METRICS_TOKEN);
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    const families = [...answer.body.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(families).toEqual(expect.arrayContaining([
      'qafila_messages_received_total counter',
      'qafila_messages_sent_total counter',
      'qafila_reply_latency_seconds histogram',
      'qafila_pacer_delayed_sends_total counter',
      'qafila_provider_throttled_total counter',
      'qafila_bookings_total counter',
      'qafila_booking_refusals_total counter',
      'qafila_emergencies_total counter',
    ]));
    expect(() => parsePrometheusText(answer.body)).not.toThrow();
    expect(await scrape(app, admin)).toEqual(expect.any(Array));
    await app.close();
  });

  it('counts a wrong token with those of the admin API: after 10 from an address, both make it wait, and the right token still passes', async () => {
    const app = server();
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) answers.push((await get(app, '/admin/api/tickets', `qst_guess_${i}`)).statusCode);
    for (let i = 0; i < 6; i++) answers.push((await get(app, '/metrics', `guess-${i}`)).statusCode);
    expect(answers).toEqual([...Array.from({ length: 10 }, () => 401), 429]);
    const waiting = await get(app, '/metrics');
    expect(waiting.statusCode).toBe(429);
    expect(waiting.headers['retry-after']).toBe('300');
    expect((await get(app, '/admin/api/tickets', 'qst_guess_again')).statusCode).toBe(429);
    expect((await get(app, '/metrics', METRICS_TOKEN)).statusCode).toBe(200);
    expect((await get(app, '/metrics', admin)).statusCode).toBe(200);
    expect((await get(app, '/metrics', 'guess-elsewhere', '198.51.100.4')).statusCode).toBe(401);
    await app.close();
  });
});

describe('the metrics settings', () => {
  const base = { DATABASE_URL: 'postgres://localhost/qafila', REDIS_URL: 'redis://localhost:6379' };

  it('refuse a METRICS_PORT without METRICS_TOKEN, which would serve the metrics to nobody', () => {
    expect(() => loadConfig({ ...base, METRICS_PORT: '9464' })).toThrow(/METRICS_TOKEN: is required with METRICS_PORT/);
    expect(loadConfig({ ...base, METRICS_PORT: '9464', METRICS_TOKEN })).toMatchObject({ METRICS_PORT: 9464, METRICS_TOKEN });
    expect(() => loadConfig({ ...base, METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: use 16 to 256 printable characters/);
  });

  it('leave /metrics off by default', () => {
    const config = loadConfig(base);
    expect(config.METRICS_TOKEN).toBeUndefined();
    expect(config.METRICS_PORT).toBeUndefined();
  });
});

describe('the counters of one Metrics object', () => {
  it('are its own: two objects in one process never share a number', async () => {
    const [one, two] = [createMetrics(), createMetrics()];
    one.messageReceived('telegram');
    one.messageReceived('telegram');
    two.messageReceived('telegram');
    expect(valueOf(parsePrometheusText(await one.scrape()), 'qafila_messages_received_total', { channel: 'telegram' })).toBe(2);
    expect(valueOf(parsePrometheusText(await two.scrape()), 'qafila_messages_received_total', { channel: 'telegram' })).toBe(1);
  });
});

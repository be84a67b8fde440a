// The HTTP server answers /health from real Postgres and Redis, and lists campaigns with clear errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { buildServer } from '../../src/http/server.ts';
import { createDatabase } from '../../src/db/connection.ts';
import { createLogger } from '../../src/logging/logger.ts';
import type { Clock } from '../../src/domain/clock.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { importTestCampaign } from '../support/fixtures.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const clock: Clock = { now: () => new Date('2026-12-01T10:00:00Z') };
let t: TestDatabase;
let redis: Redis;

beforeAll(async () => {
  t = await createTestDatabase();
  redis = new Redis(REDIS_URL, { keyPrefix: `test:${t.name}:`, lazyConnect: true });
  await redis.connect();
  await importTestCampaign(t.db, { slug: 'http-campaign' });
});
afterAll(async () => {
  redis?.disconnect();
  await t?.drop();
});

const server = (r: { ping(): Promise<string> } = redis) =>
  buildServer({ db: t.db, redis: r, clock, logger: createLogger('silent'), timeZone: 'Africa/Casablanca' });

describe('HTTP', () => {
  it('reports healthy when Postgres and Redis answer', async () => {
    const app = server();
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: 'up', redis: 'up' });
    await app.close();
  });

  it('reports 503 and names the part that fails when Redis is unreachable', async () => {
    const broken = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    broken.on('error', () => undefined);
    const app = server(broken);
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(503);
    // Up or down only: why is in the log, not in the answer.
    expect(res.json()).toEqual({ status: 'degraded', db: 'up', redis: 'down' });
    broken.disconnect();
    await app.close();
  });

  it('reports 503 and names the part that fails when Postgres is unreachable', async () => {
    const down = createDatabase({ connectionString: 'postgres://postgres@127.0.0.1:1/qafila', poolSize: 1 });
    const app = buildServer({ db: down, redis, clock, logger: createLogger('silent'), timeZone: 'Africa/Casablanca' });
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'degraded', db: 'down', redis: 'up' });
    await app.close();
    await down.destroy();
  });

  it('lists upcoming campaigns near a province', async () => {
    const app = server();
    const res = await app.inject({ method: 'GET', url: '/api/campaigns?province=tinghir' });
    expect(res.statusCode).toBe(200);
    const body: Array<{ slug: string; distanceKm: number }> = res.json();
    expect(body.map((c) => c.slug)).toEqual(['http-campaign']);
    // Kelâat M'Gouna is 64.1 km as the crow flies from the town of Tinghir, the province's capital.
    expect(body[0]?.distanceKm).toBe(64.1);
    await app.close();
  });

  it('answers 400 with the reason for an unknown province or half a coordinate', async () => {
    const app = server();
    const unknown = await app.inject({ method: 'GET', url: '/api/campaigns?province=atlantis' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toEqual({ error: 'province: unknown province code "atlantis"' });
    const half = await app.inject({ method: 'GET', url: '/api/campaigns?lat=31.5' });
    expect(half.statusCode).toBe(400);
    expect(half.json().error).toMatch(/give both lat and lon/);
    await app.close();
  });
});

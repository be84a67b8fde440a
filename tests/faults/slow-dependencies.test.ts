// Postgres and Redis that are not there yet when the service starts (a fresh Postgres volume, a stack
// started in any order), or Redis that drops under it: the service waits, says so in one structured
// line at a time, and carries on when they come, instead of exiting or crashing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { deleteKeys, TEST_REDIS_URL, testPrefix } from '../support/test-redis.ts';
import { healthOf, startProcess, type ServiceProcess } from '../support/service-process.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';

const prefix = testPrefix();
let t: TestDatabase;
const running: ServiceProcess[] = [];
const proxies: TcpProxy[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  for (const s of running) s.child.kill('SIGKILL');
  for (const p of proxies) await p.close();
  await t?.drop();
  await deleteKeys(prefix);
});

const through = (url: string, port: number) => {
  const u = new URL(url);
  u.port = String(port);
  return u.toString();
};

describe('dependencies that come late or drop', () => {
  it('waits for a database that is not there yet at start, then serves', async () => {
    const postgres = await startTcpProxy(Number(new URL(t.url).port || 5432), { listening: false });
    proxies.push(postgres);
    const service = await startProcess('src/main.ts', { DATABASE_URL: through(t.url, postgres.port), REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, SIMULATOR: 'off' });
    running.push(service);
    await expect.poll(() => service.output(), { timeout: 15_000 }).toMatch(/"msg":"waiting for the database"/);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(service.alive()).toBe(true);
    await postgres.restore();
    await expect.poll(() => healthOf(service), { timeout: 30_000, interval: 250 }).toBe(200);
    expect(service.output()).toMatch(/"msg":"qafila started"/);
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
  }, 60_000);

  it('stays up while Redis drops, logs it once in a while as a structured line, and is healthy again when it is back', async () => {
    const redisPort = Number(new URL(TEST_REDIS_URL).port || 6379);
    const redis = await startTcpProxy(redisPort);
    proxies.push(redis);
    const service = await startProcess('src/main.ts', { DATABASE_URL: t.url, REDIS_URL: through(TEST_REDIS_URL, redis.port), QUEUE_PREFIX: prefix, SIMULATOR: 'off' });
    running.push(service);
    await expect.poll(() => healthOf(service), { timeout: 30_000, interval: 250 }).toBe(200);
    await redis.cut();
    await expect.poll(() => healthOf(service), { timeout: 15_000, interval: 250 }).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(service.alive()).toBe(true);
    await redis.restore();
    await expect.poll(() => healthOf(service), { timeout: 20_000, interval: 250 }).toBe(200);
    const lines = service.output().split('\n').filter((l) => l.includes('"msg":"redis unavailable"'));
    expect(lines.length).toBeGreaterThan(0);
    // ioredis retries every few hundred milliseconds: the log says it once per client and cause, not each time.
    expect(lines.length).toBeLessThan(20);
    expect(service.output()).not.toMatch(/Unhandled error event|\[ioredis\]/);
    service.child.kill('SIGTERM');
    const code = await service.exited;
    if (code !== 0) console.log(service.output().split('\n').slice(-15).join('\n'));
    expect(code).toBe(0);
  }, 90_000);
});

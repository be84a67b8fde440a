// The pacer shares its limits across callers through Redis: never more than N in any sliding second.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { redisPacer } from '../../src/delivery/chat-pacer.ts';
import { maxInAnyWindow } from '../../bench/rate-window.ts';

const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
afterAll(() => redis.disconnect());

describe('redis pacer', () => {
  it('spaces 45 sends from 6 concurrent callers to at most 15 in any second', async () => {
    const pacer = redisPacer(redis, { prefix: `qafila-test-${randomUUID()}`, perSecond: 15, chatIntervalMs: 0 });
    const times: number[] = [];
    let left = 45;
    await Promise.all(Array.from({ length: 6 }, async (_, lane) => {
      while (left-- > 0) {
        await pacer.waitTurn('telegram', `chat-${lane}-${left}`);
        times.push(Date.now());
      }
    }));
    expect(times).toHaveLength(45);
    expect(maxInAnyWindow(times, 1000)).toBeLessThanOrEqual(15);
    const span = Math.max(...times) - Math.min(...times);
    expect(span).toBeGreaterThanOrEqual(2800); // 45 sends at 15 a second take about three seconds
  });

  it('keeps one chat to one message per interval while others go on', async () => {
    const pacer = redisPacer(redis, { prefix: `qafila-test-${randomUUID()}`, perSecond: 0, chatIntervalMs: 300 });
    const same: number[] = [];
    const others: number[] = [];
    await Promise.all([
      (async () => { for (let i = 0; i < 3; i++) { await pacer.waitTurn('telegram', 'one'); same.push(Date.now()); } })(),
      (async () => { for (let i = 0; i < 3; i++) { await pacer.waitTurn('telegram', `other-${i}`); others.push(Date.now()); } })(),
    ]);
    expect((same[2] ?? 0) - (same[0] ?? 0)).toBeGreaterThanOrEqual(590);
    expect((others[2] ?? 0) - (others[0] ?? 0)).toBeLessThan(200);
  });

  it('holds every send on a channel for as long as the provider asked', async () => {
    const pacer = redisPacer(redis, { prefix: `qafila-test-${randomUUID()}`, perSecond: 0, chatIntervalMs: 0 });
    await pacer.hold('telegram', 300);
    const started = Date.now();
    await pacer.waitTurn('telegram', 'any');
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    const other = Date.now();
    await pacer.waitTurn('whatsapp', 'any');
    expect(Date.now() - other).toBeLessThan(100);
  });
});

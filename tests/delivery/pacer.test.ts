// The pacer shares its limits across callers through Redis: never more than N in any sliding second.
import { afterAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { redisPacer } from '../../src/delivery/chat-pacer.ts';
import { maxInAnyWindow } from '../../bench/rate-window.ts';
import { deleteKeys, TEST_REDIS_URL, testPrefix } from '../support/test-redis.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';

const redis = new Redis(TEST_REDIS_URL);
const prefix = testPrefix();
afterAll(async () => {
  redis.disconnect();
  await deleteKeys(prefix);
});

/** A waiter may wake up to this long after its slot (later, it takes a fresh one). */
const LATE_MS = 20;

describe('redis pacer', () => {
  it('spaces 45 sends from 6 concurrent callers 1/N second apart plus the margin, so no second holds more than N', async () => {
    // 15 a second with a 10% margin: slots 73.3 ms apart, so at most 14 in any second, one under the limit.
    const pacer = redisPacer(redis, { prefix: `${prefix}:rate`, perSecond: 15, chatIntervalMs: 0, margin: 0.1 });
    const times: number[] = [];
    let left = 45;
    await Promise.all(Array.from({ length: 6 }, async (_, lane) => {
      while (left-- > 0) {
        await pacer.waitTurn('telegram', `chat-${lane}-${left}`);
        times.push(performance.now());
      }
    }));
    expect(maxInAnyWindow(times, 1000)).toBeLessThanOrEqual(15);
    // 44 intervals of 73.3 ms, less what the first may have woken late: the margin is applied.
    const span = Math.max(...times) - Math.min(...times);
    expect(span).toBeGreaterThanOrEqual(44 * (1000 / 15) * 1.1 - LATE_MS);
  });

  it('keeps one chat to one message per interval while others go on', async () => {
    const pacer = redisPacer(redis, { prefix: `${prefix}:chat`, perSecond: 0, chatIntervalMs: 300 });
    const same: number[] = [];
    const others: number[] = [];
    const start = performance.now();
    await Promise.all([
      (async () => { for (let i = 0; i < 3; i++) { await pacer.waitTurn('telegram', 'one'); same.push(performance.now()); } })(),
      (async () => { for (let i = 0; i < 3; i++) { await pacer.waitTurn('telegram', `other-${i}`); others.push(performance.now()); } })(),
    ]);
    // The third goes two intervals after the first was let through, which was no earlier than the start:
    // measured from the start, a busy machine waking a sender late only adds (a timer may fire a ms early).
    expect((same[2] ?? 0) - start).toBeGreaterThanOrEqual(2 * 300 - 2);
    // The other chats do not wait for this one: all three have gone before its second message.
    expect(others[2] ?? Infinity).toBeLessThan(same[1] ?? 0);
  });

  it('is never early for a chat when a reservation takes long to reach Redis', async () => {
    // Redis places the slot on its own clock, when the request arrives: a sender that counted the wait
    // from when it asked would leave early by the time the request spent on the way.
    const proxy = await startTcpProxy(Number(new URL(TEST_REDIS_URL).port || 6379));
    const slow = new Redis(`redis://127.0.0.1:${proxy.port}`);
    try {
      const pacer = redisPacer(slow, { prefix: `${prefix}:slowlink`, perSecond: 0, chatIntervalMs: 300 });
      // A few quick round trips first, as a running worker has had.
      for (let i = 0; i < 3; i++) await pacer.waitTurn('telegram', `warm-${i}`);
      const start = performance.now();
      await pacer.waitTurn('telegram', 'one');
      // Only the chat's reservation is slow; the channel's, right after it, is not, so it cannot hide an early wake.
      proxy.delayNextRequest(120);
      await pacer.waitTurn('telegram', 'one');
      // Its slot is 300 ms after the first's on Redis's clock, and the first's was no earlier than the
      // start; a timer may fire a ms early.
      expect(performance.now() - start).toBeGreaterThanOrEqual(300 - 2);
    } finally {
      slow.disconnect();
      await proxy.close();
    }
  });

  it('holds every send on a channel for as long as the provider asked', async () => {
    const pacer = redisPacer(redis, { prefix: `${prefix}:hold`, perSecond: 0, chatIntervalMs: 0 });
    await pacer.hold('telegram', 300);
    const started = performance.now();
    await pacer.waitTurn('telegram', 'any');
    // The hold started a moment before `started`; Redis counts it in whole milliseconds.
    expect(performance.now() - started).toBeGreaterThanOrEqual(300 - LATE_MS);
    const other = performance.now();
    await pacer.waitTurn('whatsapp', 'any');
    expect(performance.now() - other).toBeLessThan(100);
  });
});

// Each test file works under its own Redis key prefix and deletes it at the end, so files run in
// parallel and a run leaves nothing behind.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** BullMQ's workers block on Redis, so they need a connection that never gives up on a command. */
export const connection = { url: TEST_REDIS_URL, maxRetriesPerRequest: null };

/**
 * Every prefix of one run starts with this: `qafila-test-<run>-`. The run id comes from the global
 * setup, which checks at the end that nothing under it is left.
 */
export function runPrefixRoot(run = process.env.QAFILA_TEST_RUN ?? 'local'): string {
  return `qafila-test-${run}-`;
}

/** A prefix no other file or run uses. */
export function testPrefix(): string {
  return `${runPrefixRoot()}${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

/** Keys under `prefix` (itself, `prefix:...` and `prefix-...`), found with SCAN so Redis is never blocked. */
export async function keysUnder(redis: Redis, prefix: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    found.push(...keys);
    cursor = next;
  } while (cursor !== '0');
  return found;
}

/** Deletes every key under `prefix`; returns how many there were. */
export async function deleteKeys(prefix: string): Promise<number> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const keys = await keysUnder(redis, prefix);
    for (let i = 0; i < keys.length; i += 500) await redis.unlink(...keys.slice(i, i + 500));
    return keys.length;
  } finally {
    redis.disconnect();
  }
}

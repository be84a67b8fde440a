// Once per `vitest run`: gives the run an id for its Redis prefixes and a migrated template database for
// the files' own databases, and fails the run if any test file left keys under its prefix (each file
// deletes its own prefix when it ends).
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createTemplateDatabase, dropTemplateDatabase } from './test-database.ts';
import { deleteKeys, keysUnder, runPrefixRoot, TEST_REDIS_URL } from './test-redis.ts';

export async function setup(): Promise<void> {
  // Set before the test processes start, so each of them inherits them.
  process.env.QAFILA_TEST_RUN ??= randomUUID().slice(0, 8);
  await createTemplateDatabase();
}

export async function teardown(): Promise<void> {
  await dropTemplateDatabase();
  const root = runPrefixRoot();
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const left = await keysUnder(redis, root);
    if (left.length === 0) return;
    const prefixes = [...new Set(left.map((k) => k.slice(0, root.length + 12)))];
    await deleteKeys(root);
    throw new Error(`${left.length} Redis keys were left under ${prefixes.length} test prefixes (${prefixes.slice(0, 5).join(', ')}): a test file does not delete its prefix at the end`);
  } finally {
    redis.disconnect();
  }
}

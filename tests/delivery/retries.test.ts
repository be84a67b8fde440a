// A provider that fails for a moment (a timeout, a 500) gets the message again after 1 s, 2 s, 4 s;
// the row keeps the last error until it goes, and goes once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { RetryAfterError, type ChannelAdapter } from '../../src/channels/channel.ts';
import { TELEGRAM_CAPABILITIES } from '../../src/channels/telegram/telegram.channel.ts';
import { noPacing, redisPacer } from '../../src/delivery/chat-pacer.ts';
import { createOutboundQueues, outboundQueueName, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { startOutboundWorker } from '../../src/delivery/outbound.worker.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { connection, deleteKeys, TEST_REDIS_URL, testPrefix } from '../support/test-redis.ts';
import { waitUntil } from '../support/wait-until.ts';

const prefix = testPrefix();
let t: TestDatabase;
let queues: OutboundQueues;

beforeAll(async () => {
  t = await createTestDatabase();
  queues = createOutboundQueues({ connection, prefix });
});
afterAll(async () => {
  await queues?.close();
  await t?.drop();
  await deleteKeys(prefix);
});

describe('transient send failures', () => {
  it('are retried after 1 s, 2 s and 4 s, keeping the error meanwhile, and the message goes once', async () => {
    const contact = await t.db.insertInto('contacts').values({ locale: 'fr' }).returning('id').executeTakeFirstOrThrow();
    const row = await t.db.insertInto('outbox').values({ contact_id: contact.id, channel: 'telegram', recipient: '5151', payload: JSON.stringify({ text: 'Rappel' }) }).returning('id').executeTakeFirstOrThrow();
    const attempts: number[] = [];
    const delivered: string[] = [];
    const errors: Array<string | null> = [];
    const adapter: ChannelAdapter = {
      name: 'telegram',
      capabilities: TELEGRAM_CAPABILITIES,
      async send(to, part) {
        attempts.push(performance.now());
        // What the row says while this attempt runs: the error of the one before.
        errors.push((await t.db.selectFrom('outbox').select('error').where('id', '=', row.id).executeTakeFirstOrThrow()).error);
        if (attempts.length <= 3) throw new Error(`socket hang up (attempt ${attempts.length})`);
        delivered.push(`${to}: ${part.kind === 'text' ? part.text : part.kind}`);
        return 'm1';
      },
    };
    const worker = startOutboundWorker({ db: t.db, adapter, pacer: noPacing, connection, prefix, logger: pino({ level: 'silent' }), sweepAfterMs: 0 });
    try {
      await queues.enqueue('telegram', [row.id]);
      await waitUntil(() => delivered.length === 1, 'the fourth attempt', 20_000);
    } finally {
      await worker.close();
    }
    const gaps = attempts.slice(1).map((at, i) => at - (attempts[i] ?? 0));
    // Each wait at least the back-off, and not a whole second more.
    expect(gaps.map((g, i) => g >= 1000 * 2 ** i && g < 1000 * 2 ** i + 1000), `gaps of ${gaps.map(Math.round).join(', ')} ms`).toEqual([true, true, true]);
    expect(errors).toEqual([null, 'socket hang up (attempt 1)', 'socket hang up (attempt 2)', 'socket hang up (attempt 3)']);
    expect(delivered).toEqual(['5151: Rappel']);
    expect(await t.db.selectFrom('outbox').select(['status', 'attempts', 'error', 'provider_id']).where('id', '=', row.id).executeTakeFirstOrThrow()).toEqual({ status: 'sent', attempts: 4, error: null, provider_id: 'm1' });
  }, 30_000);

  it('hold the whole channel when the provider says how long to wait (a 429), for every chat, without counting an attempt', async () => {
    const contact = await t.db.insertInto('contacts').values({ locale: 'fr' }).returning('id').executeTakeFirstOrThrow();
    const add = async (recipient: string) => (await t.db.insertInto('outbox').values({ contact_id: contact.id, channel: 'telegram', recipient, payload: JSON.stringify({ text: 'Bonjour' }) }).returning('id').executeTakeFirstOrThrow()).id;
    const first = await add('6161');
    const second = await add('6262');
    const calls: Array<{ to: string; at: number }> = [];
    const adapter: ChannelAdapter = {
      name: 'telegram',
      capabilities: TELEGRAM_CAPABILITIES,
      async send(to) {
        calls.push({ to, at: performance.now() });
        if (calls.length === 1) throw new RetryAfterError(1000, 'Too Many Requests: retry after 1');
        return `m${calls.length}`;
      },
    };
    const redis = new Redis(TEST_REDIS_URL);
    const pacer = redisPacer(redis, { prefix: `${prefix}:held`, perSecond: 0, chatIntervalMs: 0 });
    // One job at a time: the second chat's message is taken while the first waits out its 429.
    const worker = startOutboundWorker({ db: t.db, adapter, pacer, connection, prefix: `${prefix}:held`, logger: pino({ level: 'silent' }), concurrency: 1, sweepAfterMs: 0 });
    const heldQueues = createOutboundQueues({ connection, prefix: `${prefix}:held` });
    const heldJobs = new Queue(outboundQueueName('telegram'), { connection, prefix: `${prefix}:held` });
    try {
      await heldQueues.enqueue('telegram', [first]);
      await heldQueues.enqueue('telegram', [second]);
      await waitUntil(() => calls.length === 3, 'the two messages after the 429', 10_000);
      await waitUntil(async () => (await heldJobs.getJobState(`outbox-${first}`)) === 'completed', 'the first job to complete');
      // Its five retries for real failures are all left.
      expect((await heldJobs.getJob(`outbox-${first}`))?.attemptsMade).toBe(1);
    } finally {
      await heldJobs.close();
      await worker.close();
      await heldQueues.close();
      redis.disconnect();
    }
    const [throttled, ...after] = calls;
    // The other chat waited too (Redis counts the hold in milliseconds from when it was set, a moment after the 429).
    expect(after.map((c) => [c.to, c.at - (throttled?.at ?? 0) >= 950])).toEqual([['6262', true], ['6161', true]]);
    const rows = await t.db.selectFrom('outbox').select(['id', 'status', 'attempts']).where('id', 'in', [first, second]).orderBy('id').execute();
    expect(rows).toEqual([{ id: first, status: 'sent', attempts: 2 }, { id: second, status: 'sent', attempts: 1 }]);
  });
});

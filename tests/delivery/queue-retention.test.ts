// Redis does not grow with the work done: a queue keeps at most 100 completed jobs and about a thousand
// events however many messages it sends, and every queue of the service keeps finished jobs by age and count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import type { ChannelAdapter } from '../../src/channels/channel.ts';
import { TELEGRAM_CAPABILITIES } from '../../src/channels/telegram/telegram.channel.ts';
import { noPacing } from '../../src/delivery/chat-pacer.ts';
import { createOutboundQueues, outboundQueueName, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { startOutboundWorker } from '../../src/delivery/outbound.worker.ts';
import { EVENTS_MAX_LEN, KEEP_COMPLETED, KEEP_FAILED } from '../../src/delivery/queue-retention.ts';
import { createRetentionSchedule } from '../../src/retention/index.ts';
import { BROADCAST_QUEUE, createBroadcastPages } from '../../src/scheduling/broadcast.queue.ts';
import { createNotificationTimers, NOTIFICATION_QUEUE, notificationJobId } from '../../src/scheduling/notification.queue.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { connection, deleteKeys, TEST_REDIS_URL, testPrefix } from '../support/test-redis.ts';
import { waitUntil } from '../support/wait-until.ts';

const prefix = testPrefix();
let t: TestDatabase;
let redis: Redis;
let queues: OutboundQueues;

beforeAll(async () => {
  t = await createTestDatabase();
  redis = new Redis(TEST_REDIS_URL);
  queues = createOutboundQueues({ connection, prefix });
});
afterAll(async () => {
  await queues?.close();
  redis?.disconnect();
  await t?.drop();
  await deleteKeys(prefix);
});

describe('finished jobs in Redis', () => {
  it('stay at 100 completed jobs and about a thousand events after 600 messages sent', async () => {
    const contact = await t.db.insertInto('contacts').values({ locale: 'fr' }).returning('id').executeTakeFirstOrThrow();
    const rows = await t.db
      .insertInto('outbox')
      .values(Array.from({ length: 600 }, (_, i) => ({ contact_id: contact.id, channel: 'telegram', recipient: String(7000 + i), payload: JSON.stringify({ text: 'La caravane arrive samedi.' }) })))
      .returning('id')
      .execute();
    let sent = 0;
    const adapter: ChannelAdapter = { name: 'telegram', capabilities: TELEGRAM_CAPABILITIES, send: async () => `m${++sent}` };
    const worker = startOutboundWorker({ db: t.db, adapter, pacer: noPacing, connection, prefix, logger: pino({ level: 'silent' }), sweepAfterMs: 0 });
    try {
      for (const row of rows) await queues.enqueue('telegram', [row.id]);
      await waitUntil(() => sent === 600, '600 messages sent', 30_000);
    } finally {
      await worker.close();
    }
    const queue = outboundQueueName('telegram');
    expect(await redis.zcard(`${prefix}:${queue}:completed`)).toBe(100);
    // Trimmed approximately, a block of entries at a time: never far above the limit.
    const events = await redis.xlen(`${prefix}:${queue}:events`);
    expect(events).toBeLessThanOrEqual(EVENTS_MAX_LEN + 200);
    expect(events).toBeGreaterThan(0);
  });

  it('are kept by age and count, and events bounded, on every queue of the service', async () => {
    const timers = createNotificationTimers({ connection, prefix, horizonHours: 36 });
    const pages = createBroadcastPages({ connection, prefix });
    const retention = createRetentionSchedule({ connection, prefix, zone: 'Africa/Casablanca' });
    try {
      await queues.enqueue('whatsapp', [1], { bulk: true });
      await queues.enqueue('whatsapp', [2]);
      await timers.schedule([{ id: 1, dueAt: new Date(Date.now() + 3_600_000) }]);
      await pages.start(1, new Date(Date.now() + 3_600_000));
      await pages.page(1, 0, 0, new Date(Date.now() + 3_600_000));
      await retention.ensureNightly();
      const optionsOf = async (key: string) => JSON.parse((await redis.hget(key, 'opts')) ?? '{}') as Record<string, unknown>;
      const kept = { removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED };
      // BullMQ stores these two options under short names.
      const stored = (o: Record<string, unknown>) => ({ removeOnComplete: o.removeOnComplete ?? o.roc, removeOnFail: o.removeOnFail ?? o.rof });
      expect(stored(await optionsOf(`${prefix}:${outboundQueueName('whatsapp')}:outbox-2`))).toEqual(kept);
      expect(stored(await optionsOf(`${prefix}:${outboundQueueName('whatsapp', true)}:outbox-1`))).toEqual(kept);
      expect(stored(await optionsOf(`${prefix}:${BROADCAST_QUEUE}:b1-start`))).toEqual(kept);
      expect(stored(await optionsOf(`${prefix}:${BROADCAST_QUEUE}:b1-s0-after-0`))).toEqual(kept);
      // A timer goes as soon as it is done: the reconciler may need its id again.
      expect(stored(await optionsOf(`${prefix}:${NOTIFICATION_QUEUE}:${notificationJobId(1)}`))).toEqual({ removeOnComplete: true, removeOnFail: KEEP_FAILED });
      const [scheduler] = await retention.queue.getJobSchedulers();
      expect(scheduler?.template?.opts).toMatchObject(kept);
      for (const name of [outboundQueueName('whatsapp'), outboundQueueName('whatsapp', true), NOTIFICATION_QUEUE, BROADCAST_QUEUE, retention.queue.name]) {
        expect([name, await redis.hget(`${prefix}:${name}:meta`, 'opts.maxLenEvents')]).toEqual([name, String(EVENTS_MAX_LEN)]);
      }
    } finally {
      await Promise.all([timers.close(), pages.close(), retention.close()]);
    }
  });
});

// What waits, read when Prometheus scrapes: each queue's jobs by state in Redis, and the outbox rows
// pending, sending and doubtful in Postgres. A source out of reach is counted, not a failed scrape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { createOutboundQueues, outboundQueueName } from '../../src/delivery/outbound.queue.ts';
import { DOUBTFUL_AFTER_MS, outboxBacklog, outboxBacklogQuery } from '../../src/delivery/outbox.ts';
import { createMetrics } from '../../src/metrics/prometheus-metrics.ts';
import { bullmqQueueDepths, queueNamesFor } from '../../src/metrics/queue-depths.ts';
import { createNotificationTimers } from '../../src/scheduling/notification.queue.ts';
import { parsePrometheusText, valueOf } from '../support/prometheus-text.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { connection, deleteKeys, TEST_REDIS_URL, testPrefix } from '../support/test-redis.ts';
import { waitUntil } from '../support/wait-until.ts';

const prefix = testPrefix();
let t: TestDatabase;
let redis: Redis;
beforeAll(async () => {
  t = await createTestDatabase();
  redis = new Redis(TEST_REDIS_URL);
});
afterAll(async () => {
  redis?.disconnect();
  await t?.drop();
  await deleteKeys(prefix);
});

const samplesOf = async (metrics: { scrape(): Promise<string> }) => parsePrometheusText(await metrics.scrape());

describe('queue gauges', () => {
  it("read each queue's waiting, active, delayed and failed jobs when scraped", async () => {
    const depths = bullmqQueueDepths({ connection: redis, prefix, names: queueNamesFor(['telegram']) });
    const metrics = createMetrics({ queues: depths });
    const queues = createOutboundQueues({ connection, prefix });
    const timers = createNotificationTimers({ connection, prefix });
    let release: (err: Error) => void = () => undefined;
    // A bulk job held in progress, then failed for good.
    const worker = new Worker(outboundQueueName('telegram', true), () => new Promise((_, reject) => (release = reject)), { connection, prefix });
    const jobs = (queue: string, state: string) => async () => valueOf(await samplesOf(metrics), 'qafila_queue_jobs', { queue, state });
    try {
      for (const id of [1, 2, 3]) await queues.enqueue('telegram', [id]);
      await timers.schedule([{ id: 7, dueAt: new Date(Date.now() + 3_600_000) }]);
      await queues.enqueue('telegram', [9], { bulk: true });
      await waitUntil(async () => (await jobs('outbound-telegram-bulk', 'active')()) === 1, 'the bulk job to be taken');

      const samples = await samplesOf(metrics);
      const states = (queue: string) => ['waiting', 'active', 'delayed', 'failed'].map((state) => valueOf(samples, 'qafila_queue_jobs', { queue, state }));
      expect(states('outbound-telegram')).toEqual([3, 0, 0, 0]);
      expect(states('outbound-telegram-bulk')).toEqual([0, 1, 0, 0]);
      expect(states('notifications')).toEqual([0, 0, 1, 0]);
      expect(states('broadcasts')).toEqual([0, 0, 0, 0]);

      release(new UnrecoverableError('refused for good'));
      await waitUntil(async () => (await jobs('outbound-telegram-bulk', 'failed')()) === 1, 'the bulk job to fail');
      expect(await jobs('outbound-telegram-bulk', 'active')()).toBe(0);
    } finally {
      release(new UnrecoverableError('the test is over')); // a worker closes once its job is done
      await worker.close();
      await queues.close();
      await timers.close();
      await depths.close();
    }
  });

  it('count a scrape that could not read them, and still serve the rest', async () => {
    const metrics = createMetrics({ queues: { read: () => Promise.reject(new Error('Redis is out of reach')) }, outbox: () => outboxBacklog(t.db) });
    metrics.messageReceived('whatsapp');
    const first = await samplesOf(metrics);
    expect(valueOf(first, 'qafila_metrics_collect_errors_total', { source: 'queues' })).toBe(1);
    expect(valueOf(first, 'qafila_messages_received_total', { channel: 'whatsapp' })).toBe(1);
    expect(first.filter((s) => s.name === 'qafila_queue_jobs')).toEqual([]);
    expect(valueOf(await samplesOf(metrics), 'qafila_metrics_collect_errors_total', { source: 'queues' })).toBe(2);
  });
});

describe('outbox gauges', () => {
  it('count rows pending, sending, and doubtful (sending for more than five minutes) per channel, and nothing sent or failed', async () => {
    const contact = await t.db.insertInto('contacts').values({ locale: 'fr' }).returning('id').executeTakeFirstOrThrow();
    const add = async (channel: string, status: 'pending' | 'sending' | 'sent' | 'failed', minutesAgo = 0) =>
      t.db.insertInto('outbox').values({ contact_id: contact.id, channel, recipient: '7001', status, payload: JSON.stringify({ text: 'Salam' }), updated_at: sql<Date>`now() - make_interval(mins => ${minutesAgo})` }).execute();
    for (let i = 0; i < 3; i++) await add('telegram', 'pending');
    await add('whatsapp', 'pending');
    await add('telegram', 'sending', 1);
    await add('telegram', 'sending', 4);
    await add('telegram', 'sending', 6);
    await add('whatsapp', 'sending', 60);
    await add('telegram', 'sent');
    await add('telegram', 'failed', 60);

    const samples = await samplesOf(createMetrics({ outbox: () => outboxBacklog(t.db) }));
    const rows = samples.filter((s) => s.name === 'qafila_outbox_messages').map((s) => [s.labels.channel, s.labels.status, s.value]);
    expect(rows.sort()).toEqual([
      ['telegram', 'doubtful', 1],
      ['telegram', 'pending', 3],
      ['telegram', 'sending', 2],
      ['whatsapp', 'doubtful', 1],
      ['whatsapp', 'pending', 1],
    ]);
  });

  it('are read through the partial indexes of pending and sending rows, not the whole table', async () => {
    const plan = await t.db.transaction().execute(async (trx) => {
      // The test table is small enough for a full scan to look cheaper: ask what the plan is on a large one.
      await sql`set local enable_seqscan = off`.execute(trx);
      return sql<{ 'QUERY PLAN': string }>`explain ${outboxBacklogQuery(DOUBTFUL_AFTER_MS)}`.execute(trx);
    });
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toMatch(/Index (Only )?Scan (using|on) outbox_pending /);
    expect(text).toMatch(/Index (Only )?Scan (using|on) outbox_sending_by_organisation /);
    expect(text).not.toMatch(/Seq Scan/);
  });
});

// The sweep queues again the outbox rows whose job was lost (Redis flushed, a crash between commit and
// enqueue): each on its own lane, several to a job, and never a row a job still holds, so a long
// broadcast waiting its turn never spills into the lane of the villagers' replies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { Queue } from 'bullmq';
import { sql } from 'kysely';
import type { ChannelAdapter } from '../../src/channels/channel.ts';
import { TELEGRAM_CAPABILITIES } from '../../src/channels/telegram/telegram.channel.ts';
import type { OutboxKind } from '../../src/db/tables.ts';
import { noPacing } from '../../src/delivery/chat-pacer.ts';
import { createOutboundQueues, outboundQueueName, OutboundJobSchema, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { startOutboundWorker, type RunningWorker } from '../../src/delivery/outbound.worker.ts';
import { outboxDrained } from '../support/outbox-wait.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { connection, deleteKeys, testPrefix } from '../support/test-redis.ts';
import { waitUntil } from '../support/wait-until.ts';

let t: TestDatabase;
const prefixes: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
  for (const prefix of prefixes) await deleteKeys(prefix);
});

/** Outbox rows of `kind` written five minutes ago, one chat each. */
async function addOld(kind: OutboxKind, count: number): Promise<number[]> {
  const rows = await t.db
    .insertInto('outbox')
    .values(Array.from({ length: count }, (_, i) => ({ channel: 'telegram', recipient: `${kind}-${i}`, kind, payload: JSON.stringify({ text: kind }), created_at: sql<Date>`now() - interval '5 minutes'` })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** A channel that holds every send until `open()`, so the queues can be looked at while jobs wait. */
function gatedChannel(): ChannelAdapter & { sent: string[]; open(): void } {
  const sent: string[] = [];
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return {
    name: 'telegram',
    capabilities: TELEGRAM_CAPABILITIES,
    sent,
    open: () => open(),
    async send(to) {
      await gate;
      sent.push(to);
      return String(sent.length);
    },
  };
}

/** A lane's jobs not finished yet, as the outbox ids each carries. */
async function jobsIn(prefix: string, bulk: boolean): Promise<number[][]> {
  const queue = new Queue(outboundQueueName('telegram', bulk), { connection, prefix });
  try {
    const jobs = await queue.getJobs(['waiting', 'active', 'delayed', 'prioritized']);
    return jobs.map((j) => OutboundJobSchema.parse(j.data).outboxIds).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
  } finally {
    await queue.close();
  }
}

/** A fresh queue prefix, an outbound worker sweeping every second for rows older than 2 s, and its queues. */
function sweeping(adapter: ChannelAdapter): { prefix: string; queues: OutboundQueues; worker: RunningWorker; stop(): Promise<void> } {
  const prefix = testPrefix();
  prefixes.push(prefix);
  const queues = createOutboundQueues({ connection, prefix });
  const worker = startOutboundWorker({ db: t.db, adapter, pacer: noPacing, connection, prefix, logger: pino({ level: 'silent' }), concurrency: 1, bulkConcurrency: 1, queues, sweepAfterMs: 2000 });
  return { prefix, queues, worker, stop: async () => (await worker.close(), await queues.close()) };
}

const flat = (jobs: number[][]) => jobs.flat().sort((a, b) => a - b);

describe('the outbox sweep', () => {
  it('queues lost announcements and reminders on the bulk lane and lost replies and staff alerts on the replies lane, fifty to a job', async () => {
    const broadcast = await addOld('broadcast', 120);
    const reminders = await addOld('notification', 3);
    const replies = [...(await addOld('reply', 2)), ...(await addOld('staff_alert', 1))];
    const adapter = gatedChannel();
    const s = sweeping(adapter);
    try {
      await waitUntil(async () => new Set([...flat(await jobsIn(s.prefix, true)), ...flat(await jobsIn(s.prefix, false))]).size === 126, 'the sweep to queue every lost row');
      const bulk = await jobsIn(s.prefix, true);
      expect(flat(bulk)).toEqual([...broadcast, ...reminders]);
      expect(bulk.map((ids) => ids.length)).toEqual([50, 50, 23]);
      expect(await jobsIn(s.prefix, false)).toEqual([replies]);
      adapter.open();
      await outboxDrained(t.db);
    } finally {
      // A job held at the gate would keep the worker from closing.
      adapter.open();
      await s.stop();
    }
    // Each once, though the sweep ran again while they waited.
    expect(adapter.sent).toHaveLength(126);
    expect(new Set(adapter.sent).size).toBe(126);
  }, 20_000);

  it('leaves a broadcast waiting in its jobs where it is, however long it waits', async () => {
    const broadcast = await addOld('broadcast', 200);
    const adapter = gatedChannel();
    const s = sweeping(adapter);
    try {
      await s.queues.enqueueChunks('telegram', broadcast, 50, { bulk: true });
      // A reminder whose job was lost: once the sweep has queued it, it has looked at the broadcast too.
      const [lost] = await addOld('notification', 1);
      const queued = async () => [...flat(await jobsIn(s.prefix, true)), ...flat(await jobsIn(s.prefix, false))];
      await waitUntil(async () => (await queued()).includes(lost ?? 0), 'the sweep to queue the lost reminder');
      // And again a second later: what it queued is held by its job now.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await jobsIn(s.prefix, false)).toEqual([]);
      const bulk = await jobsIn(s.prefix, true);
      expect(bulk.map((ids) => ids.length)).toEqual([50, 50, 50, 50, 1]);
      expect(flat(bulk)).toEqual([...broadcast, lost]);
      adapter.open();
      await outboxDrained(t.db);
    } finally {
      adapter.open();
      await s.stop();
    }
    expect(adapter.sent).toHaveLength(201);
  }, 20_000);
});

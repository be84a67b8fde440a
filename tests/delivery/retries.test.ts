// A provider that fails for a moment (a timeout, a 500) gets the message again after 1 s, 2 s, 4 s;
// the row keeps the last error until it goes, and goes once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { ChannelAdapter } from '../../src/channels/channel.ts';
import { TELEGRAM_CAPABILITIES } from '../../src/channels/telegram/telegram.channel.ts';
import { noPacing } from '../../src/delivery/chat-pacer.ts';
import { createOutboundQueues, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { startOutboundWorker } from '../../src/delivery/outbound.worker.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { connection, deleteKeys, testPrefix } from '../support/test-redis.ts';
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
});

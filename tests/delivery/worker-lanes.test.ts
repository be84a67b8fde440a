// A worker process given only the replies' lane sends the answers to villagers and leaves announcements
// and reminders to the bulk lane's processes, so a broadcast never holds a reply behind it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { ChannelAdapter } from '../../src/channels/channel.ts';
import { WHATSAPP_WEB_CAPABILITIES } from '../../src/channels/whatsapp-web/whatsapp-web.channel.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { noPacing } from '../../src/delivery/chat-pacer.ts';
import { createOutboundQueues, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { startOutboundWorker } from '../../src/delivery/outbound.worker.ts';
import type { WorkerLanes } from '../../src/runtime/worker-lanes.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { outboxDrained } from '../support/outbox-wait.ts';
import { waitUntil } from '../support/wait-until.ts';
import { connection, deleteKeys, testPrefix } from '../support/test-redis.ts';

let t: TestDatabase;
let queues: OutboundQueues;
const prefix = testPrefix();
const sent: string[] = [];
const adapter: ChannelAdapter = {
  name: 'whatsapp_web',
  capabilities: WHATSAPP_WEB_CAPABILITIES,
  async send(to) {
    sent.push(to.replace('@c.us', ''));
    return `id-${sent.length}`;
  },
};
const worker = (lanes: WorkerLanes) => startOutboundWorker({ db: t.db, adapter, pacer: noPacing, connection, prefix, logger: pino({ level: 'silent' }), sweepAfterMs: 0, lanes });

beforeAll(async () => {
  t = await createTestDatabase();
  queues = createOutboundQueues({ connection, prefix });
});
afterAll(async () => {
  await queues?.close();
  await t?.drop();
  await deleteKeys(prefix);
});

describe('worker lanes', () => {
  it('sends replies on the replies lane, announcements and reminders on the bulk lane only', async () => {
    const contact = await t.db.insertInto('contacts').values({ locale: 'fr' }).returning('id').executeTakeFirstOrThrow();
    const add = async (text: string, kind: 'reply' | 'notification' | 'broadcast') =>
      (await t.db.insertInto('outbox').values({ contact_id: contact.id, channel: 'whatsapp_web', recipient: `${text}@c.us`, kind, payload: JSON.stringify({ text }) }).returning('id').executeTakeFirstOrThrow()).id;
    await queues.enqueue('whatsapp_web', [await add('reminder', 'notification'), await add('announcement', 'broadcast')], { bulk: true });
    await queues.enqueue('whatsapp_web', [await add('reply', 'reply')]);

    const replies = worker('replies');
    try {
      await waitUntil(() => sent.includes('reply'), 'the reply sent');
      // The bulk job had every chance meanwhile: it is still waiting for a bulk worker.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(sent).toEqual(['reply']);
    } finally {
      await replies.close();
    }
    const bulk = worker('bulk');
    try {
      await outboxDrained(t.db);
    } finally {
      await bulk.close();
    }
    expect(sent).toEqual(['reply', 'reminder', 'announcement']);
  });

  it('reads WORKER_LANES, all by default, and refuses a lane it does not know', () => {
    const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/x', REDIS_URL: 'redis://127.0.0.1:6379' };
    expect(loadConfig(base).WORKER_LANES).toBe('all');
    expect(loadConfig({ ...base, WORKER_LANES: 'replies' }).WORKER_LANES).toBe('replies');
    expect(() => loadConfig({ ...base, WORKER_LANES: 'reply' })).toThrow(/WORKER_LANES/);
  });
});

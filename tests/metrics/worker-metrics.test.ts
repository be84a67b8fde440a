// `npm run worker` has no HTTP server but its own /metrics on METRICS_PORT: what it sends and the
// provider's 429s are counted there; the queues and the outbox are the service's to show.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { parsePrometheusText, valueOf } from '../support/prometheus-text.ts';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.ts';
import { freePort } from '../support/free-port.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { connection, deleteKeys, TEST_REDIS_URL, testPrefix } from '../support/test-redis.ts';

const TOKEN = 'worker-scraper-token-0123';
const prefix = testPrefix();
let t: TestDatabase;
let telegram: FakeTelegram;
beforeAll(async () => {
  t = await createTestDatabase();
  telegram = await startFakeTelegram();
});
afterAll(async () => {
  await telegram?.close();
  await t?.drop();
  await deleteKeys(prefix);
});

describe('the worker command with METRICS_PORT', () => {
  it("serves its own counters to METRICS_TOKEN's holder: the message it sent and the 429 it met, and no queue gauges", async () => {
    const contact = await t.db.insertInto('contacts').values({ locale: 'fr' }).returning('id').executeTakeFirstOrThrow();
    const row = await t.db.insertInto('outbox').values({ contact_id: contact.id, channel: 'telegram', recipient: '94001', payload: JSON.stringify({ text: 'Rappel : demain 9 h' }) }).returning('id').executeTakeFirstOrThrow();
    const queues = createOutboundQueues({ connection, prefix });
    await queues.enqueue('telegram', [row.id]);
    await queues.close();
    telegram.throttleNext('sendMessage', 1);
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/worker.ts'], {
      env: { ...process.env, DATABASE_URL: t.url, REDIS_URL: TEST_REDIS_URL, QUEUE_PREFIX: prefix, TELEGRAM_BOT_TOKEN: telegram.token, TELEGRAM_API_ROOT: telegram.apiRoot, HOST: '127.0.0.1', METRICS_PORT: String(port), METRICS_TOKEN: TOKEN, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const url = `http://127.0.0.1:${port}/metrics`;
    try {
      await telegram.waitFor(2, (c) => c.method === 'sendMessage' && String(c.payload.chat_id) === '94001', 30_000);
      await expect.poll(async () => (await t.db.selectFrom('outbox').select('status').where('id', '=', row.id).executeTakeFirstOrThrow()).status, { timeout: 10_000 }).toBe('sent');
      expect((await fetch(url)).status).toBe(401);
      const answer = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(answer.status).toBe(200);
      const samples = parsePrometheusText(await answer.text());
      expect(valueOf(samples, 'qafila_messages_sent_total', { channel: 'telegram' })).toBe(1);
      expect(valueOf(samples, 'qafila_provider_throttled_total', { channel: 'telegram' })).toBe(1);
      expect(samples.filter((s) => s.name === 'qafila_queue_jobs' || s.name === 'qafila_outbox_messages')).toEqual([]);
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(404);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited, output).toBe(0);
  }, 60_000);
});

// `npm start` with METRICS_TOKEN: what villagers do moves its counters, and its scrape reads every
// queue and the outbox, which the workers' own pages leave out.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port.ts';
import { parsePrometheusText, valueOf } from '../support/prometheus-text.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { deleteKeys, TEST_REDIS_URL, testPrefix } from '../support/test-redis.ts';

const TOKEN = 'service-scraper-token-0123';
const prefix = testPrefix();
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
  await deleteKeys(prefix);
});

describe('the service with METRICS_TOKEN', () => {
  it('counts a message and an emergency from the simulator, and reads the queues and the outbox when scraped', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, DATABASE_URL: t.url, REDIS_URL: TEST_REDIS_URL, PORT: String(port), HOST: '127.0.0.1', QUEUE_PREFIX: prefix, METRICS_TOKEN: TOKEN, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const base = `http://127.0.0.1:${port}`;
    const scrape = async () => parsePrometheusText(await (await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text());
    try {
      await expect.poll(async () => (await fetch(`${base}/health`).then((r) => r.status, () => 0)), { timeout: 30_000, interval: 250 }).toBe(200);
      const sent = await fetch(`${base}/simulator/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: '+212600000991', text: 'urgence' }) });
      expect(sent.status).toBe(200);
      expect((await fetch(`${base}/metrics`)).status).toBe(401);

      const samples = await scrape();
      expect(valueOf(samples, 'qafila_messages_received_total', { channel: 'web' })).toBe(1);
      expect(valueOf(samples, 'qafila_emergencies_total', { channel: 'web' })).toBe(1);
      // No channel is configured: the timers' and the broadcasts' queues, in each state.
      const queues = samples.filter((s) => s.name === 'qafila_queue_jobs').map((s) => `${s.labels.queue} ${s.labels.state}`);
      expect(queues.sort()).toEqual(['broadcasts', 'notifications'].flatMap((q) => ['active', 'delayed', 'failed', 'waiting'].map((s) => `${q} ${s}`)));
      // The simulator shows its replies at once: none waits in the outbox, until one does.
      expect(samples.filter((s) => s.name === 'qafila_outbox_messages')).toEqual([]);
      const contact = await t.db.selectFrom('contacts').select('id').executeTakeFirstOrThrow();
      await t.db.insertInto('outbox').values({ contact_id: contact.id, channel: 'telegram', recipient: '95001', payload: JSON.stringify({ text: 'Rappel' }) }).execute();
      expect(valueOf(await scrape(), 'qafila_outbox_messages', { channel: 'telegram', status: 'pending' })).toBe(1);
      expect(valueOf(samples, 'qafila_metrics_collect_errors_total')).toBe(0);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited, output).toBe(0);
  }, 60_000);
});

// `npm run worker` on its own: at start the reconciler finds a reminder whose timer Redis never had,
// fires it, and the message reaches Telegram; SIGTERM lets it finish and exit.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { bookEyeConsultation, conversationDeps, seedConversationCampaigns, Villager } from '../support/conversation-harness.ts';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.ts';
import { deleteKeys, TEST_REDIS_URL, testPrefix } from '../support/test-redis.ts';

const prefix = testPrefix();

let t: TestDatabase;
let telegram: FakeTelegram;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
  telegram = await startFakeTelegram();
});
afterAll(async () => {
  await telegram?.close();
  await t?.drop();
  await deleteKeys(prefix);
});

describe('worker command', () => {
  it('restores a lost timer, sends the due reminder through Telegram, and stops on SIGTERM', async () => {
    const v = new Villager(conversationDeps(t.db), '93001', 'telegram');
    await v.onboard('fr');
    await bookEyeConsultation(v, { name: 'Hakima Ouchen', sex: 'female', age: 39, day: '2026-12-14' });
    // The reminder fell due a minute ago by the worker's clock, the machine's (the conversation's is in December).
    await t.db.updateTable('notifications').set({ due_at: new Date(Date.now() - 60_000) }).where('label', '=', 'two_days_before').execute();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/worker.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: t.url,
        REDIS_URL: TEST_REDIS_URL,
        QUEUE_PREFIX: prefix,
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_API_ROOT: telegram.apiRoot,
        // Quiet hours off: the worker runs on the real clock, whatever the hour of this run.
        QUIET_HOURS: '00:00-00:00',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const [sent] = await telegram.waitFor(1, (c) => c.method === 'sendMessage' && String(c.payload.chat_id) === '93001' && String(c.payload.text).startsWith('Rappel'), 30_000);
      expect(String(sent?.payload.text)).toContain('Hakima Ouchen');
      await expect.poll(async () => (await t.db.selectFrom('notifications').select('status').where('label', '=', 'two_days_before').executeTakeFirstOrThrow()).status).toBe('sent');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited, output).toBe(0);
  }, 60_000);
});

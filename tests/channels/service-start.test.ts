// The service starts with whatsapp-web.js configured on the system Chromium, stays up while the
// session cannot connect (no network here), shows its state to the admin, and stops on SIGTERM.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { deleteKeys, TEST_REDIS_URL, testPrefix } from '../support/test-redis.ts';

const prefix = testPrefix();
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
  await deleteKeys(prefix);
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

describe('service start', () => {
  it('starts with WHATSAPP_WEB=on, answers /health, reports the session, and stops on SIGTERM', async () => {
    const port = await freePort();
    const token = 'admin-token-0123456789';
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: t.url,
        REDIS_URL: TEST_REDIS_URL,
        PORT: String(port),
        HOST: '127.0.0.1',
        WHATSAPP_WEB: 'on',
        WHATSAPP_WEB_SESSION_DIR: mkdtempSync(path.join(tmpdir(), 'qafila-wweb-')),
        ADMIN_TOKEN: token,
        QUEUE_PREFIX: prefix,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await expect
        .poll(async () => (await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.status, () => 0)), { timeout: 30_000, interval: 250 })
        .toBe(200);
      // web.whatsapp.com is out of reach here: the browser starts, the page cannot load, the session tries again.
      const state = async () => {
        const page = await fetch(`http://127.0.0.1:${port}/admin/whatsapp-web`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.text());
        return /State: <strong>(\w+)<\/strong>/.exec(page)?.[1];
      };
      await expect.poll(state, { timeout: 30_000, interval: 250 }).toBe('reconnecting');
      // The state is set before the log line reaches the pipe: on a loaded machine the line comes a moment later.
      await expect.poll(() => output, { timeout: 10_000, interval: 100 }).toContain('whatsapp-web could not start');
      // No simulator once a channel is configured.
      expect((await fetch(`http://127.0.0.1:${port}/simulator`)).status).toBe(404);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).not.toMatch(/could not start\.\n/);
  }, 60_000);
});

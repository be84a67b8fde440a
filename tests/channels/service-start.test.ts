// The service starts with whatsapp-web.js configured on the system Chromium, stays up while the
// session cannot connect (no network here), shows its state to the admin, and stops on SIGTERM.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

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
        REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
        PORT: String(port),
        HOST: '127.0.0.1',
        WHATSAPP_WEB: 'on',
        WHATSAPP_WEB_SESSION_DIR: mkdtempSync(path.join(tmpdir(), 'qafila-wweb-')),
        ADMIN_TOKEN: token,
        QUEUE_PREFIX: `qafila-start-${port}`,
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
      const admin = await fetch(`http://127.0.0.1:${port}/admin/whatsapp-web`, { headers: { authorization: `Bearer ${token}` } });
      expect(await admin.text()).toMatch(/State: <strong>(starting|reconnecting)<\/strong>|pairing code/);
      // No simulator once a channel is configured.
      expect((await fetch(`http://127.0.0.1:${port}/simulator`)).status).toBe(404);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(output).not.toMatch(/could not start\.\n/);
  }, 60_000);
});

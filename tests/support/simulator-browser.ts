// The simulator served on a scratch database, and a headless Chromium to use it as a person would.
import { chromium, type Browser } from 'playwright-core';
import { pino } from 'pino';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';
import { conversationDeps, seedConversationCampaigns } from './conversation-harness.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface SimulatorBrowser {
  t: TestDatabase;
  app: FastifyInstance;
  browser: Browser;
  /** The server's address, e.g. http://127.0.0.1:40123 */
  base: string;
  close(): Promise<void>;
}

export async function startSimulatorBrowser(): Promise<SimulatorBrowser> {
  const t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
  const app = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock: { now: () => new Date() }, logger: pino({ level: 'silent' }), timeZone: 'Africa/Casablanca', simulator: { conversation: conversationDeps(t.db), flood: { check: async () => 'ok' }, access: 'loopback' } });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  return {
    t,
    app,
    browser,
    base,
    async close() {
      await browser.close();
      await app.close();
      await t.drop();
    },
  };
}

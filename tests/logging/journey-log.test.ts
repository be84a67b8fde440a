// A villager's whole booking, logged at the most verbose level, leaves no phone, name, words or
// token in the log: not in fastify's own lines, not in a database error, not at any depth.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { redactDeep } from '../../src/logging/redact.ts';
import { conversationDeps, seedConversationCampaigns } from '../support/conversation-harness.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const PHONE = '+212612000111';
const NAME = 'Zahra Ouchen';
const lines: string[] = [];
const logger = createLogger('trace', new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(chunk.toString('utf8')), done()) }));
let t: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
  app = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock: { now: () => new Date('2026-12-01T09:00:00Z') }, logger, timeZone: 'Africa/Casablanca', simulator: { conversation: conversationDeps(t.db), flood: { check: async () => 'ok' }, access: 'loopback' } });
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const say = async (message: Record<string, unknown>) => {
  const answer = await app.inject({ method: 'POST', url: '/simulator/api/messages', payload: { from: PHONE, ...message } });
  expect(answer.statusCode).toBe(200);
  return answer.json() as { replies: Array<{ choices?: Array<{ id: string }> }> };
};

describe('the log of a journey', () => {
  it('holds no phone, name, words or token of the villager', async () => {
    await say({ text: 'Bonjour' });
    await say({ choice: 'accept' });
    await say({ choice: 'register' });
    await say({ choice: 'self' });
    await say({ text: NAME });
    await say({ choice: 'female' });
    await say({ text: '47' });
    await say({ text: 'Tinghir' });
    const list = await say({ text: 'Tinghir' });
    await say({ choice: list.replies.flatMap((r) => r.choices ?? [])[0]?.id ?? '' });
    await say({ choice: 'ophthalmology' });
    await say({ choice: '2026-12-14' });
    await say({ text: '1' });
    await say({ choice: 'confirm' });
    await say({ text: 'ma mère a mal aux yeux' });
    // A wrong address with a token in its query string, and a real database error naming the phone.
    expect((await app.inject({ url: '/admin/whatsapp-web?token=secret-admin-token-123' })).statusCode).toBe(404);
    const duplicate = await t.db.insertInto('contacts').values({ phone_e164: PHONE, locale: 'fr' }).execute().then(() => undefined, (err: unknown) => err);
    expect(String((duplicate as { detail?: string }).detail)).toContain(PHONE);
    logger.error({ err: duplicate, contact: { at: { depth: { phone_e164: PHONE, full_name: NAME } } } }, `booking failed for ${PHONE}`);

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(30);
    for (const secret of [PHONE, PHONE.slice(1), '612000111', NAME, 'Zahra', 'Ouchen', 'mal aux yeux', 'secret-admin-token-123']) expect(log, secret).not.toContain(secret);
    // What helps to find a problem stays: the route, the request id, the error's code and message.
    expect(log).toContain('"path":"/simulator/api/messages"');
    expect(log).toContain('"code":"23505"');
    expect(log).toContain('duplicate key value violates unique constraint');
  });
});

describe('redaction', () => {
  it('censors secret fields and phone-like digits at any depth, and keeps the rest', () => {
    const err = Object.assign(new Error('duplicate key'), { code: '23505', detail: `Key (phone_e164)=(${PHONE}) already exists.` });
    expect(redactDeep({ a: [{ b: { phoneE164: PHONE, full_name: NAME, id: 7 } }], note: `call 0612 000 111 or ${PHONE}`, err, count: 212612000111 })).toEqual({
      a: [{ b: { phoneE164: '[redacted]', full_name: '[redacted]', id: 7 } }],
      note: 'call [redacted] or [redacted]',
      err: { code: '23505', detail: '[redacted]', type: 'Error', message: 'duplicate key', stack: expect.stringContaining('duplicate key') },
      count: 212612000111,
    });
  });
});

// What an attacker meets at the door: guessing tokens makes an address wait, every answer carries the
// browser protections, staff answers are never cached, and a failure of ours shows no database's words.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { createDatabase } from '../../src/db/connection.ts';
import { buildServer } from '../../src/http/server.ts';
import { addTestStaff } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { START, testClock } from '../support/conversation-harness.ts';
import { deleteKeys, TEST_REDIS_URL, testPrefix } from '../support/test-redis.ts';
import { Redis } from 'ioredis';

let t: TestDatabase;
let app: FastifyInstance;
let token = '';
const clock = testClock(START);

beforeAll(async () => {
  t = await createTestDatabase();
  app = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock, logger: pino({ level: 'silent' }), timeZone: 'Africa/Casablanca' });
  token = (await addTestStaff(t.db, { name: 'Khadija', role: 'coordinator' })).token;
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const tickets = (bearer: string, remoteAddress = '203.0.113.7') => app.inject({ url: '/admin/api/tickets', remoteAddress, headers: { authorization: `Bearer ${bearer}` } });

describe('guessing tokens', () => {
  it('makes an address wait after 10 wrong tokens in five minutes, while the right token and other addresses still pass', async () => {
    const answers = [];
    for (let i = 0; i < 60; i++) answers.push((await tickets(`qst_guess_${i}`)).statusCode);
    expect(answers.filter((s) => s === 401)).toHaveLength(10);
    expect(answers.slice(10)).toEqual(Array.from({ length: 50 }, () => 429));
    const waiting = await tickets('qst_guess_again');
    expect(waiting.headers['retry-after']).toBe('300');
    expect(waiting.json().error).toBe('too many wrong tokens from this address: try again in 300 s');
    // A coordinator at the same venue, behind the same address, is not locked out.
    expect((await tickets(token)).statusCode).toBe(200);
    expect((await tickets('qst_other_address', '198.51.100.4')).statusCode).toBe(401);
    // Five minutes later the address may try again.
    clock.advance(5 * 60_000 + 1000);
    expect((await tickets('qst_guess_later')).statusCode).toBe(401);
  });
});

describe('request rates on the admin API', () => {
  it('hold a staff member to their minute, and an address to its own, shared by every process through Redis', async () => {
    const prefix = testPrefix();
    const redis = new Redis(TEST_REDIS_URL);
    const limits = { perStaffPerMinute: 4, perAddressPerMinute: 6, redis, prefix };
    // Two processes of the service behind one load balancer.
    const [one, two] = [0, 1].map(() => buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock, logger: pino({ level: 'silent' }), timeZone: 'Africa/Casablanca', adminRateLimit: limits }));
    const other = (await addTestStaff(t.db, { name: 'Youssef', role: 'coordinator' })).token;
    const ask = (server: FastifyInstance | undefined, bearer: string, remoteAddress: string) => server?.inject({ url: '/admin/api/tickets', remoteAddress, headers: { authorization: `Bearer ${bearer}` } });
    try {
      const staffAnswers = [];
      for (let i = 0; i < 6; i++) staffAnswers.push((await ask(i % 2 === 0 ? one : two, token, `198.51.100.${i}`))?.statusCode);
      expect(staffAnswers).toEqual([200, 200, 200, 200, 429, 429]);
      const refused = await ask(one, token, '198.51.100.9');
      expect(refused?.headers['retry-after']).toBe('60');
      expect(refused?.json().error).toBe('too many requests: try again in 60 s');
      // Another member at the same address goes on until the address itself has had its six.
      const addressAnswers = [];
      for (let i = 0; i < 4; i++) addressAnswers.push((await ask(i % 2 === 0 ? two : one, other, '203.0.113.50'))?.statusCode);
      for (let i = 0; i < 3; i++) addressAnswers.push((await ask(one, `qst_unknown_${i}`, '203.0.113.50'))?.statusCode);
      expect(addressAnswers).toEqual([200, 200, 200, 200, 401, 401, 429]);
    } finally {
      await one?.close();
      await two?.close();
      await deleteKeys(prefix);
      redis.disconnect();
    }
  });
});

describe('every answer', () => {
  it('carries HSTS, nosniff, no framing and no referrer, and staff answers are never cached', async () => {
    for (const answer of [await app.inject({ url: '/health' }), await tickets(token, '192.0.2.1')]) {
      expect(answer.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
    }
    expect((await tickets(token, '192.0.2.1')).headers['cache-control']).toBe('no-store');
  });

  it('says "internal" with the request id when something of ours fails, and logs the cause under that id', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({ write: (chunk: Buffer, _e, done) => (lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>), done()) });
    const down = createDatabase({ connectionString: 'postgres://postgres@127.0.0.1:1/qafila', poolSize: 1 });
    const broken = buildServer({ db: down, redis: { ping: async () => 'PONG' }, clock, logger: pino({ level: 'error' }, sink), timeZone: 'Africa/Casablanca' });
    try {
      const answer = await broken.inject({ url: '/api/campaigns?province=tinghir' });
      expect(answer.statusCode).toBe(500);
      const body = answer.json();
      expect(body).toEqual({ error: 'internal', requestId: expect.stringMatching(/^req-/) });
      expect(answer.body).not.toContain('ECONNREFUSED');
      expect(lines.filter((l) => l.requestId === body.requestId).map((l) => (l.err as { message?: string }).message)).toEqual(['connect ECONNREFUSED 127.0.0.1:1']);
    } finally {
      await broken.close();
      await down.destroy();
    }
  });
});

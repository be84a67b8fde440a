// The web simulator takes any phone number: it is served to this machine only unless SIMULATOR=on,
// never once a channel talks to real villagers, and it obeys the channels' flood limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import type { FastifyInstance } from 'fastify';
import { redisFloodGuard } from '../../src/channels/flood-guard.ts';
import { loadConfig } from '../../src/config/index.ts';
import { buildServer } from '../../src/http/server.ts';
import { simulatorAccess, type SimulatorAccess } from '../../src/http/simulator-access.ts';
import { conversationDeps } from '../support/conversation-harness.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { deleteKeys, TEST_REDIS_URL, testPrefix } from '../support/test-redis.ts';

const FLOOD_LIMIT = 3;
const prefix = testPrefix();
let t: TestDatabase;
let redis: Redis;
const servers: FastifyInstance[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  redis = new Redis(TEST_REDIS_URL);
});
afterAll(async () => {
  for (const app of servers) await app.close();
  redis?.disconnect();
  await t?.drop();
  await deleteKeys(prefix);
});

function server(access: Exclude<SimulatorAccess, 'off'>): FastifyInstance {
  const flood = redisFloodGuard(redis, { prefix, limit: FLOOD_LIMIT, windowMs: 60_000 });
  const app = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock: { now: () => new Date() }, logger: pino({ level: 'silent' }), timeZone: 'Africa/Casablanca', simulator: { conversation: conversationDeps(t.db), flood, access } });
  servers.push(app);
  return app;
}

const contactsWith = async (phone: string) => (await t.db.selectFrom('contacts').select('id').where('phone_e164', '=', phone).execute()).length;
const good = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/qafila', REDIS_URL: 'redis://127.0.0.1:6379' };

describe('who may open the simulator', () => {
  it('is for this machine only by default, nobody once a channel is configured, everyone with SIMULATOR=on, nobody with off', () => {
    const access = (env: Record<string, string>, channelConfigured = false) => simulatorAccess(loadConfig({ ...good, ...env }).SIMULATOR, { channelConfigured });
    expect(access({})).toBe('loopback');
    expect(access({}, true)).toBe('off');
    expect(access({ SIMULATOR: 'on' })).toBe('anyone');
    expect(access({ SIMULATOR: 'on' }, true)).toBe('anyone');
    expect(access({ SIMULATOR: 'off' })).toBe('off');
  });

  it('answers 127.0.0.1, ::1 and ::ffff:127.0.0.1 by default', async () => {
    const app = server('loopback');
    for (const remoteAddress of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      expect((await app.inject({ method: 'GET', url: '/simulator', remoteAddress })).statusCode, remoteAddress).toBe(200);
      const answer = await app.inject({ method: 'POST', url: '/simulator/api/messages', remoteAddress, payload: { from: '+212600000901', text: 'Bonjour' } });
      expect(answer.statusCode, remoteAddress).toBe(200);
    }
  });

  it('answers any other address 404, as for a page that does not exist, and stores nothing it sent', async () => {
    const app = server('loopback');
    const unknown = await app.inject({ method: 'GET', url: '/no-such-page', remoteAddress: '203.0.113.7' });
    for (const remoteAddress of ['203.0.113.7', '10.0.0.5', '::ffff:192.168.1.20', '2001:db8::1']) {
      const page = await app.inject({ method: 'GET', url: '/simulator', remoteAddress });
      expect(page.statusCode, remoteAddress).toBe(404);
      expect(page.body).not.toContain('Qafila');
      const message = await app.inject({ method: 'POST', url: '/simulator/api/messages', remoteAddress, payload: { from: '+212600000902', text: 'Bonjour' } });
      expect(message.statusCode, remoteAddress).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/simulator/api/qr/K7F3QX.png', remoteAddress })).statusCode).toBe(404);
    }
    expect(unknown.statusCode).toBe(404);
    expect(await contactsWith('+212600000902')).toBe(0);
  });

  it('answers 404 to a request a proxy on this machine forwarded from elsewhere', async () => {
    const app = server('loopback');
    for (const headers of [{ 'x-forwarded-for': '203.0.113.7' }, { forwarded: 'for=203.0.113.7' }, { 'x-real-ip': '203.0.113.7' }]) {
      expect((await app.inject({ method: 'GET', url: '/simulator', remoteAddress: '127.0.0.1', headers })).statusCode).toBe(404);
    }
  });

  it('answers every address with SIMULATOR=on', async () => {
    const app = server('anyone');
    expect((await app.inject({ method: 'GET', url: '/simulator', remoteAddress: '203.0.113.7' })).statusCode).toBe(200);
    const answer = await app.inject({ method: 'POST', url: '/simulator/api/messages', remoteAddress: '203.0.113.7', payload: { from: '+212600000903', text: 'Bonjour' } });
    expect(answer.statusCode).toBe(200);
  });
});

describe('the simulator page and its limits', () => {
  it('says in French and in Arabic that it is a test tool, never for a real villager\'s number', async () => {
    const page = (await server('loopback').inject({ method: 'GET', url: '/simulator' })).body;
    expect(page).toContain("Outil de test. Ne l'utilisez jamais avec le numéro de téléphone d'un vrai villageois");
    expect(page).toContain('أداة للتجربة فقط. لا تستعملها أبدا برقم هاتف شخص حقيقي');
  });

  it('applies the channels\' flood limit to each phone number, in the page\'s language, but always answers an emergency', async () => {
    const app = server('loopback');
    const send = (from: string, text: string) => app.inject({ method: 'POST', url: '/simulator/api/messages', payload: { from, locale: 'fr', text } });
    for (let i = 0; i < FLOOD_LIMIT; i++) expect((await send('+212600000904', 'Bonjour')).statusCode).toBe(200);

    const tooMany = await send('+212600000904', 'Bonjour');
    expect(tooMany.statusCode).toBe(429);
    expect(tooMany.json().error).toBe("Vous m'envoyez beaucoup de messages à la fois 🙏 Je lirai les suivants dans une minute.");
    expect((await send('+212600000904', 'Bonjour')).statusCode).toBe(429);
    const emergency = await send('+212600000904', 'urgence, il saigne beaucoup');
    expect(emergency.statusCode).toBe(200);
    expect(JSON.stringify(emergency.json().replies)).toContain('141');
    // The limit is per number: another one still talks.
    expect((await send('+212600000905', 'Bonjour')).statusCode).toBe(200);
  });
});

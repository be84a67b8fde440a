// Uploading voice prompts: the file is judged by its bytes (Ogg, Opus, mono, size, length), whatever type the
// browser gives; a refusal names its reason; coordinators upload, listen and delete, audited; another
// organisation's recording does not exist for them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { addTestStaff, ensureOrganisation } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { mp3Bytes, silentOpus } from '../support/ogg-opus-writer.ts';

let t: TestDatabase;
let app: FastifyInstance;
const token = { coordinator: '', nurse: '', other: '' };

beforeAll(async () => {
  t = await createTestDatabase();
  app = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock: { now: () => new Date() }, logger: createLogger('silent'), timeZone: 'Africa/Casablanca' });
  await ensureOrganisation(t.db, 'test-association');
  token.coordinator = (await addTestStaff(t.db, { name: 'Khadija', role: 'coordinator' })).token;
  token.nurse = (await addTestStaff(t.db, { name: 'Dr Alami', role: 'medical' })).token;
  token.other = (await addTestStaff(t.db, { name: 'Samir', role: 'coordinator', organisation: 'cnts' })).token;
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const upload = (body: Buffer, { key = 'menu:question', locale = 'ary', type = 'application/octet-stream', bearer = token.coordinator } = {}) =>
  app.inject({ method: 'PUT', url: `/admin/api/voice-prompts/${locale}/${encodeURIComponent(key)}`, headers: { authorization: `Bearer ${bearer}`, 'content-type': type }, payload: body });
const board = async (bearer = token.coordinator) => {
  const answer = await app.inject({ method: 'GET', url: '/admin/api/voice-prompts', headers: { authorization: `Bearer ${bearer}` } });
  expect(answer.statusCode).toBe(200);
  return answer.json<{ keys: string[]; prompts: Array<{ id: number; key: string; locale: string; durationMs: number; sizeBytes: number; uploadedBy: string | null }> }>();
};

describe('uploading a voice prompt', () => {
  it.each([
    ['an MP3, even named audio/ogg', mp3Bytes(), 'audio/ogg', 'not_ogg', /not an Ogg recording/],
    ['a stereo recording', silentOpus({ channels: 2, durationMs: 3_000 }), 'audio/ogg', 'not_mono', /stereo/],
    ['a recording of 61 seconds', silentOpus({ durationMs: 61_000 }), 'audio/ogg', 'too_long', /longer than 60 seconds/],
    ['a file over 512 KB', silentOpus({ durationMs: 2_000, commentBytes: 600_000 }), 'audio/ogg', 'too_big', /over 512 KB/],
    ['a picture', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image/png', 'not_ogg', /not an Ogg/],
    ['nothing', Buffer.alloc(0), 'application/octet-stream', 'empty', /empty/],
  ])('refuses %s with its reason, and keeps nothing', async (_name, bytes, type, problem, text) => {
    const answer = await upload(bytes, { type });
    expect(answer.statusCode).toBe(400);
    expect(answer.json()).toMatchObject({ problem, error: expect.stringMatching(text) });
    expect((await board()).prompts).toEqual([]);
  });

  it('keeps a mono Ogg/Opus recording with its length, whatever type the browser said', async () => {
    const bytes = silentOpus({ durationMs: 4_000 });
    const answer = await upload(bytes, { type: 'video/webm', key: 'register:dayQuestion', locale: 'fr' });
    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toMatchObject({ key: 'register:dayQuestion', locale: 'fr', durationMs: 4_000, sizeBytes: bytes.length, uploadedBy: 'Khadija' });
    const audio = await app.inject({ method: 'GET', url: `/admin/api/voice-prompts/${answer.json<{ id: number }>().id}/audio`, headers: { authorization: `Bearer ${token.coordinator}` } });
    expect(audio.headers['content-type']).toBe('audio/ogg; codecs=opus');
    expect(Buffer.compare(audio.rawPayload, bytes)).toBe(0);
    // A player asks for the end of the file, where the last granule position gives the length.
    const url = `/admin/api/voice-prompts/${answer.json<{ id: number }>().id}/audio`;
    const tail = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token.coordinator}`, range: 'bytes=-100' } });
    expect([tail.statusCode, tail.headers['content-range']]).toEqual([206, `bytes ${bytes.length - 100}-${bytes.length - 1}/${bytes.length}`]);
    expect(Buffer.compare(tail.rawPayload, bytes.subarray(bytes.length - 100))).toBe(0);
    const beyond = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token.coordinator}`, range: `bytes=${bytes.length}-` } });
    expect(beyond.statusCode).toBe(416);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'voice_prompt.upload').execute();
    expect(audit).toEqual([{ action: 'voice_prompt.upload', details: { key: 'register:dayQuestion', locale: 'fr', bytes: bytes.length, durationMs: 4_000 } }]);
  });

  it('replaces the recording of a key and locale, and forgets what providers called the old one', async () => {
    const first = (await upload(silentOpus({ durationMs: 2_000 }), { key: 'menu:question', locale: 'ar' })).json<{ id: number }>();
    await t.db.insertInto('voice_prompt_media').values({ voice_prompt_id: first.id, channel: 'telegram', account: '1', media_id: 'old-file' }).execute();
    const second = (await upload(silentOpus({ durationMs: 5_000 }), { key: 'menu:question', locale: 'ar' })).json<{ id: number; durationMs: number }>();
    expect(second).toMatchObject({ id: first.id, durationMs: 5_000 });
    expect(await t.db.selectFrom('voice_prompt_media').selectAll().execute()).toEqual([]);
  });

  it('refuses a key the villager never sees and a locale that does not exist', async () => {
    expect((await upload(silentOpus(), { key: 'privacy:deleted' })).statusCode).toBe(400);
    expect((await upload(silentOpus(), { locale: 'en' })).statusCode).toBe(400);
  });

  it('lets only coordinators upload', async () => {
    expect((await upload(silentOpus(), { bearer: token.nurse })).statusCode).toBe(403);
  });
});

describe("another organisation's recordings", () => {
  it('are not listed, played nor deleted', async () => {
    const mine = (await upload(silentOpus(), { key: 'reminders:text', locale: 'ary' })).json<{ id: number }>();
    expect((await board(token.other)).prompts).toEqual([]);
    const headers = { authorization: `Bearer ${token.other}` };
    expect((await app.inject({ method: 'GET', url: `/admin/api/voice-prompts/${mine.id}/audio`, headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: `/admin/api/voice-prompts/${mine.id}`, headers })).statusCode).toBe(404);
    const gone = await app.inject({ method: 'DELETE', url: `/admin/api/voice-prompts/${mine.id}`, headers: { authorization: `Bearer ${token.coordinator}` } });
    expect(gone.statusCode).toBe(204);
    expect((await board()).prompts.map((p) => p.key)).not.toContain('reminders:text');
  });
});

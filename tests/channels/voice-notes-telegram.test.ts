// A villager's voice note on Telegram: the update names a file_id, the service asks the local Bot API for
// the file (getFile, then the file path) as the webhook arrives, and a person gets the audio on a ticket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { FastifyInstance } from 'fastify';
import { createReceiver } from '../../src/channels/receive.ts';
import { createTelegramAdapter } from '../../src/channels/telegram/telegram.channel.ts';
import { telegramChats } from '../../src/channels/telegram/telegram-chats.ts';
import { telegramVoiceFetcher } from '../../src/channels/telegram/telegram-voice.ts';
import { redisFloodGuard } from '../../src/channels/flood-guard.ts';
import { Redis } from 'ioredis';
import { noPacing } from '../../src/delivery/chat-pacer.ts';
import { createOutboundQueues, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { startOutboundWorker, type RunningWorker } from '../../src/delivery/outbound.worker.ts';
import { buildServer } from '../../src/http/server.ts';
import { TELEGRAM_WEBHOOK_PATH } from '../../src/http/telegram-webhook.routes.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { conversationDeps, seedConversationCampaigns } from '../support/conversation-harness.ts';
import { startFakeTelegram, type BotApiCall, type FakeTelegram } from '../support/fake-telegram.ts';
import { oggOpusSilence } from '../support/ogg-opus.ts';
import { outboxDrained } from '../support/outbox-wait.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { connection, deleteKeys, TEST_REDIS_URL, testPrefix } from '../support/test-redis.ts';
import { voiceNotesOf } from '../support/voice-rows.ts';

const SECRET = 'voice-webhook-secret-0123456789';
const prefix = testPrefix();
const tr = createTranslator(loadResources());
let t: TestDatabase;
let telegram: FakeTelegram;
let queues: OutboundQueues;
let worker: RunningWorker;
let app: FastifyInstance;
let updateId = 1;
let redis: Redis;
const FLOOD_LIMIT = 12;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
  telegram = await startFakeTelegram();
  const logger = pino({ level: 'silent' });
  const adapter = createTelegramAdapter({ token: telegram.token, apiRoot: telegram.apiRoot });
  queues = createOutboundQueues({ connection, prefix });
  worker = startOutboundWorker({ db: t.db, adapter, pacer: noPacing, connection, prefix, logger, sweepAfterMs: 0 });
  redis = new Redis(TEST_REDIS_URL);
  const flood = redisFloodGuard(redis, { prefix, limit: FLOOD_LIMIT, windowMs: 60_000 });
  const receive = createReceiver({ conversation: conversationDeps(t.db), queues, flood, fetchVoice: telegramVoiceFetcher({ token: telegram.token, apiRoot: telegram.apiRoot }) });
  app = buildServer({
    db: t.db,
    redis: { ping: async () => 'PONG' },
    clock: { now: () => new Date() },
    logger,
    timeZone: 'Africa/Casablanca',
    telegram: { secretToken: SECRET, receive, chats: telegramChats({ db: t.db, queues, t: tr }), answerCallback: (id) => adapter.api.answerCallbackQuery(id) },
  });
}, 30_000);

afterAll(async () => {
  await app?.close();
  await worker?.close();
  await queues?.close();
  await telegram?.close();
  redis?.disconnect();
  await t?.drop();
  await deleteKeys(prefix);
});

const post = (update: object) => app.inject({ method: 'POST', url: TELEGRAM_WEBHOOK_PATH, headers: { 'x-telegram-bot-api-secret-token': SECRET }, payload: update });
const message = (chat: number, fields: object) => ({ update_id: updateId++, message: { message_id: updateId, date: 0, chat: { id: chat, type: 'private' }, from: { id: chat, is_bot: false, first_name: 'A' }, ...fields } });
const toChat = (chat: number) => (c: BotApiCall) => c.method === 'sendMessage' && String(c.payload.chat_id) === String(chat);
const lastText = (chat: number) => String(telegram.calls.filter(toChat(chat)).at(-1)?.payload.text);

async function consented(chat: number) {
  await post(message(chat, { text: '/start' }));
  await outboxDrained(t.db);
  await post({ update_id: updateId++, callback_query: { id: `cb${updateId}`, from: { id: chat, is_bot: false, first_name: 'A' }, chat_instance: 'x', data: 'accept', message: { message_id: 1, date: 0, chat: { id: chat, type: 'private' } } } });
  await outboxDrained(t.db);
}

describe('a voice note on Telegram', () => {
  it('is downloaded through getFile and the file path on receipt, and kept on a ticket whose reason is the voice', async () => {
    const chat = 9101;
    await consented(chat);
    const audio = oggOpusSilence(2);
    telegram.addFile('voice-file-1', audio);
    expect((await post(message(chat, { voice: { file_id: 'voice-file-1', file_unique_id: 'u1', duration: 2, mime_type: 'audio/ogg', file_size: audio.length } }))).statusCode).toBe(200);
    await outboxDrained(t.db);
    expect(telegram.calls.filter((c) => c.method === 'getFile').map((c) => c.payload.file_id)).toEqual(['voice-file-1']);
    const { tickets, notes } = await voiceNotesOf(t.db, 'telegram', String(chat));
    expect(tickets).toEqual([expect.objectContaining({ reason: 'voice', status: 'open' })]);
    expect(notes).toEqual([expect.objectContaining({ ticket_id: tickets[0]?.id, channel: 'telegram', provider_media_id: 'voice-file-1', mime_type: 'audio/ogg', size_bytes: audio.length, duration_seconds: 2, failure: null, text: '[voice]' })]);
    expect(Buffer.compare(notes[0]?.audio ?? Buffer.alloc(0), audio)).toBe(0);
    expect(lastText(chat)).toBe(tr('fr', 'handoff:voiceHeard'));

    // A second one, an audio file this time, joins the same ticket.
    const second = oggOpusSilence(1);
    telegram.addFile('audio-file-2', second);
    await post(message(chat, { audio: { file_id: 'audio-file-2', file_unique_id: 'u2', duration: 1, mime_type: 'audio/mpeg' } }));
    await outboxDrained(t.db);
    const after = await voiceNotesOf(t.db, 'telegram', String(chat));
    expect(after.tickets).toHaveLength(1);
    expect(after.notes.map((n) => [n.ticket_id, n.provider_media_id, n.mime_type, n.audio?.length])).toEqual([
      [tickets[0]?.id, 'voice-file-1', 'audio/ogg', audio.length],
      [tickets[0]?.id, 'audio-file-2', 'audio/mpeg', second.length],
    ]);
  });

  it('refuses a file over the Bot API\'s 20 MB, still opening the ticket with the reason', async () => {
    const chat = 9102;
    await consented(chat);
    telegram.addFile('voice-huge', Buffer.from('x'), { tooBig: true });
    await post(message(chat, { voice: { file_id: 'voice-huge', file_unique_id: 'u3', duration: 900 } }));
    await outboxDrained(t.db);
    const { tickets, notes } = await voiceNotesOf(t.db, 'telegram', String(chat));
    expect(tickets).toEqual([expect.objectContaining({ reason: 'voice', status: 'open' })]);
    expect(notes).toEqual([expect.objectContaining({ provider_media_id: 'voice-huge', audio: null, failure: 'too_big', duration_seconds: 900 })]);
    expect(lastText(chat)).toBe(tr('fr', 'handoff:voiceLost'));
  });

  it('downloads nothing for a voice note past the flood limit', async () => {
    const chat = 9104;
    await consented(chat);
    for (let i = 0; i < FLOOD_LIMIT; i++) await post(message(chat, { text: `message ${i}` }));
    telegram.addFile('voice-flood', oggOpusSilence(1));
    await post(message(chat, { voice: { file_id: 'voice-flood', file_unique_id: 'u5', duration: 1 } }));
    await outboxDrained(t.db);
    expect(telegram.calls.filter((c) => c.method === 'getFile' && c.payload.file_id === 'voice-flood')).toEqual([]);
    expect((await voiceNotesOf(t.db, 'telegram', String(chat))).notes).toEqual([]);
  });

  it('does not even ask for a file the update says is over 20 MB', async () => {
    const chat = 9103;
    await consented(chat);
    const before = telegram.calls.filter((c) => c.method === 'getFile').length;
    await post(message(chat, { voice: { file_id: 'voice-declared-huge', file_unique_id: 'u4', duration: 60, file_size: 21 * 1024 * 1024 } }));
    await outboxDrained(t.db);
    expect(telegram.calls.filter((c) => c.method === 'getFile')).toHaveLength(before);
    expect((await voiceNotesOf(t.db, 'telegram', String(chat))).notes).toEqual([expect.objectContaining({ failure: 'too_big' })]);
  });
});

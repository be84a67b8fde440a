// Telegram end to end: real updates posted to the webhook, grammY's real client sending to a local Bot API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { Redis } from 'ioredis';
import { createReceiver } from '../../src/channels/receive.ts';
import { redisFloodGuard } from '../../src/channels/flood-guard.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { createTelegramAdapter } from '../../src/channels/telegram/telegram.channel.ts';
import { telegramChats } from '../../src/channels/telegram/telegram-chats.ts';
import { noPacing } from '../../src/delivery/chat-pacer.ts';
import { createOutboundQueues, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { startOutboundWorker, type RunningWorker } from '../../src/delivery/outbound.worker.ts';
import { buildServer } from '../../src/http/server.ts';
import { TELEGRAM_WEBHOOK_PATH } from '../../src/http/telegram-webhook.routes.ts';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { outboxDrained } from '../support/outbox-wait.ts';
import { conversationDeps, seedConversationCampaigns } from '../support/conversation-harness.ts';
import { startFakeTelegram, type BotApiCall, type FakeTelegram } from '../support/fake-telegram.ts';
import { connection, deleteKeys, TEST_REDIS_URL, testPrefix } from '../support/test-redis.ts';

const SECRET = 'webhook-secret-0123456789';
const REDIS = connection;
const prefix = testPrefix();

let t: TestDatabase;
let telegram: FakeTelegram;
let queues: OutboundQueues;
let worker: RunningWorker;
let app: FastifyInstance;
let updateId = 1;
let redis: Redis;
const FLOOD_LIMIT = 20;
let caravanId = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  ({ caravanId } = await seedConversationCampaigns(t.db));
  telegram = await startFakeTelegram();
  const logger = pino({ level: 'silent' });
  const adapter = createTelegramAdapter({ token: telegram.token, apiRoot: telegram.apiRoot });
  queues = createOutboundQueues({ connection: REDIS, prefix });
  worker = startOutboundWorker({ db: t.db, adapter, pacer: noPacing, connection: REDIS, prefix, logger, sweepAfterMs: 0 });
  redis = new Redis(TEST_REDIS_URL);
  const flood = redisFloodGuard(redis, { prefix, limit: FLOOD_LIMIT, windowMs: 60_000 });
  const receive = createReceiver({ conversation: conversationDeps(t.db), queues, flood });
  app = buildServer({
    db: t.db,
    redis: { ping: async () => 'PONG' },
    clock: { now: () => new Date() },
    logger,
    timeZone: 'Africa/Casablanca',
    telegram: { secretToken: SECRET, receive, chats: telegramChats({ db: t.db, queues, t: createTranslator(loadResources()) }), answerCallback: (id) => adapter.api.answerCallbackQuery(id) },
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

const post = (update: unknown, secret = SECRET) =>
  app.inject({ method: 'POST', url: TELEGRAM_WEBHOOK_PATH, headers: { 'x-telegram-bot-api-secret-token': secret }, payload: update as object });

const textUpdate = (chatId: number, text: string) => ({ update_id: updateId++, message: { message_id: updateId, date: 0, chat: { id: chatId, type: 'private' }, from: { id: chatId, is_bot: false, first_name: 'A' }, text } });
const buttonUpdate = (chatId: number, data: string) => ({
  update_id: updateId++,
  callback_query: { id: `cb${updateId}`, from: { id: chatId, is_bot: false, first_name: 'A' }, chat_instance: 'x', data, message: { message_id: 1, date: 0, chat: { id: chatId, type: 'private' } } },
});

/** Waits until every reply of the contact left the outbox. */
const settle = () => outboxDrained(t.db);

const toChat = (chatId: number) => (c: BotApiCall) => String(c.payload.chat_id) === String(chatId);
const buttonsOf = (c: BotApiCall | undefined): string[] => {
  const markup = c?.payload.reply_markup as { inline_keyboard?: Array<Array<{ callback_data: string }>> } | undefined;
  return markup?.inline_keyboard?.flat().map((b) => b.callback_data) ?? [];
};
const lastWithButtons = (chatId: number) => [...telegram.calls].reverse().find((c) => toChat(chatId)(c) && buttonsOf(c).length > 0);

async function say(chatId: number, text: string) {
  expect((await post(textUpdate(chatId, text))).statusCode).toBe(200);
  await settle();
}
async function press(chatId: number, data: string) {
  expect(buttonsOf(lastWithButtons(chatId))).toContain(data);
  expect((await post(buttonUpdate(chatId, data))).statusCode).toBe(200);
  await settle();
}

describe('Telegram channel', () => {
  it('takes a villager from /start through the language to a booking, ending with the code as a QR photo and the venue', async () => {
    const chat = 7001;
    await say(chat, '/start');
    const first = telegram.calls.filter(toChat(chat));
    expect(first[0]?.method).toBe('sendMessage');
    expect(buttonsOf(first.at(-1))).toEqual(['accept', 'decline', 'language']);
    await press(chat, 'language');
    await press(chat, 'ary');
    expect(String(lastWithButtons(chat)?.payload.text)).toContain('القانون 09-08');
    await press(chat, 'accept');
    await press(chat, 'register');
    await press(chat, 'self');
    await say(chat, 'Hassan Ouali');
    await press(chat, 'male');
    await say(chat, '52');
    await say(chat, 'Tinghir');
    await say(chat, 'تنغير');
    await press(chat, `c${caravanId}`);
    await press(chat, 'ophthalmology');
    await press(chat, '2026-12-14');
    const window = buttonsOf(lastWithButtons(chat))[0] ?? '';
    await press(chat, window);
    const before = telegram.calls.length;
    await press(chat, 'confirm');
    const after = telegram.calls.slice(before).filter(toChat(chat));
    // The code as a QR photo, the code in words, what to bring, the venue's words and pin, then the menu.
    expect(after.map((c) => c.method)).toEqual(['sendPhoto', 'sendMessage', 'sendMessage', 'sendMessage', 'sendVenue', 'sendMessage']);
    const photo = after.find((c) => c.method === 'sendPhoto');
    expect(photo?.png).toBe(true);
    const [appointment] = await t.db.selectFrom('appointments').select('code').execute();
    expect(photo?.payload.caption).toBe(`${appointment?.code.slice(0, 3)}-${appointment?.code.slice(3)}`);
    expect(after.find((c) => c.method === 'sendVenue')?.payload).toMatchObject({ latitude: 31.2427, longitude: -6.1278, title: 'Centre de santé' });
  }, 60_000);

  it('handles an update delivered twice only once', async () => {
    const chat = 7002;
    const update = textUpdate(chat, 'Bonjour');
    expect((await post(update)).statusCode).toBe(200);
    expect((await post(update)).statusCode).toBe(200);
    await settle();
    expect(telegram.calls.filter(toChat(chat))).toHaveLength(2); // the welcome and the consent notice, once
    const receipts = await t.db.selectFrom('inbound_receipts').select('provider_id').where('provider_id', '=', String(update.update_id)).execute();
    expect(receipts).toHaveLength(1);
  });

  it('honours a 429 with retry_after before sending again', async () => {
    const chat = 7003;
    telegram.throttleNext('sendMessage', 1);
    await say(chat, 'Bonjour');
    const attempts = telegram.calls.filter(toChat(chat));
    expect(attempts.map((c) => c.method)).toEqual(['sendMessage', 'sendMessage', 'sendMessage']);
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    const rows = await t.db.selectFrom('outbox as o').innerJoin('contact_identities as i', 'i.contact_id', 'o.contact_id').select(['o.status']).where('i.external_id', '=', String(chat)).execute();
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent']);
  });

  it('refuses a webhook without the right secret token and stores nothing', async () => {
    const update = textUpdate(7004, 'Bonjour');
    expect((await post(update, 'wrong')).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: TELEGRAM_WEBHOOK_PATH, payload: update })).statusCode).toBe(401);
    expect(await t.db.selectFrom('inbound_receipts').select('provider_id').where('provider_id', '=', String(update.update_id)).execute()).toEqual([]);
    const malformed = await app.inject({ method: 'POST', url: TELEGRAM_WEBHOOK_PATH, headers: { 'x-telegram-bot-api-secret-token': SECRET, 'content-type': 'application/json' }, payload: '{"update_id": 1,' });
    expect(malformed.statusCode).toBe(400);
    expect((await post({ update_id: 'one' })).statusCode).toBe(400);
    const huge = await app.inject({ method: 'POST', url: TELEGRAM_WEBHOOK_PATH, headers: { 'x-telegram-bot-api-secret-token': SECRET, 'content-type': 'application/json' }, payload: JSON.stringify({ update_id: 1, pad: 'x'.repeat(1_100_000) }) });
    expect(huge.statusCode).toBe(413);
  });

  it('marks a reply failed, without retrying, when the villager blocked the bot', async () => {
    const chat = 7005;
    telegram.blockChat(String(chat));
    await say(chat, 'Bonjour');
    const rows = await t.db.selectFrom('outbox as o').innerJoin('contact_identities as i', 'i.contact_id', 'o.contact_id').select(['o.status', 'o.error']).where('i.external_id', '=', String(chat)).execute();
    expect(rows.map((r) => r.status)).toEqual(['failed', 'failed']);
    expect(rows[0]?.error).toMatch(/403.*blocked/);
    expect(telegram.calls.filter(toChat(chat))).toHaveLength(2);
  });

  it('answers a flood once, politely, and ignores the rest of the minute', async () => {
    const chat = 7006;
    const first = updateId;
    for (let i = 0; i < FLOOD_LIMIT + 5; i++) expect((await post(textUpdate(chat, `message ${i}`))).statusCode).toBe(200);
    await settle();
    const handled = await t.db.selectFrom('inbound_receipts').select('provider_id').where('channel', '=', 'telegram').where(sql<boolean>`provider_id::int >= ${first}`).execute();
    expect(handled).toHaveLength(FLOOD_LIMIT);
    const tooFast = createTranslator(loadResources())('fr', 'common:tooFast');
    expect(telegram.calls.filter((c) => toChat(chat)(c) && c.payload.text === tooFast)).toHaveLength(1);
  });

  it('still answers an emergency with the numbers past the flood limit', async () => {
    const chat = 7009;
    for (let i = 0; i < FLOOD_LIMIT + 3; i++) expect((await post(textUpdate(chat, `message ${i}`))).statusCode).toBe(200);
    await settle();
    expect((await post(textUpdate(chat, 'نزيف'))).statusCode).toBe(200);
    await settle();
    // In the language the conversation already uses.
    const emergency = createTranslator(loadResources())('fr', 'common:emergency', { samu: '141', civil: '15' });
    expect(telegram.calls.filter((c) => toChat(chat)(c) && c.payload.text === emergency)).toHaveLength(1);
    const contact = await t.db.selectFrom('contact_identities').select('contact_id').where('external_id', '=', String(chat)).executeTakeFirstOrThrow();
    expect(await t.db.selectFrom('handoff_tickets').select(['reason', 'urgent']).where('contact_id', '=', contact.contact_id).execute()).toEqual([{ reason: 'emergency', urgent: true }]);
  });

  it('tells a group once to write in private, and takes nothing from it as a villager\'s', async () => {
    const group = { id: -1001555, type: 'supergroup', title: 'Douar Ait Ali' };
    const member = (id: number) => ({ id, is_bot: false, first_name: 'M' });
    const inGroup = (message: Record<string, unknown>) => ({ update_id: updateId++, message: { message_id: updateId, date: 0, chat: group, ...message } });
    expect((await post(inGroup({ from: member(1), text: 'salam, bghit ntsajel' }))).statusCode).toBe(200);
    expect((await post(inGroup({ from: member(2), contact: { phone_number: '212600000888', first_name: 'M', user_id: 2 } }))).statusCode).toBe(200);
    expect((await post({ update_id: updateId++, callback_query: { id: 'cb-group', from: member(3), chat_instance: 'g', data: 'accept', message: { message_id: 9, date: 0, chat: group } } })).statusCode).toBe(200);
    await settle();
    const tr = createTranslator(loadResources());
    const toGroup = telegram.calls.filter((c) => c.method === 'sendMessage' && String(c.payload.chat_id) === String(group.id));
    expect(toGroup.map((c) => c.payload.text)).toEqual([[tr('ary', 'common:privateOnly'), tr('ary-Latn', 'common:privateOnly'), tr('shi', 'common:privateOnly'), tr('fr', 'common:privateOnly')].join('\n\n')]);
    expect(telegram.calls.filter((c) => c.method === 'answerCallbackQuery' && c.payload.callback_query_id === 'cb-group')).toHaveLength(1);
    expect(await t.db.selectFrom('contact_identities').select('contact_id').where('external_id', '=', String(group.id)).execute()).toEqual([]);
    expect(await t.db.selectFrom('contacts').select('id').where('phone_e164', '=', '+212600000888').execute()).toEqual([]);
  });

  it('notes a villager who blocked the bot, until they start it again or write', async () => {
    const chat = 7010;
    await say(chat, 'Bonjour');
    const membership = (status: string) => ({ update_id: updateId++, my_chat_member: { chat: { id: chat, type: 'private' }, from: { id: chat, is_bot: false, first_name: 'A' }, date: 0, old_chat_member: { status: 'member', user: { id: 1, is_bot: true, first_name: 'Qafila' } }, new_chat_member: { status, user: { id: 1, is_bot: true, first_name: 'Qafila' } } } });
    const blockedAt = async () => (await t.db.selectFrom('contact_identities').select('blocked_at').where('channel', '=', 'telegram').where('external_id', '=', String(chat)).executeTakeFirstOrThrow()).blocked_at;
    expect((await post(membership('kicked'))).statusCode).toBe(200);
    expect(await blockedAt()).toBeInstanceOf(Date);
    expect((await post(membership('member'))).statusCode).toBe(200);
    expect(await blockedAt()).toBeNull();
    await post(membership('kicked'));
    await say(chat, 'salam');
    expect(await blockedAt()).toBeNull();
  });

  it('says nothing in the staff chat a campaign posts its alerts to', async () => {
    const staffChat = -1001777;
    await t.db.updateTable('campaigns').set({ staff_telegram_chat: String(staffChat) }).where('id', '=', caravanId).execute();
    const before = telegram.calls.length;
    expect((await post({ update_id: updateId++, message: { message_id: 1, date: 0, chat: { id: staffChat, type: 'group' }, from: { id: 5, is_bot: false, first_name: 'Dr' }, text: 'bien reçu' } })).statusCode).toBe(200);
    await settle();
    expect(telegram.calls.slice(before).filter((c) => String(c.payload.chat_id) === String(staffChat))).toEqual([]);
  });

  it('asks for the phone number with a request_contact button after consent, and joins the chat to the person who has it', async () => {
    const chat = 7007;
    // The same person booked on WhatsApp before: a contact with this phone and a registered person.
    const owner = await t.db.insertInto('contacts').values({ phone_e164: '+212600000777', locale: 'fr', consent_at: new Date() }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('beneficiaries').values({ contact_id: owner.id, relation: 'self', full_name: 'Najat', sex: 'female', birth_year: 1980 }).execute();
    await say(chat, 'Bonjour');
    await press(chat, 'accept');
    const ask = telegram.calls.filter(toChat(chat)).find((c) => (c.payload.reply_markup as { keyboard?: unknown } | undefined)?.keyboard);
    expect(ask?.payload.reply_markup).toEqual({ keyboard: [[{ text: '📱 Partager mon numéro', request_contact: true }]], one_time_keyboard: true, resize_keyboard: true });
    const share = { update_id: updateId++, message: { message_id: 1, date: 0, chat: { id: chat, type: 'private' }, from: { id: chat, is_bot: false, first_name: 'N' }, contact: { phone_number: '212600000777', first_name: 'N', user_id: chat } } };
    expect((await post(share)).statusCode).toBe(200);
    await settle();
    const identity = await t.db.selectFrom('contact_identities').select('contact_id').where('channel', '=', 'telegram').where('external_id', '=', String(chat)).executeTakeFirstOrThrow();
    expect(identity.contact_id).toBe(owner.id);
    // Someone else's contact card is not taken for the villager's own number.
    const forwarded = { update_id: updateId++, message: { message_id: 2, date: 0, chat: { id: 7008, type: 'private' }, from: { id: 7008, is_bot: false, first_name: 'X' }, contact: { phone_number: '212600000999', first_name: 'Y', user_id: 1234 } } };
    expect((await post(forwarded)).statusCode).toBe(200);
    await settle();
    expect(await t.db.selectFrom('contacts').select('id').where('phone_e164', '=', '+212600000999').execute()).toEqual([]);
  });
});

// Telegram in long-polling mode (the default): grammY's real Bot fetches updates from a local Bot API,
// the conversation answers through the outbox, button presses are acknowledged, and stopping confirms
// the last update so it is not fetched again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createReceiver } from '../../src/channels/receive.ts';
import { createTelegramAdapter } from '../../src/channels/telegram/telegram.channel.ts';
import { startTelegramPolling } from '../../src/channels/telegram/telegram-polling.ts';
import { telegramChats } from '../../src/channels/telegram/telegram-chats.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { noPacing } from '../../src/delivery/chat-pacer.ts';
import { createOutboundQueues, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { startOutboundWorker, type RunningWorker } from '../../src/delivery/outbound.worker.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { conversationDeps } from '../support/conversation-harness.ts';
import { startFakeTelegram, type BotApiCall, type FakeTelegram } from '../support/fake-telegram.ts';
import { connection, deleteKeys, testPrefix } from '../support/test-redis.ts';

const prefix = testPrefix();
const logger = pino({ level: 'silent' });
let t: TestDatabase;
let telegram: FakeTelegram;
let queues: OutboundQueues;
let worker: RunningWorker;

beforeAll(async () => {
  t = await createTestDatabase();
  telegram = await startFakeTelegram();
  queues = createOutboundQueues({ connection, prefix });
  worker = startOutboundWorker({ db: t.db, adapter: createTelegramAdapter({ token: telegram.token, apiRoot: telegram.apiRoot }), pacer: noPacing, connection, prefix, logger, sweepAfterMs: 0 });
});
afterAll(async () => {
  await worker?.close();
  await queues?.close();
  await telegram?.close();
  await t?.drop();
  await deleteKeys(prefix);
});

const toChat = (chat: number) => (c: BotApiCall) => c.method === 'sendMessage' && String(c.payload.chat_id) === String(chat);

describe('Telegram long polling', () => {
  it('answers the updates it fetches, acknowledges a pressed button, and confirms the last update when it stops', async () => {
    const chat = 7101;
    const from = { id: chat, is_bot: false, first_name: 'A' };
    const polling = startTelegramPolling({ token: telegram.token, apiRoot: telegram.apiRoot, receive: createReceiver({ conversation: conversationDeps(t.db), queues }), chats: telegramChats({ db: t.db, queues, t: createTranslator(loadResources()) }), logger });
    try {
      telegram.pushUpdate({ update_id: 501, message: { message_id: 1, date: 0, chat: { id: chat, type: 'private' }, from, text: 'Bonjour' } });
      // The welcome, then the consent notice with its buttons.
      const [, consent] = await telegram.waitFor(2, toChat(chat));
      const buttons = (consent?.payload.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> }).inline_keyboard.flat().map((b) => b.callback_data);
      expect(buttons).toEqual(['accept', 'decline', 'language']);

      telegram.pushUpdate({ update_id: 502, callback_query: { id: 'cb-502', from, chat_instance: 'x', data: 'accept', message: { message_id: 2, date: 0, chat: { id: chat, type: 'private' } } } });
      await telegram.waitFor(1, (c) => c.method === 'answerCallbackQuery' && c.payload.callback_query_id === 'cb-502');
      // The button is acknowledged at once, before the answer it leads to is handled and stored.
      const consentAt = async () => (await t.db.selectFrom('contact_identities as i').innerJoin('contacts as c', 'c.id', 'i.contact_id').select('c.consent_at').where('i.external_id', '=', String(chat)).executeTakeFirstOrThrow()).consent_at;
      await expect.poll(consentAt, { timeout: 5_000 }).toBeInstanceOf(Date);
    } finally {
      await polling.stop();
    }
    // Each update was handled once, and the bot told the Bot API it had the second.
    const receipts = await t.db.selectFrom('inbound_receipts').select('provider_id').where('channel', '=', 'telegram').orderBy('provider_id').execute();
    expect(receipts.map((r) => r.provider_id)).toEqual(['501', '502']);
    const polls = () => telegram.calls.filter((c) => c.method === 'getUpdates');
    expect(Number(polls().at(-1)?.payload.offset)).toBe(503);
    // Stopped: no more polling (a poll the fake holds ends within 0.2 s).
    const after = polls().length;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(polls()).toHaveLength(after);
  });

  it('stops the service with a clear message when Telegram refuses the token', async () => {
    const lines: string[] = [];
    const fatal: string[] = [];
    const polling = startTelegramPolling({ token: '999999:REVOKED-token-abcdefghijklmnop', apiRoot: telegram.apiRoot, receive: async () => ({ throttled: true }), chats: telegramChats({ db: t.db, queues, t: createTranslator(loadResources()) }), logger: pino({ level: 'info' }, { write: (l: string) => void lines.push(l) }), onFatal: (m) => void fatal.push(m) });
    try {
      await expect.poll(() => fatal, { timeout: 10_000 }).toEqual(['Telegram refused the bot token (revoked or wrong): set TELEGRAM_BOT_TOKEN to the token BotFather gives']);
      expect(lines.join('')).toMatch(/"level":60.*"code":401/);
    } finally {
      await polling.stop();
    }
  });

  it('says another poller holds the bot (409) and polls again later, then answers', async () => {
    const lines: string[] = [];
    telegram.failNext('getUpdates', 409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running');
    const chat = 7109;
    const polling = startTelegramPolling({ token: telegram.token, apiRoot: telegram.apiRoot, receive: createReceiver({ conversation: conversationDeps(t.db), queues }), chats: telegramChats({ db: t.db, queues, t: createTranslator(loadResources()) }), logger: pino({ level: 'info' }, { write: (l: string) => void lines.push(l) }), conflictRetryMs: 300 });
    try {
      await expect.poll(() => lines.join(''), { timeout: 10_000 }).toMatch(/another process is polling this Telegram bot/);
      telegram.pushUpdate({ update_id: 901, message: { message_id: 1, date: 0, chat: { id: chat, type: 'private' }, from: { id: chat, is_bot: false, first_name: 'B' }, text: 'Bonjour' } });
      await telegram.waitFor(1, toChat(chat));
    } finally {
      await polling.stop();
    }
  });
});

// A villager's voice note in the console: sent on Telegram (the local Bot API serves the file), it opens a
// ticket whose reason is the voice, and the conversation shows a player whose audio Chromium actually loads
// from the service, in French and Arabic, at a phone's size and a laptop's.
import type { Page } from 'playwright-core';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReceiver } from '../../src/channels/receive.ts';
import { createTelegramAdapter } from '../../src/channels/telegram/telegram.channel.ts';
import { telegramChats } from '../../src/channels/telegram/telegram-chats.ts';
import { telegramVoiceFetcher } from '../../src/channels/telegram/telegram-voice.ts';
import { noPacing } from '../../src/delivery/chat-pacer.ts';
import { renderWordsIn } from '../../src/delivery/deliver.ts';
import { createOutboundQueues, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { startOutboundWorker, type RunningWorker } from '../../src/delivery/outbound.worker.ts';
import { TELEGRAM_WEBHOOK_PATH } from '../../src/http/telegram-webhook.routes.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { type ConsoleBrowser, inLanguage, langAndDir, LAPTOP, lowContrastText, overflowingText, PHONE, screenshot, type Size, startConsoleBrowser } from '../support/console-browser.ts';
import { addConsoleStaff } from '../support/console-staff.ts';
import { conversationDeps, realClock } from '../support/conversation-harness.ts';
import { startFakeTelegram, type BotApiCall, type FakeTelegram } from '../support/fake-telegram.ts';
import { oggOpusSilence } from '../support/ogg-opus.ts';
import { connection, deleteKeys, testPrefix } from '../support/test-redis.ts';

const SECRET = 'voice-inbox-secret-0123456789';
const PASSWORD = 'caravane-dades-2027';
const CHAT = 880101;
const tr = createTranslator(loadResources());
const prefix = testPrefix();
let cb: ConsoleBrowser;
let telegram: FakeTelegram;
let queues: OutboundQueues | undefined;
let worker: RunningWorker | undefined;
let updateId = 1;

beforeAll(async () => {
  telegram = await startFakeTelegram();
  const adapter = createTelegramAdapter({ token: telegram.token, apiRoot: telegram.apiRoot });
  cb = await startConsoleBrowser(({ db }) => {
    const outbound = createOutboundQueues({ connection, prefix });
    queues = outbound;
    worker = startOutboundWorker({ db, adapter, pacer: noPacing, connection, prefix, logger: pino({ level: 'silent' }), sweepAfterMs: 0, renderWords: renderWordsIn(tr) });
    const receive = createReceiver({ conversation: conversationDeps(db, realClock()), queues: outbound, fetchVoice: telegramVoiceFetcher({ token: telegram.token, apiRoot: telegram.apiRoot }) });
    return {
      telegram: { secretToken: SECRET, receive, chats: telegramChats({ db, queues: outbound, t: tr }), answerCallback: (id) => adapter.api.answerCallbackQuery(id) },
      inbox: { t: tr, outbound },
      liveCapacity: { checkEveryMs: 300, pingEveryMs: 5_000, maxStreamMs: 60_000 },
    };
  });
  await addConsoleStaff(cb.t.db, { name: 'Khadija Ouali', role: 'coordinator', email: 'khadija@test.ma', password: PASSWORD });
}, 60_000);
afterAll(async () => {
  await cb?.close();
  await worker?.close();
  await queues?.close();
  await telegram?.close();
  await deleteKeys(prefix);
});

const toChat = (c: BotApiCall) => c.method === 'sendMessage' && String(c.payload.chat_id) === String(CHAT);
const from = { id: CHAT, is_bot: false, first_name: 'Fatima' };
const post = (update: object) => cb.app.inject({ method: 'POST', url: TELEGRAM_WEBHOOK_PATH, headers: { 'x-telegram-bot-api-secret-token': SECRET }, payload: update });
async function villagerSends(fields: object, expected: (text: string) => boolean) {
  const before = telegram.calls.length;
  expect((await post({ update_id: updateId++, message: { message_id: updateId, date: 0, chat: { id: CHAT, type: 'private' }, from, ...fields } })).statusCode).toBe(200);
  await telegram.waitFor(1, (c) => toChat(c) && telegram.calls.indexOf(c) >= before && expected(String(c.payload.text)));
}

/** The player's state once Chromium has read the audio's header (readyState 1: metadata) from the service. */
async function loadedAudio(page: Page, label: RegExp) {
  const player = page.getByLabel(label);
  await player.waitFor();
  // Polled from here: the console's CSP refuses the string predicates Playwright would poll in the page.
  const state = () => player.evaluate((audio: { readyState: number; duration: number; error: { code: number } | null }) => ({ readyState: audio.readyState, duration: audio.duration, error: audio.error?.code ?? null }));
  await expect.poll(async () => {
    const now = await state();
    return now.readyState >= 1 || now.error !== null;
  }, { timeout: 15_000 }).toBe(true);
  return state();
}

describe('a voice note in the inbox', () => {
  it('opens a ticket whose reason is the voice, and plays in the conversation in French and Arabic, on a phone and a laptop', async () => {
    await villagerSends({ text: 'Bonjour' }, (text) => text.includes('09-08'));
    const before = telegram.calls.length;
    expect((await post({ update_id: updateId++, callback_query: { id: `cb${updateId}`, from, chat_instance: 'x', data: 'accept', message: { message_id: 1, date: 0, chat: { id: CHAT, type: 'private' } } } })).statusCode).toBe(200);
    await telegram.waitFor(before + 1, () => true);
    const audio = oggOpusSilence(3);
    telegram.addFile('voice-e2e', audio);
    await villagerSends({ voice: { file_id: 'voice-e2e', file_unique_id: 'ue2e', duration: 3, mime_type: 'audio/ogg', file_size: audio.length } }, (text) => text === tr('fr', 'handoff:voiceHeard'));

    for (const [language, size, sizeName] of [['fr', PHONE, 'phone'], ['fr', LAPTOP, 'laptop'], ['ar', PHONE, 'phone'], ['ar', LAPTOP, 'laptop']] as const) {
      const { context, page } = await cb.open(size as Size, language);
      const failures: string[] = [];
      page.on('pageerror', (err) => failures.push(err.message));
      await cb.signIn(page, 'khadija@test.ma', PASSWORD);
      await inLanguage(page, language);
      await page.goto(`${cb.base}/console/inbox`);
      const item = page.getByRole('link', { name: language === 'ar' ? /رسالة صوتية/ : /Message vocal/ }).first();
      await item.waitFor({ timeout: 10_000 });
      await item.click();
      const conversation = page.getByRole('region', { name: language === 'ar' ? 'المحادثة' : 'Conversation' });
      await conversation.getByText(language === 'ar' ? /رسالة صوتية · 3 ث/ : /Message vocal · 3 s/).waitFor();
      const played = await loadedAudio(page, language === 'ar' ? /الاستماع إلى الرسالة الصوتية/ : /Écouter le message vocal/);
      expect(played.error).toBeNull();
      expect(played.readyState).toBeGreaterThanOrEqual(1);
      expect(Number.isFinite(played.duration) && played.duration > 0).toBe(true);
      expect(played.duration).toBeGreaterThan(2.5);
      expect((await langAndDir(page))[1]).toBe(language === 'ar' ? 'rtl' : 'ltr');
      if (size === PHONE) expect(await overflowingText(page)).toEqual([]);
      expect(await lowContrastText(page)).toEqual([]);
      await conversation.getByLabel(language === 'ar' ? /الاستماع/ : /Écouter/).scrollIntoViewIfNeeded();
      await screenshot(page, `inbox-voice-${language}-${sizeName}`);
      expect(failures).toEqual([]);
      await context.close();
    }
    // Each listen was audited, for the staff member's organisation.
    const listens = await cb.t.db.selectFrom('audit_log').select('action').where('action', '=', 'ticket.voice_played').execute();
    expect(listens.length).toBeGreaterThanOrEqual(4);
  }, 180_000);
});

// The inbox in the browser, against the real service with its Telegram channel (a local Bot API reached by
// grammY) and its delivery worker: a villager asks for a person in the chat, the ticket appears without a
// reload, staff answer and the villager receives the answer; staff close, and the bot answers the
// villager's next message. In French and Arabic, at a phone's size and a laptop's.
import type { Page } from 'playwright-core';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReceiver } from '../../src/channels/receive.ts';
import { createTelegramAdapter } from '../../src/channels/telegram/telegram.channel.ts';
import { telegramChats } from '../../src/channels/telegram/telegram-chats.ts';
import { noPacing } from '../../src/delivery/chat-pacer.ts';
import { renderWordsIn } from '../../src/delivery/deliver.ts';
import { createOutboundQueues, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { startOutboundWorker, type RunningWorker } from '../../src/delivery/outbound.worker.ts';
import { TELEGRAM_WEBHOOK_PATH } from '../../src/http/telegram-webhook.routes.ts';
import { openTicket } from '../../src/domain/handoff/handoff-tickets.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { type ConsoleBrowser, inLanguage, langAndDir, LAPTOP, lowContrastText, overflowingText, PHONE, screenshot, type Size, startConsoleBrowser } from '../support/console-browser.ts';
import { addConsoleStaff } from '../support/console-staff.ts';
import { conversationDeps, realClock } from '../support/conversation-harness.ts';
import { startFakeTelegram, type BotApiCall, type FakeTelegram } from '../support/fake-telegram.ts';
import { connection, deleteKeys, testPrefix } from '../support/test-redis.ts';

const SECRET = 'inbox-webhook-secret-0123456789';
const PASSWORD = 'caravane-dades-2027';
const CHAT = 880001;
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
    const receive = createReceiver({ conversation: conversationDeps(db, realClock()), queues: outbound });
    return {
      telegram: { secretToken: SECRET, receive, chats: telegramChats({ db, queues: outbound, t: tr }), answerCallback: (id) => adapter.api.answerCallbackQuery(id) },
      inbox: { t: tr, outbound, templates: (locale) => (locale === 'fr' ? { name: 'qafila_notice', language: 'fr' } : undefined) },
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
const chatTexts = () => telegram.calls.filter(toChat).map((c) => String(c.payload.text));
const from = { id: CHAT, is_bot: false, first_name: 'Fatima' };
const post = (update: object) => cb.app.inject({ method: 'POST', url: TELEGRAM_WEBHOOK_PATH, headers: { 'x-telegram-bot-api-secret-token': SECRET }, payload: update });
/** The villager writes, and we wait for the bot's `answers` messages (none while a person holds the ticket). */
async function villagerSays(text: string, answers: number) {
  const before = telegram.calls.filter(toChat).length;
  expect((await post({ update_id: updateId++, message: { message_id: updateId, date: 0, chat: { id: CHAT, type: 'private' }, from, text } })).statusCode).toBe(200);
  if (answers > 0) await telegram.waitFor(before + answers, toChat);
}
/** The villager presses a button, and we wait for the bot's message that holds `expected`. */
async function villagerPresses(data: string, expected: string) {
  const before = telegram.calls.filter(toChat).length;
  const update = { update_id: updateId++, callback_query: { id: `cb${updateId}`, from, chat_instance: 'x', data, message: { message_id: 1, date: 0, chat: { id: CHAT, type: 'private' } } } };
  expect((await post(update)).statusCode).toBe(200);
  await telegram.waitFor(1, (c) => toChat(c) && telegram.calls.indexOf(c) >= before && String(c.payload.text).includes(expected));
}

async function looksRight(page: Page, language: 'fr' | 'ar', size: Size, name: string) {
  expect((await langAndDir(page))[1]).toBe(language === 'ar' ? 'rtl' : 'ltr');
  if (size === PHONE) expect(await overflowingText(page)).toEqual([]);
  expect(await lowContrastText(page)).toEqual([]);
  await screenshot(page, name);
}

describe('the inbox', () => {
  it('shows a villager’s request without a reload, carries the answer to their chat, and gives them back to the bot on closing', async () => {
    const { context, page } = await cb.open(LAPTOP, 'fr');
    const failures: string[] = [];
    page.on('pageerror', (err) => failures.push(err.message));
    await cb.signIn(page, 'khadija@test.ma', PASSWORD);
    await page.getByRole('link', { name: 'Boîte de réception' }).click();
    await page.getByRole('heading', { name: 'Boîte de réception', level: 1 }).waitFor();
    await page.getByText('Aucune conversation en attente').waitFor();
    await page.evaluate('window.qafilaMarker = "no reload"');

    // Fatima, on Telegram: hello, the notice accepted, then "a person" from the menu.
    await villagerSays('Bonjour', 2);
    await villagerPresses('accept', 'Parler à une personne');
    await villagerPresses('person', "Une personne de l'équipe va vous répondre");
    await villagerSays('Ma mère a mal aux yeux depuis hier', 0);

    const item = page.getByRole('link', { name: /A demandé une personne/ });
    await item.waitFor({ timeout: 10_000 });
    expect(await page.evaluate<string>('window.qafilaMarker')).toBe('no reload');
    // The header's badge counts it unread.
    await page.getByRole('link', { name: /Boîte de réception\s*1 non lu/ }).waitFor();
    await item.click();
    const conversation = page.getByRole('region', { name: 'Conversation' });
    await conversation.getByText('Ma mère a mal aux yeux depuis hier').waitFor();

    await page.getByLabel('Votre réponse au villageois').fill('Bonjour, ici Khadija de la caravane. Quel âge a votre mère ?');
    await page.getByRole('button', { name: 'Envoyer' }).click();
    await telegram.waitFor(1, (c) => toChat(c) && String(c.payload.text).includes('ici Khadija de la caravane'));
    // Its delivery state follows on the page.
    await conversation.getByText('✓ Envoyé').first().waitFor({ timeout: 10_000 });
    await page.getByLabel('Note interne (visible par l’équipe seulement)').fill('Rappeler demain si pas de réponse.');
    await page.getByRole('button', { name: 'Ajouter la note' }).click();
    await conversation.getByText('Rappeler demain si pas de réponse.').waitFor();
    await page.getByLabel('Pris en charge par').selectOption({ label: 'Moi (Khadija Ouali)' });
    await page.getByRole('link', { name: /Pris par Khadija Ouali/ }).waitFor();
    // Her next words arrive while the page is open.
    await villagerSays('Elle a 67 ans', 0);
    await conversation.getByText('Elle a 67 ans').waitFor({ timeout: 10_000 });
    await looksRight(page, 'fr', LAPTOP, 'inbox-fr-laptop');
    expect(chatTexts().some((text) => text.includes('67'))).toBe(false);

    const ticketUrl = page.url();
    for (const [language, size, sizeName] of [['fr', PHONE, 'phone'], ['ar', PHONE, 'phone'], ['ar', LAPTOP, 'laptop']] as const) {
      const other = await cb.open(size, language);
      await cb.signIn(other.page, 'khadija@test.ma', PASSWORD);
      await inLanguage(other.page, language);
      await other.page.goto(`${cb.base}/console/inbox`);
      await other.page.getByRole('link', { name: language === 'ar' ? /طلب شخصًا/ : /A demandé une personne/ }).waitFor();
      if (size === PHONE) await looksRight(other.page, language, size, `inbox-list-${language}-${sizeName}`);
      await other.page.goto(ticketUrl);
      await other.page.getByRole('region', { name: language === 'ar' ? 'المحادثة' : 'Conversation' }).getByText('Elle a 67 ans').waitFor();
      await other.page.getByLabel(language === 'ar' ? 'ردّكم على القروي' : 'Votre réponse au villageois').waitFor();
      await looksRight(other.page, language, size, `inbox-${language}-${sizeName}`);
      await other.context.close();
    }

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Clore la conversation' }).click();
    await page.getByText('Aucune conversation en attente').waitFor();
    await telegram.waitFor(1, (c) => toChat(c) && String(c.payload.text) === tr('fr', 'handoff:closedByStaff'));
    // The bot speaks again: her next message gets an answer.
    const before = chatTexts().length;
    await villagerSays('Bonjour', 1);
    expect(chatTexts().length).toBeGreaterThan(before);
    expect(failures).toEqual([]);
    await context.close();
  }, 180_000);

  it('says on WhatsApp after 24 hours of silence that only the approved template can go, and sends it', async () => {
    const db = cb.t.db;
    const contact = await db.insertInto('contacts').values({ locale: 'fr', phone_e164: '+212661234567', consent_at: new Date() }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('beneficiaries').values({ contact_id: contact.id, relation: 'self', full_name: 'Aicha Bennani', sex: 'female', birth_year: 1962, commune: 'Tinghir' }).execute();
    await db.insertInto('contact_identities').values({ channel: 'whatsapp', external_id: '212661234567', contact_id: contact.id, last_inbound_at: new Date(Date.now() - 30 * 3_600_000) }).execute();
    const ticketId = await db.transaction().execute((trx) => openTicket(trx, { kind: 'contact', id: contact.id }, { contactId: contact.id, reason: 'stuck', urgent: false, text: 'Je ne comprends pas' }));
    for (const [language, size, sizeName] of [['fr', LAPTOP, 'laptop'], ['ar', PHONE, 'phone']] as const) {
      const { context, page } = await cb.open(size, language);
      await cb.signIn(page, 'khadija@test.ma', PASSWORD);
      await inLanguage(page, language);
      await page.goto(`${cb.base}/console/inbox/${ticketId}`);
      await page.getByText(language === 'ar' ? /أكثر من 24 ساعة/ : /plus de 24 heures/).waitFor();
      expect(await page.getByLabel(language === 'ar' ? 'ردّكم على القروي' : 'Votre réponse au villageois').count()).toBe(0);
      // The phone stays masked until asked for.
      expect(await page.getByText('+212661234567').count()).toBe(0);
      await looksRight(page, language, size, `inbox-template-${language}-${sizeName}`);
      if (language === 'fr') {
        await page.getByRole('button', { name: 'Afficher le numéro' }).click();
        await page.getByText('+212661234567').waitFor();
        await page.getByRole('button', { name: 'Envoyer le modèle' }).click();
        await page.getByText('Message mis en file d’envoi.').waitFor();
        const row = await db.selectFrom('outbox').select(['payload', 'recipient']).where('contact_id', '=', contact.id).executeTakeFirstOrThrow();
        expect(row).toEqual({ recipient: '212661234567', payload: { text: tr('fr', 'handoff:staffWaiting'), template: { params: [tr('fr', 'handoff:staffWaiting')] } } });
      }
      await context.close();
    }
  }, 120_000);
});

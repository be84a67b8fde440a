// A broadcast to a province from the console, in French and Arabic, on a phone and a laptop: the preview
// counts the people it reaches before sending, and that is the number of messages written; progress moves
// to the end through the Telegram channel (the local Bot API), a chat that blocked the bot shows as a
// failure reason, and "stop" mid-way leaves what was not sent unsent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { pino } from 'pino';
import { createTelegramAdapter } from '../../src/channels/telegram/telegram.channel.ts';
import { redisPacer } from '../../src/delivery/chat-pacer.ts';
import { createOutboundQueues, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { startOutboundWorker, type RunningWorker } from '../../src/delivery/outbound.worker.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { createBroadcastPages, type BroadcastPages } from '../../src/scheduling/broadcast.queue.ts';
import { startBroadcastWorker } from '../../src/scheduling/broadcast.worker.ts';
import { type ConsoleBrowser, inLanguage, langAndDir, LAPTOP, lowContrastText, overflowingText, PHONE, screenshot, startConsoleBrowser } from '../support/console-browser.ts';
import { addConsoleStaff } from '../support/console-staff.ts';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.ts';
import { importTestCampaign } from '../support/fixtures.ts';
import { connection, deleteKeys, testPrefix, TEST_REDIS_URL } from '../support/test-redis.ts';

/** The tests run at any hour: quiet hours are the server's rule, tested apart (broadcast-composer-api). */
const ANY_HOUR = { from: '00:00', until: '00:00' };
const PASSWORD = 'annonce-tinghir-2027';
const SUBSCRIBERS = 24;
/** Slow enough that a broadcast of 24 lasts seconds: progress can be watched and stopped. */
const PER_SECOND = 4;
const BLOCKED_CHAT = '900001';
const prefix = testPrefix();
let cb: ConsoleBrowser;
let telegram: FakeTelegram;
let redis: Redis;
let pages: BroadcastPages;
let outbound: OutboundQueues;
const workers: RunningWorker[] = [];

beforeAll(async () => {
  pages = createBroadcastPages({ connection, prefix });
  cb = await startConsoleBrowser(() => ({ broadcastPages: pages, quietHours: ANY_HOUR }));
  telegram = await startFakeTelegram();
  redis = new Redis(TEST_REDIS_URL);
  outbound = createOutboundQueues({ connection, prefix });
  const logger = pino({ level: 'silent' });
  workers.push(startBroadcastWorker({ connection, prefix, db: cb.t.db, t: createTranslator(loadResources()), outbound, pages, logger, zone: 'Africa/Casablanca', quiet: ANY_HOUR, pageSize: 10 }));
  const adapter = createTelegramAdapter({ token: telegram.token, apiRoot: telegram.apiRoot });
  workers.push(startOutboundWorker({ db: cb.t.db, adapter, pacer: redisPacer(redis, { prefix, perSecond: PER_SECOND, chatIntervalMs: 0 }), connection, prefix, logger, queues: outbound, bulkConcurrency: 2, sweepAfterMs: 0 }));
  await importTestCampaign(cb.t.db, { slug: 'tinghir-annonces', province: 'tinghir' });
  await addConsoleStaff(cb.t.db, { name: 'Khadija Coordinatrice', role: 'coordinator', email: 'khadija@tinghir.ma', password: PASSWORD });
  // Subscribers of Tinghir on Telegram; the first one blocked the bot (the Bot API answers 403).
  await sql`
    with c as (insert into contacts (locale, consent_at) select (array['fr', 'ar', 'ary'])[1 + g % 3], now() - interval '1 day' from generate_series(1, ${SUBSCRIBERS}::int) g returning id),
    i as (insert into contact_identities (channel, external_id, contact_id, last_inbound_at) select 'telegram', (900000 + row_number() over (order by id))::text, id, now() - interval '1 day' from c)
    insert into alert_subscriptions (contact_id, province_code) select id, 'tinghir' from c`.execute(cb.t.db);
  telegram.blockChat(BLOCKED_CHAT);
});
afterAll(async () => {
  for (const w of workers) await w.close();
  await outbound?.close();
  await pages?.close();
  redis?.disconnect();
  await telegram?.close();
  await cb?.close();
  await deleteKeys(prefix);
});

const WORDS = {
  fr: {
    nav: 'Annonces', provinces: 'Abonnés des provinces', tinghir: 'Tinghir', text: 'Français', send: 'Envoyer l’annonce', reach: (n: number) => `${n} personnes recevront l’annonce`,
    done: 'Terminée', cancelled: 'Annulée', blocked: /a bloqué le bot : 1/, stop: 'Arrêter l’envoi', message: 'La caravane arrive à Tinghir le 14. Inscrivez-vous par ce chat.',
  },
  ar: {
    nav: 'الإعلانات', provinces: 'المشتركون في الأقاليم', tinghir: 'تنغير', text: 'العربية', send: 'إرسال الإعلان', reach: (n: number) => `سيتلقى الإعلانَ ${n} شخصًا`,
    done: 'انتهى', cancelled: 'أُلغي', blocked: /حظر البوت : 1/, stop: 'إيقاف الإرسال', message: 'القافلة تصل إلى تنغير يوم 14. سجلوا عبر هذه المحادثة.',
  },
} as const;

/** The page is readable: direction, nothing wider than its box, enough contrast; then its picture. */
async function looksRight(page: Page, language: 'fr' | 'ar', name: string): Promise<void> {
  expect(await langAndDir(page)).toEqual([language, language === 'ar' ? 'rtl' : 'ltr']);
  expect(await overflowingText(page)).toEqual([]);
  expect(await lowContrastText(page)).toEqual([]);
  await screenshot(page, name);
}

/** Messages written for the broadcast, as the database has them. */
async function written(broadcastId: number): Promise<number> {
  return Number((await cb.t.db.selectFrom('outbox').select((eb) => eb.fn.countAll<string>().as('n')).where('broadcast_id', '=', broadcastId).executeTakeFirstOrThrow()).n);
}

/** Signs in, opens the composer, picks Tinghir and writes the text; waits for the preview's count. */
async function compose(language: 'fr' | 'ar', size: typeof PHONE | typeof LAPTOP): Promise<{ page: Page; close: () => Promise<void>; reach: number }> {
  const w = WORDS[language];
  const { context, page } = await cb.open(size, language);
  await cb.signIn(page, 'khadija@tinghir.ma', PASSWORD);
  await inLanguage(page, language);
  await page.getByRole('link', { name: w.nav }).click();
  await page.getByLabel(w.provinces).selectOption({ label: w.tinghir });
  await page.getByRole('textbox', { name: w.text, exact: true }).fill(w.message);
  // Every subscriber: the chat that blocked the bot is found out only when a message fails there.
  const reach = await cb.t.db.selectFrom('contact_identities').select((eb) => eb.fn.countAll<string>().as('n')).where('blocked_at', 'is', null).executeTakeFirstOrThrow();
  await page.getByText(w.reach(Number(reach.n))).waitFor();
  return { page, close: () => context.close(), reach: Number(reach.n) };
}

const broadcastIdOf = (page: Page) => Number(new URL(page.url()).searchParams.get('id'));

describe('the broadcast composer', () => {
  it('sends to a province the number the preview counted, shows progress to the end and why a chat failed (fr)', async () => {
    const w = WORDS.fr;
    const { page, close, reach } = await compose('fr', PHONE);
    await page.getByText(w.message).first().waitFor(); // the channels' preview
    await looksRight(page, 'fr', 'broadcast-composer-fr-phone');
    await page.setViewportSize(LAPTOP);
    await looksRight(page, 'fr', 'broadcast-composer-fr-laptop');
    await page.setViewportSize(PHONE);

    await page.getByRole('button', { name: w.send }).click();
    await page.waitForURL(/id=\d+/);
    const id = broadcastIdOf(page);
    await page.getByText(w.done).first().waitFor({ timeout: 30_000 });
    expect(await written(id)).toBe(reach);
    await page.getByText(w.blocked).waitFor({ timeout: 10_000 });
    // Every chat got it once, but the one that blocked the bot (its call answered 403).
    const sent = telegram.calls.filter((c) => c.method === 'sendMessage' && String(c.payload.text).startsWith(w.message) && String(c.payload.chat_id) !== BLOCKED_CHAT);
    expect(new Set(sent.map((c) => String(c.payload.chat_id))).size).toBe(reach - 1);
    expect(sent).toHaveLength(reach - 1);
    await looksRight(page, 'fr', 'broadcast-progress-fr-phone');
    await page.setViewportSize(LAPTOP);
    await looksRight(page, 'fr', 'broadcast-progress-fr-laptop');
    await close();
  });

  it('stops mid-way: what was not sent is never sent (ar)', async () => {
    const w = WORDS.ar;
    const { page, close } = await compose('ar', LAPTOP);
    await looksRight(page, 'ar', 'broadcast-composer-ar-laptop');
    await page.setViewportSize(PHONE);
    await looksRight(page, 'ar', 'broadcast-composer-ar-phone');
    await page.getByRole('button', { name: w.send }).click();
    await page.waitForURL(/id=\d+/);
    const id = broadcastIdOf(page);
    const mine = (c: { method: string; payload: Record<string, unknown> }) => c.method === 'sendMessage' && String(c.payload.text).startsWith(w.message);
    await telegram.waitFor(2, mine);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: w.stop }).click();
    await page.getByText(w.cancelled).first().waitFor();
    const atStop = telegram.calls.filter(mine).length;
    const withdrawn = await cb.t.db.selectFrom('outbox as o').select((eb) => eb.fn.countAll<string>().as('n')).where('o.broadcast_id', '=', id).where('o.status', '=', 'cancelled').executeTakeFirstOrThrow();
    expect(Number(withdrawn.n)).toBeGreaterThan(0);
    // Two seconds later (eight messages' worth at this pace), at most the ones in hand at the stop have left.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(telegram.calls.filter(mine).length).toBeLessThanOrEqual(atStop + 2);
    expect(telegram.calls.filter(mine).length).toBeLessThan(SUBSCRIBERS - 1);
    await looksRight(page, 'ar', 'broadcast-progress-ar-phone');
    await page.setViewportSize(LAPTOP);
    await looksRight(page, 'ar', 'broadcast-progress-ar-laptop');
    await close();
  });
});

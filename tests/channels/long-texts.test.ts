// A reply longer than one message (a long staff text, a broadcast) reaches the villager cut to 4,096
// characters with a note in their language, through each real adapter, never over the provider's limit.
import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { ChannelAdapter } from '../../src/channels/channel.ts';
import { MAX_REPLY_TEXT_LENGTH } from '../../src/channels/render.ts';
import { createTelegramAdapter } from '../../src/channels/telegram/telegram.channel.ts';
import { createWhatsAppCloudAdapter } from '../../src/channels/whatsapp-cloud/whatsapp-cloud.channel.ts';
import type { WebContent } from '../../src/channels/whatsapp-web/whatsapp-web-client.ts';
import { startWhatsAppWeb, type WhatsAppWebSession } from '../../src/channels/whatsapp-web/whatsapp-web.channel.ts';
import type { Locale } from '../../src/db/tables.ts';
import { noPacing } from '../../src/delivery/chat-pacer.ts';
import { deliverOutboxRows, renderWordsIn } from '../../src/delivery/deliver.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { conversationDeps, START } from '../support/conversation-harness.ts';
import { buildServer } from '../../src/http/server.ts';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph.ts';
import { importTestCampaign } from '../support/fixtures.ts';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** The most one text message may hold: Telegram's message and WhatsApp's text body alike. */
const PROVIDER_LIMIT = 4096;
const t = createTranslator(loadResources());
const renderWords = renderWordsIn(t);
/** 5,000 characters of a coordinator's announcement, in lines. */
const LONG = Array.from({ length: 100 }, (_, i) => `Ligne ${String(i + 1).padStart(3, '0')} : la caravane passe au douar, venez tôt.`).join('\n').slice(0, 5000);

let db: TestDatabase;
let telegram: FakeTelegram;
let graph: FakeGraph;
let web: WhatsAppWebSession;
const webSent: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  telegram = await startFakeTelegram();
  graph = await startFakeGraph('access-token-for-tests');
  const client = Object.assign(new EventEmitter(), {
    initialize: async () => undefined,
    destroy: async () => undefined,
    send: async (_chat: string, content: WebContent) => `web-${webSent.push(typeof content === 'string' ? content : '')}`,
  });
  web = startWhatsAppWeb({ client, receive: async () => ({ throttled: true }), logger: pino({ level: 'silent' }), printQr: () => undefined });
  client.emit('ready'); // the phone is linked
}, 30_000);

afterAll(async () => {
  await web?.stop();
  await graph?.close();
  await telegram?.close();
  await db?.drop();
});

/** Puts the long text in the outbox for a contact reading `locale` who wrote on `channel` at START, and delivers it. */
async function deliverLong(adapter: ChannelAdapter, recipient: string, locale: Locale): Promise<void> {
  const contact = await db.db.insertInto('contacts').values({ locale }).returning('id').executeTakeFirstOrThrow();
  await db.db.insertInto('contact_identities').values({ channel: adapter.name, external_id: recipient, contact_id: contact.id, last_inbound_at: START }).execute();
  const row = await db.db.insertInto('outbox').values({ contact_id: contact.id, channel: adapter.name, recipient, payload: JSON.stringify({ text: LONG }) }).returning('id').executeTakeFirstOrThrow();
  await deliverOutboxRows({ db: db.db, adapter, pacer: noPacing, now: () => START, renderWords }, [row.id]);
  const sent = await db.db.selectFrom('outbox').select('status').where('id', '=', row.id).executeTakeFirstOrThrow();
  expect(sent.status).toBe('sent');
}

/** What the villager reads, all messages together, and each message's length. */
function reading(texts: readonly string[]): { whole: string; longest: number } {
  return { whole: texts.join('\n'), longest: Math.max(...texts.map((x) => [...x].length)) };
}

describe('a reply longer than one message', () => {
  it('reaches a Telegram villager as one message cut to 4,096 characters, ending with the note in French', async () => {
    expect(LONG).toHaveLength(5000);
    await deliverLong(createTelegramAdapter({ token: telegram.token, apiRoot: telegram.apiRoot }), '70001', 'fr');

    const texts = telegram.calls.filter((c) => c.method === 'sendMessage' && String(c.payload.chat_id) === '70001').map((c) => String(c.payload.text));
    expect(texts).toHaveLength(1);
    const { whole, longest } = reading(texts);
    expect(longest).toBeLessThanOrEqual(PROVIDER_LIMIT);
    expect(whole.startsWith(LONG.slice(0, 4000))).toBe(true);
    expect(whole.endsWith(`…\n${t('fr', 'common:shortened')}`)).toBe(true);
  });

  it('reaches a WhatsApp Cloud villager cut the same way, each message under the text body limit, the note in Arabic', async () => {
    await deliverLong(createWhatsAppCloudAdapter({ accessToken: 'access-token-for-tests', phoneNumberId: '1000', graphRoot: graph.root }), '212600000701', 'ar');

    const bodies = graph.messages('212600000701').map((m) => (m.text as { body: string }).body);
    const { whole, longest } = reading(bodies);
    expect(longest).toBeLessThanOrEqual(PROVIDER_LIMIT);
    expect([...whole].length).toBeLessThanOrEqual(MAX_REPLY_TEXT_LENGTH);
    expect(whole.endsWith(`…\n${t('ar', 'common:shortened')}`)).toBe(true);
  });

  it('reaches a whatsapp-web.js villager as one message cut to 4,096 characters, the note in Darija', async () => {
    await deliverLong(web.adapter, '212600000702@c.us', 'ary');

    expect(webSent).toHaveLength(1);
    const { whole, longest } = reading(webSent);
    expect(longest).toBeLessThanOrEqual(PROVIDER_LIMIT);
    expect(whole.endsWith(`…\n${t('ary', 'common:shortened')}`)).toBe(true);
  });

  it('shows the same cut in the web simulator, the note in the page\'s language', async () => {
    // A coordinator's very long campaign title lands in the summary before the confirmation.
    await importTestCampaign(db.db, { slug: 'long-title', title: { fr: `Caravane ${'très '.repeat(900)}longue` } });
    const app = buildServer({ db: db.db, redis: { ping: async () => 'PONG' }, clock: { now: () => START }, logger: pino({ level: 'silent' }), timeZone: 'Africa/Casablanca', simulator: { conversation: conversationDeps(db.db), flood: { check: async () => 'ok' }, access: 'loopback' } });
    type Answer = { replies: Array<{ text: string; choices?: Array<{ id: string }> }> };
    let last: Answer = { replies: [] };
    const say = async (message: { text?: string; choice?: string }) => {
      last = (await app.inject({ method: 'POST', url: '/simulator/api/messages', payload: { from: '+212600000703', locale: 'fr', ...message } })).json() as Answer;
    };
    const firstChoice = () => last.replies.flatMap((r) => r.choices ?? [])[0]?.id ?? '';
    try {
      for (const m of [{ text: 'Bonjour' }, { choice: 'accept' }, { choice: 'register' }, { choice: 'self' }, { text: 'Fatima Amrani' }, { choice: 'female' }, { text: '40' }, { text: 'Tinghir' }, { text: 'Tinghir' }]) await say(m);
      // The campaign, then its day and its window, until the summary asks for a confirmation.
      for (let i = 0; i < 4 && !last.replies.some((r) => r.choices?.some((c) => c.id === 'confirm')); i++) await say({ choice: firstChoice() });

      const summary = last.replies.find((r) => r.choices?.some((c) => c.id === 'confirm'))?.text ?? '';
      expect([...summary].length).toBeLessThanOrEqual(MAX_REPLY_TEXT_LENGTH);
      expect(summary.endsWith(`…\n${t('fr', 'common:shortened')}`)).toBe(true);
    } finally {
      await app.close();
    }
  });
});

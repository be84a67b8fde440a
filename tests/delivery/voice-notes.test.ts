// A villager who chose voice gets the organisation's recording as a voice note, then the text, on every
// channel, through the real protocols: Telegram's sendVoice (uploaded once, then by file_id), WhatsApp
// Cloud's media upload and audio message (uploaded once, again when old or unknown), whatsapp-web.js's
// voice media. A Telegram chat that refuses voice notes gets the text and is not asked again.
import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { sql } from 'kysely';
import type { ChannelAdapter } from '../../src/channels/channel.ts';
import { createTelegramAdapter } from '../../src/channels/telegram/telegram.channel.ts';
import { createWhatsAppCloudAdapter } from '../../src/channels/whatsapp-cloud/whatsapp-cloud.channel.ts';
import type { WebClient, WebContent } from '../../src/channels/whatsapp-web/whatsapp-web-client.ts';
import { startWhatsAppWeb, type WhatsAppWebSession } from '../../src/channels/whatsapp-web/whatsapp-web.channel.ts';
import type { Inbound } from '../../src/conversation/inbound.ts';
import { noPacing } from '../../src/delivery/chat-pacer.ts';
import { deliverOutboxRows } from '../../src/delivery/deliver.ts';
import type { Locale } from '../../src/db/tables.ts';
import { conversationDeps, seedConversationCampaigns, testClock, Villager } from '../support/conversation-harness.ts';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph.ts';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.ts';
import { silentOpus } from '../support/ogg-opus-writer.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const clock = testClock();
const MENU_VOICE = silentOpus({ durationMs: 6_000 });
let t: TestDatabase;
let telegram: FakeTelegram;
let graph: FakeGraph;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
  const organisation = await t.db.selectFrom('organisations').select('id').executeTakeFirstOrThrow();
  const recording = (message_key: string, locale: Locale, audio: Buffer, duration_ms: number) => ({ organisation_id: organisation.id, message_key, locale, audio, mime: 'audio/ogg; codecs=opus', size_bytes: audio.length, duration_ms });
  await t.db
    .insertInto('voice_prompts')
    .values([recording('menu:question', 'fr', MENU_VOICE, 6_000), recording('language:question', 'fr', silentOpus({ durationMs: 9_000 }), 9_000), recording('menu:question', 'ar', silentOpus(), 2_000)])
    .execute();
  telegram = await startFakeTelegram();
  graph = await startFakeGraph('graph-token');
}, 30_000);
afterAll(async () => {
  await telegram?.close();
  await graph?.close();
  await t?.drop();
});

/** Sends every reply waiting, in order, as the worker does. */
async function deliver(adapter: ChannelAdapter): Promise<void> {
  const pending = await t.db.selectFrom('outbox').select('id').where('status', '=', 'pending').where('channel', '=', adapter.name).orderBy('id').execute();
  await deliverOutboxRows({ db: t.db, adapter, pacer: noPacing, now: clock.now }, pending.map((r) => r.id));
}

/** Consents in French and asks for voice from the language menu; the replies of each step are delivered. */
async function chooseVoice(channel: Inbound['channel'], from: string, adapter: ChannelAdapter): Promise<Villager> {
  const villager = new Villager(conversationDeps(t.db, clock), from, channel);
  await villager.onboard('fr');
  await villager.choose(/langue/);
  await deliver(adapter);
  await villager.choose(/Messages vocaux/);
  return villager;
}

/** Each test starts with no provider ids kept: it sees its own uploads, whatever ran before. */
const forgetUploads = () => t.db.deleteFrom('voice_prompt_media').execute();
const menuMediaId = async (channel: string) =>
  (await sql<{ media_id: string }>`select m.media_id from voice_prompt_media m join voice_prompts p on p.id = m.voice_prompt_id
    where m.channel = ${channel} and p.message_key = 'menu:question' and p.locale = 'fr'`.execute(t.db)).rows[0]?.media_id;

describe('Telegram', () => {
  const adapter = () => createTelegramAdapter({ token: telegram.token, apiRoot: telegram.apiRoot });
  const chatCalls = (chat: string, from: number) => telegram.calls.slice(from).filter((c) => String(c.payload.chat_id) === chat);

  it('sends the menu as a voice note, then its text, and the file_id from then on: one upload', async () => {
    await forgetUploads();
    const bot = adapter();
    const start = telegram.calls.length;
    const villager = await chooseVoice('telegram', '7001', bot);
    // The language question went as a voice note before the choice: it is how a villager who cannot read finds it.
    expect(chatCalls('7001', start).filter((c) => c.method === 'sendVoice')).toEqual([expect.objectContaining({ ogg: true, payload: expect.objectContaining({ duration: '9' }) })]);
    const chosen = telegram.calls.length;
    await deliver(bot);
    const calls = chatCalls('7001', chosen);
    expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'sendVoice', 'sendMessage']);
    expect(String(calls[0]?.payload.text)).toMatch(/vocal/);
    expect(calls[1]).toMatchObject({ ogg: true, payload: { duration: '6' } });
    expect(String(calls[2]?.payload.text)).toMatch(/Que voulez-vous faire/);
    const last = await t.db.selectFrom('outbox').select(['status', 'provider_id']).where('recipient', '=', '7001').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(last).toEqual({ status: 'sent', provider_id: expect.stringMatching(/^voice:\d+ \d+$/) });

    await villager.send('menu');
    const again = telegram.calls.length;
    await deliver(bot);
    const voices = chatCalls('7001', again).filter((c) => c.method === 'sendVoice');
    expect(voices.map((c) => [c.ogg, c.payload.voice])).toEqual([[undefined, await menuMediaId('telegram')]]);
    expect(chatCalls('7001', start).filter((c) => c.method === 'sendVoice' && c.ogg).length).toBe(2);
  });

  it('sends neither again on a retry after the text failed: only the text goes', async () => {
    const bot = adapter();
    const villager = await chooseVoice('telegram', '7004', bot);
    await deliver(bot);
    await villager.send('menu');
    telegram.failNext('sendMessage', 500, 'Internal Server Error');
    const before = telegram.calls.length;
    await expect(deliver(bot)).rejects.toThrow(/500/);
    const row = await t.db.selectFrom('outbox').select(['id', 'status', 'provider_id']).where('recipient', '=', '7004').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', provider_id: expect.stringMatching(/^voice:\d+$/) });
    await deliver(bot);
    expect(chatCalls('7004', before).map((c) => c.method)).toEqual(['sendVoice', 'sendMessage', 'sendMessage']);
    const sent = await t.db.selectFrom('outbox').select(['status', 'provider_id']).where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(sent).toEqual({ status: 'sent', provider_id: expect.stringMatching(/^voice:\d+ \d+$/) });
  });

  it('gives a chat that refuses voice notes the text alone, and remembers it', async () => {
    const bot = adapter();
    telegram.forbidVoice('7002');
    const villager = await chooseVoice('telegram', '7002', bot);
    await deliver(bot);
    await villager.send('menu');
    const before = telegram.calls.length;
    await deliver(bot);
    expect(chatCalls('7002', before).map((c) => c.method)).toEqual(['sendMessage']);
    const identity = await t.db.selectFrom('contact_identities').select('voice_refused_at').where('external_id', '=', '7002').executeTakeFirstOrThrow();
    expect(identity.voice_refused_at).not.toBeNull();
    const rows = await t.db.selectFrom('outbox').select('status').where('recipient', '=', '7002').execute();
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
  });

  it('sends no voice note to a villager who did not choose voice', async () => {
    const bot = adapter();
    const villager = new Villager(conversationDeps(t.db, clock), '7003', 'telegram');
    await villager.onboard('fr');
    await villager.send('menu');
    const before = telegram.calls.length;
    await deliver(bot);
    expect(chatCalls('7003', before).length).toBeGreaterThan(0);
    expect(chatCalls('7003', before).map((c) => c.method)).not.toContain('sendVoice');
  });
});

describe('WhatsApp Cloud API', () => {
  const adapter = () => createWhatsAppCloudAdapter({ accessToken: 'graph-token', phoneNumberId: '1000', graphRoot: graph.root });
  const AUDIO = /^audio \{"id":"media-\d+","voice":true\}$/;
  const since = (n: number, to: string) =>
    graph.calls
      .slice(n)
      .filter((c) => c.path === 'media' || c.body.to === to)
      .map((c) => (c.path === 'media' ? `media ${String(c.body.type)}${c.body.ogg ? ' ogg' : ''}` : `${String(c.body.type)}${c.body.type === 'audio' ? ` ${JSON.stringify(c.body.audio)}` : ''}`));
  const villagerAt = (to: string) => new Villager(conversationDeps(t.db, clock), to, 'whatsapp');

  it('uploads the recording, sends it as a voice note, then the text; the media id the second time', async () => {
    await forgetUploads();
    const cloud = adapter();
    const to = '212600000101';
    const villager = await chooseVoice('whatsapp', to, cloud);
    let before = graph.calls.length;
    await deliver(cloud);
    expect(since(before, to)).toEqual(['text', 'media audio/ogg ogg', expect.stringMatching(AUDIO), 'interactive']);
    const id = await menuMediaId('whatsapp');
    expect(since(before, to)[2]).toBe(`audio {"id":"${id}","voice":true}`);
    await villager.send('menu');
    before = graph.calls.length;
    await deliver(cloud);
    expect(since(before, to)).toEqual([`audio {"id":"${id}","voice":true}`, 'interactive']);
  });

  it('uploads again once the media id is 25 days old', async () => {
    const cloud = adapter();
    const to = '212600000102';
    const villager = await chooseVoice('whatsapp', to, cloud);
    await deliver(cloud);
    await sql`update voice_prompt_media set uploaded_at = now() - interval '26 days' where channel = 'whatsapp'`.execute(t.db);
    await villager.send('menu');
    const before = graph.calls.length;
    await deliver(cloud);
    expect(since(before, to)).toEqual(['media audio/ogg ogg', expect.stringMatching(AUDIO), 'interactive']);
  });

  it('uploads again when the API no longer knows the media id', async () => {
    const cloud = adapter();
    const to = '212600000103';
    const villager = await chooseVoice('whatsapp', to, cloud);
    await deliver(cloud);
    graph.forgetMedia();
    await villager.send('menu');
    const before = graph.calls.length;
    await deliver(cloud);
    expect(since(before, to)).toEqual([expect.stringMatching(AUDIO), 'media audio/ogg ogg', expect.stringMatching(AUDIO), 'interactive']);
    const rows = await t.db.selectFrom('outbox').select('status').where('recipient', '=', to).execute();
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
  });
});

class ClientDouble extends EventEmitter implements WebClient {
  sent: Array<{ to: string; content: WebContent }> = [];
  async initialize() {}
  async destroy() {}
  async send(to: string, content: WebContent) {
    this.sent.push({ to, content });
    return `true_${to}_${this.sent.length}`;
  }
}

describe('whatsapp-web.js', () => {
  let session: WhatsAppWebSession;
  afterAll(async () => session?.stop());

  it('sends the recording as a voice note (sendAudioAsVoice), then the text', async () => {
    const client = new ClientDouble();
    session = startWhatsAppWeb({ client, receive: async () => ({ throttled: true }), logger: pino({ level: 'silent' }), printQr: () => undefined });
    client.emit('ready');
    const chat = '212600000202@c.us';
    await chooseVoice('whatsapp_web', chat, session.adapter);
    const before = client.sent.length;
    await deliver(session.adapter);
    const sent = client.sent.slice(before).map((s) => (typeof s.content === 'string' ? `text ${s.content.split('\n')[0]}` : s.content.kind));
    expect(sent).toEqual([expect.stringMatching(/^text D'accord/), 'voice', expect.stringMatching(/^text Que voulez-vous faire/)]);
    const voice = client.sent[before + 1]?.content;
    expect(typeof voice !== 'string' && voice?.kind === 'voice' && Buffer.compare(voice.audio, MENU_VOICE)).toBe(0);
  });
});

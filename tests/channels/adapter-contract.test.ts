// One contract for every channel adapter: whatever the provider, each rendered part is sent and
// answered with the provider's message id.
import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { ChannelAdapter } from '../../src/channels/channel.ts';
import { renderReply } from '../../src/channels/render.ts';
import { createTelegramAdapter } from '../../src/channels/telegram/telegram.channel.ts';
import { createWhatsAppCloudAdapter } from '../../src/channels/whatsapp-cloud/whatsapp-cloud.channel.ts';
import type { WebClient, WebContent } from '../../src/channels/whatsapp-web/whatsapp-web-client.ts';
import { startWhatsAppWeb, type WhatsAppWebSession } from '../../src/channels/whatsapp-web/whatsapp-web.channel.ts';
import type { Reply } from '../../src/conversation/reply.ts';
import { startFakeTelegram, type FakeTelegram } from '../support/fake-telegram.ts';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph.ts';

class WebDouble extends EventEmitter implements WebClient {
  sent: WebContent[] = [];
  ids: string[] = [];
  async initialize() {}
  async destroy() {}
  async send(_to: string, content: WebContent) {
    this.sent.push(content);
    this.ids.push(`true_${this.sent.length}`);
    return `true_${this.sent.length}`;
  }
}

let telegram: FakeTelegram;
let graph: FakeGraph;
let web: WhatsAppWebSession;
const webClient = new WebDouble();
const adapters: Record<string, ChannelAdapter> = {};
/** The ids each provider answered with, in order: an adapter must hand back exactly these. */
const providerIds: Record<string, () => string[]> = {
  telegram: () => telegram.calls.flatMap((c) => (c.messageId !== undefined ? [String(c.messageId)] : [])),
  whatsapp: () => graph.calls.flatMap((c) => (c.path === 'messages' ? [c.id] : [])),
  whatsapp_web: () => webClient.ids,
};

beforeAll(async () => {
  telegram = await startFakeTelegram();
  graph = await startFakeGraph('contract-token');
  web = startWhatsAppWeb({ client: webClient, receive: async () => ({ throttled: true }), logger: pino({ level: 'silent' }), printQr: () => undefined });
  webClient.emit('ready'); // the phone is linked
  adapters.telegram = createTelegramAdapter({ token: telegram.token, apiRoot: telegram.apiRoot });
  adapters.whatsapp = createWhatsAppCloudAdapter({ accessToken: 'contract-token', phoneNumberId: '1000', graphRoot: graph.root });
  adapters.whatsapp_web = web.adapter;
});
afterAll(async () => {
  await web?.stop();
  await telegram?.close();
  await graph?.close();
});

const RECIPIENT: Record<string, string> = { telegram: '4242', whatsapp: '212600000001', whatsapp_web: '212600000001@c.us' };
const choices = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, label: `Choix numéro ${i + 1} avec un long libellé` }));
const REPLIES: Record<string, Reply> = {
  'plain text': { text: 'Bonjour 🌿' },
  'two choices': { text: 'Oui ou non ?', choices: choices(2) },
  'eight choices': { text: 'Que voulez-vous faire ?', choices: choices(8) },
  'fifteen choices': { text: 'Quelle province ?', choices: choices(15) },
  'a long text': { text: Array.from({ length: 400 }, (_, i) => `ligne ${i}`).join('\n') },
  'the venue': { text: 'Le lieu', location: { lat: 31.24, lng: -6.13, name: 'Centre de santé', address: "Kelâat M'Gouna" } },
  'the code': { text: 'C\'est fait', image: { kind: 'qr', data: 'K7F3QX', caption: 'K7F-3QX' } },
};

const each = (n: number) => ({ telegram: n, whatsapp: n, whatsapp_web: n });
/** Messages each reply becomes: WhatsApp Cloud splits texts at 1,024 characters, the others at 4,096. */
const PARTS: Record<string, Record<string, number>> = {
  'plain text': each(1),
  'two choices': each(1),
  'eight choices': each(1),
  'fifteen choices': each(1),
  'a long text': { telegram: 1, whatsapp: 4, whatsapp_web: 1 },
  'the venue': each(2),
  'the code': each(2),
};

describe.each(['telegram', 'whatsapp', 'whatsapp_web'])('%s adapter contract', (name) => {
  it.each(Object.keys(REPLIES))('sends %s, every part answered with a provider id', async (label) => {
    const adapter = adapters[name];
    if (!adapter) throw new Error(`no adapter ${name}`);
    const parts = renderReply(REPLIES[label] ?? { text: '' }, adapter.capabilities);
    const before = providerIds[name]?.().length ?? 0;
    const ids: string[] = [];
    for (const part of parts) {
      if (part.kind === 'text') expect([...part.text].length).toBeLessThanOrEqual(adapter.capabilities.maxTextLength);
      ids.push(await adapter.send(RECIPIENT[name] ?? '', part));
    }
    // One provider message per part, and the provider's own id for each.
    expect(ids).toEqual(providerIds[name]?.().slice(before));
    expect(ids).toHaveLength(PARTS[label]?.[name] ?? -1);
  });
});

// whatsapp-web.js's own Client sends what the adapter renders: a text, the venue as the library's
// Location, the code as a MessageMedia PNG with its caption. Only the browser is left out: the page
// the library would drive in Chromium (WhatsApp Web) is a recorder of what it is asked to send.
import type { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import wweb from 'whatsapp-web.js';
import { renderReply } from '../../src/channels/render.ts';
import { createWhatsAppWebClient, type WebClient } from '../../src/channels/whatsapp-web/whatsapp-web-client.ts';
import { startWhatsAppWeb, WHATSAPP_WEB_CAPABILITIES, type WhatsAppWebSession } from '../../src/channels/whatsapp-web/whatsapp-web.channel.ts';

interface Evaluated {
  chatId: string;
  content: unknown;
  options: { caption?: string; isCaptionByUser?: boolean; location?: unknown; media?: unknown };
}

const CHAT = '212600000401@c.us';
const evaluated: Evaluated[] = [];
let client: WebClient;
let session: WhatsAppWebSession;

beforeAll(async () => {
  client = await createWhatsAppWebClient({ sessionDir: mkdtempSync(path.join(tmpdir(), 'qafila-wweb-')), chromiumPath: '/usr/bin/chromium' });
  // What WhatsApp Web answers for a message it sent: the model the library turns into a Message.
  const pupPage = {
    async evaluate(_inPage: unknown, chatId: string, content: unknown, options: Evaluated['options']) {
      evaluated.push({ chatId, content, options });
      const id = `3EB0${String(evaluated.length).padStart(16, '0')}`;
      return { id: { fromMe: true, remote: chatId, id, _serialized: `true_${chatId}_${id}` }, body: typeof content === 'string' ? content : '', type: 'chat', t: 0, from: { _serialized: '212600000000@c.us' }, to: { _serialized: chatId }, ack: 0 };
    },
  };
  Object.assign(client, { pupPage, initialize: async () => undefined });
  session = startWhatsAppWeb({ client, receive: async () => ({ throttled: true }), logger: pino({ level: 'silent' }), printQr: () => undefined });
  // The library's own client is an EventEmitter: the phone is linked.
  (client as WebClient & Pick<EventEmitter, 'emit'>).emit('ready');
});
afterAll(async () => session?.stop());

const sendReply = async (reply: Parameters<typeof renderReply>[0]) => {
  const ids: string[] = [];
  for (const part of renderReply(reply, WHATSAPP_WEB_CAPABILITIES)) ids.push(await session.adapter.send(CHAT, part));
  return ids;
};

describe('whatsapp-web.js client', () => {
  it('sends the confirmation code as a PNG picture with the code as its caption, then the text', async () => {
    const before = evaluated.length;
    const ids = await sendReply({ text: "C'est fait.", image: { kind: 'qr', data: 'K7F3QX', caption: 'K7F-3QX' } });
    const [picture, text] = evaluated.slice(before);
    expect(ids).toEqual([`true_${CHAT}_3EB0${String(before + 1).padStart(16, '0')}`, `true_${CHAT}_3EB0${String(before + 2).padStart(16, '0')}`]);
    expect(picture?.chatId).toBe(CHAT);
    expect(picture?.content).toBe('');
    expect(picture?.options).toMatchObject({ caption: 'K7F-3QX', isCaptionByUser: true });
    const media = picture?.options.media;
    expect(media).toBeInstanceOf(wweb.MessageMedia);
    expect(media).toMatchObject({ mimetype: 'image/png', filename: 'code.png' });
    const png = Buffer.from((media as { data: string }).data, 'base64');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(360); // the width the adapter draws codes at
    expect(text).toMatchObject({ chatId: CHAT, content: "C'est fait." });
    expect(text?.options.media).toBeUndefined();
  });

  it('sends the venue as a location with its name and commune', async () => {
    const before = evaluated.length;
    await sendReply({ text: 'Le lieu', location: { lat: 31.2427, lng: -6.1278, name: 'Centre de santé', address: "Kelâat M'Gouna" } });
    const [text, venue] = evaluated.slice(before);
    expect(text?.content).toBe('Le lieu');
    expect(venue?.content).toBe('');
    expect(venue?.options.location).toBeInstanceOf(wweb.Location);
    expect(venue?.options.location).toMatchObject({ latitude: 31.2427, longitude: -6.1278, name: 'Centre de santé', address: "Kelâat M'Gouna", description: "Centre de santé\nKelâat M'Gouna" });
  });

  it('sends choices as numbered text, since the library no longer sends buttons', async () => {
    const before = evaluated.length;
    await sendReply({ text: 'Quel jour ?', choices: [{ id: 'a', label: 'lundi 14 décembre' }, { id: 'b', label: 'mardi 15 décembre' }] });
    expect(evaluated.slice(before).map((e) => e.content)).toEqual(['Quel jour ?\n1. lundi 14 décembre\n2. mardi 15 décembre']);
  });
});

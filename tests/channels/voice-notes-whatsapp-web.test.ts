// A villager's voice note through whatsapp-web.js (a client double emitting the library's events): the
// phone hands the audio over as base64 (downloadMedia) as the message arrives, and a person gets it on a ticket.
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createReceiver } from '../../src/channels/receive.ts';
import type { WebClient, WebContent, WebMedia, WebMessage } from '../../src/channels/whatsapp-web/whatsapp-web-client.ts';
import { startWhatsAppWeb, type WhatsAppWebSession } from '../../src/channels/whatsapp-web/whatsapp-web.channel.ts';
import { noPacing } from '../../src/delivery/chat-pacer.ts';
import { createOutboundQueues, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { startOutboundWorker, type RunningWorker } from '../../src/delivery/outbound.worker.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { conversationDeps, seedConversationCampaigns } from '../support/conversation-harness.ts';
import { oggOpusSilence } from '../support/ogg-opus.ts';
import { outboxDrained } from '../support/outbox-wait.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { connection, deleteKeys, testPrefix } from '../support/test-redis.ts';
import { voiceNotesOf } from '../support/voice-rows.ts';

const prefix = testPrefix();
const tr = createTranslator(loadResources());

/** Behaves like whatsapp-web.js's Client as far as Qafila sees it. */
class ClientDouble extends EventEmitter implements WebClient {
  sent: Array<{ to: string; content: WebContent }> = [];
  async initialize() {}
  async destroy() {}
  async send(to: string, content: WebContent) {
    this.sent.push({ to, content });
    return `true_${to}_${this.sent.length}`;
  }
}

let t: TestDatabase;
let client: ClientDouble;
let session: WhatsAppWebSession;
let queues: OutboundQueues;
let worker: RunningWorker;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
  queues = createOutboundQueues({ connection, prefix });
  client = new ClientDouble();
  session = startWhatsAppWeb({ client, receive: createReceiver({ conversation: conversationDeps(t.db), queues }), logger: pino({ level: 'silent' }), printQr: () => undefined });
  worker = startOutboundWorker({ db: t.db, adapter: session.adapter, pacer: noPacing, connection, prefix, logger: pino({ level: 'silent' }), sweepAfterMs: 0 });
  client.emit('ready');
}, 30_000);

afterAll(async () => {
  await worker?.close();
  await session?.stop();
  await queues?.close();
  await t?.drop();
  await deleteKeys(prefix);
});

async function say(from: string, fields: Partial<WebMessage>) {
  const m: WebMessage = { id: { _serialized: `false_${from}_${randomUUID()}` }, from, fromMe: false, isStatus: false, body: '', type: 'chat', ...fields };
  client.emit('message', m);
  await expect.poll(async () => (await t.db.selectFrom('inbound_receipts').select('provider_id').where('provider_id', '=', m.id._serialized).executeTakeFirst()) !== undefined, { timeout: 10_000 }).toBe(true);
  await outboxDrained(t.db);
  return m.id._serialized;
}
const lastText = (from: string) => client.sent.filter((s) => s.to === from).at(-1)?.content;

describe('a voice note through whatsapp-web.js', () => {
  it('is downloaded from the phone on receipt and kept on a ticket whose reason is the voice', async () => {
    const from = '212600000801@c.us';
    await say(from, { body: 'salam' });
    await say(from, { body: '1' }); // accepts the notice, in Darija (Latin letters)
    const audio = oggOpusSilence(2);
    let downloads = 0;
    const downloadMedia = async (): Promise<WebMedia> => {
      downloads += 1;
      return { mimetype: 'audio/ogg; codecs=opus', data: audio.toString('base64'), filesize: audio.length };
    };
    const id = await say(from, { type: 'ptt', hasMedia: true, duration: '2', downloadMedia });
    expect(downloads).toBe(1);
    const { tickets, notes } = await voiceNotesOf(t.db, 'whatsapp_web', from);
    expect(tickets).toEqual([expect.objectContaining({ reason: 'voice', status: 'open' })]);
    expect(notes).toEqual([expect.objectContaining({ channel: 'whatsapp_web', provider_media_id: id, mime_type: 'audio/ogg; codecs=opus', size_bytes: audio.length, duration_seconds: 2, failure: null, text: '[voice]' })]);
    expect(Buffer.compare(notes[0]?.audio ?? Buffer.alloc(0), audio)).toBe(0);
    expect(lastText(from)).toBe(tr('ary-Latn', 'handoff:voiceHeard'));
  });

  it('keeps the ticket and the reason when the phone no longer has the file, or it is over 16 MB', async () => {
    const from = '212600000802@c.us';
    await say(from, { body: 'salam' });
    await say(from, { body: '1' });
    await say(from, { type: 'ptt', hasMedia: true, downloadMedia: async () => undefined });
    const huge = 'A'.repeat(Math.ceil((16 * 1024 * 1024 + 3) / 3) * 4);
    await say(from, { type: 'audio', hasMedia: true, downloadMedia: async () => ({ mimetype: 'audio/mpeg', data: huge }) });
    const { tickets, notes } = await voiceNotesOf(t.db, 'whatsapp_web', from);
    expect(tickets).toEqual([expect.objectContaining({ reason: 'voice', status: 'open' })]);
    expect(notes.map((n) => [n.failure, n.audio])).toEqual([['expired', null], ['too_big', null]]);
    // A person will write; and two voice notes in a row switch the recordings on for this villager.
    expect(client.sent.filter((m) => m.to === from).slice(-2).map((m) => m.content)).toEqual([tr('ary-Latn', 'handoff:voiceLost'), tr('ary-Latn', 'language:voiceOnDone')]);
  });
});

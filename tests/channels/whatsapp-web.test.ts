// whatsapp-web.js: a client double that emits the library's events (qr, ready, message, disconnected).
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { pino } from 'pino';
import { createReceiver } from '../../src/channels/receive.ts';
import type { WebClient, WebContent, WebMessage } from '../../src/channels/whatsapp-web/whatsapp-web-client.ts';
import { parseWebMessage, startWhatsAppWeb, type WhatsAppWebSession } from '../../src/channels/whatsapp-web/whatsapp-web.channel.ts';
import { noPacing } from '../../src/delivery/chat-pacer.ts';
import { createOutboundQueues, type OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { startOutboundWorker, type RunningWorker } from '../../src/delivery/outbound.worker.ts';
import { buildServer } from '../../src/http/server.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { outboxDrained } from '../support/outbox-wait.ts';
import { conversationDeps, seedConversationCampaigns, START } from '../support/conversation-harness.ts';
import { connection, deleteKeys, testPrefix } from '../support/test-redis.ts';

const REDIS = connection;
const prefix = testPrefix();
const ADMIN = 'admin-token-0123456789';

/** Behaves like whatsapp-web.js's Client as far as Qafila sees it. */
class ClientDouble extends EventEmitter implements WebClient {
  initialized = 0;
  destroyed = 0;
  sent: Array<{ to: string; content: WebContent }> = [];
  failNextInitialize = false;
  async initialize() {
    this.initialized++;
    if (this.failNextInitialize) {
      this.failNextInitialize = false;
      throw new Error('Failed to launch the browser process');
    }
  }
  async destroy() {
    this.destroyed++;
  }
  async send(to: string, content: WebContent) {
    this.sent.push({ to, content });
    return `true_${to}_${this.sent.length}`;
  }
}

const message = (from: string, fields: Partial<WebMessage>): WebMessage => ({ id: { _serialized: `false_${from}_${randomUUID()}` }, from, fromMe: false, isStatus: false, body: '', type: 'chat', ...fields });

/** A session on its own client double, as the service starts one. */
const startSession = (client: ClientDouble, receive: Parameters<typeof startWhatsAppWeb>[0]['receive'] = async () => ({ throttled: true })) =>
  startWhatsAppWeb({ client, receive, logger: pino({ level: 'silent' }), firstBackoffMs: 20, maxBackoffMs: 100, printQr: () => undefined });

let t: TestDatabase;
let client: ClientDouble;
let session: WhatsAppWebSession;
let queues: OutboundQueues;
let worker: RunningWorker;
let caravanId = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  ({ caravanId } = await seedConversationCampaigns(t.db));
  const logger = pino({ level: 'silent' });
  queues = createOutboundQueues({ connection: REDIS, prefix });
  client = new ClientDouble();
  session = startSession(client, createReceiver({ conversation: conversationDeps(t.db), queues }));
  worker = startOutboundWorker({ db: t.db, adapter: session.adapter, pacer: noPacing, connection: REDIS, prefix, logger, sweepAfterMs: 0 });
}, 30_000);

afterAll(async () => {
  await worker?.close();
  await session?.stop();
  await queues?.close();
  await t?.drop();
  await deleteKeys(prefix);
});

async function say(from: string, fields: Partial<WebMessage>) {
  const m = message(from, fields);
  client.emit('message', m);
  // Handled (its receipt is written with the replies), then every reply sent.
  await expect
    .poll(async () => (await t.db.selectFrom('inbound_receipts').select('provider_id').where('provider_id', '=', m.id._serialized).executeTakeFirst()) !== undefined, { timeout: 10_000 })
    .toBe(true);
  await outboxDrained(t.db);
}

describe('whatsapp-web.js channel', () => {
  it('shows the pairing QR on the admin page until the phone is linked', async () => {
    const client = new ClientDouble();
    const session = startSession(client);
    const app = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock: { now: () => START }, logger: pino({ level: 'silent' }), timeZone: 'Africa/Casablanca', whatsappWeb: { session, adminToken: ADMIN } });
    onTestFinished(async () => {
      await app.close();
      await session.stop();
    });
    expect([client.initialized, session.state()]).toEqual([1, 'starting']);
    client.emit('qr', '2@abcdefghijklmnop,qrstuvwxyz==,0123456789==');
    expect(session.state()).toBe('waiting_for_scan');
    expect((await app.inject({ url: '/admin/whatsapp-web' })).statusCode).toBe(401);
    const page = await app.inject({ url: '/admin/whatsapp-web', headers: { authorization: `Bearer ${ADMIN}` } });
    expect(page.body).toContain('/admin/whatsapp-web/qr.png');
    const png = await app.inject({ url: '/admin/whatsapp-web/qr.png', headers: { authorization: `Bearer ${ADMIN}` } });
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    client.emit('ready');
    expect(session.state()).toBe('ready');
    expect((await app.inject({ url: '/admin/whatsapp-web/qr.png', headers: { authorization: `Bearer ${ADMIN}` } })).statusCode).toBe(404);
  });

  it('talks with a villager in numbered text and sends the venue as a location and the code as a picture', async () => {
    const from = '212600000401@c.us';
    client.emit('ready'); // the association's phone is linked: nothing is sent before
    await say(from, { body: 'salam' });
    const consent = client.sent.filter((s) => s.to === from).at(-1)?.content;
    expect(typeof consent === 'string' && consent).toMatch(/\n1\. Iyeh, wakha\n2\. La\n3\. Nbeddel lougha$/);
    await say(from, { body: '1' });
    await say(from, { body: '2' }); // register
    await say(from, { body: '1' }); // for me
    await say(from, { body: 'Brahim Ait' });
    await say(from, { body: '2' }); // man
    await say(from, { body: '61' });
    await say(from, { body: 'Tinghir' });
    await say(from, { type: 'location', location: { latitude: '31.51', longitude: '-5.53' } });
    await say(from, { body: '1' }); // the Tinghir caravan
    await say(from, { body: '1' }); // ophthalmology
    await say(from, { body: '1' }); // 14 December
    await say(from, { body: '1' }); // the morning
    const before = client.sent.length;
    await say(from, { body: '1' }); // confirm
    const kinds = client.sent.slice(before).map((s) => (typeof s.content === 'string' ? 'text' : s.content.kind));
    expect(kinds).toEqual(['image', 'text', 'text', 'text', 'location', 'text']);
    const booked = await t.db.selectFrom('appointments as a').innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id').select(['a.campaign_id', 'a.channel', 'b.full_name']).where('b.full_name', '=', 'Brahim Ait').execute();
    expect(booked).toEqual([{ campaign_id: caravanId, channel: 'whatsapp_web', full_name: 'Brahim Ait' }]);
  });

  it('ignores its own messages, groups and status updates', () => {
    expect(parseWebMessage(message('212600000402@c.us', { fromMe: true, body: 'x' }))).toBeUndefined();
    expect(parseWebMessage(message('1203630@g.us', { body: 'x' }))).toBeUndefined();
    expect(parseWebMessage(message('status@broadcast', { isStatus: true, body: 'x' }))).toBeUndefined();
    expect(parseWebMessage(message('212600000402@c.us', { type: 'ptt' }))).toMatchObject({ media: 'voice', phone: '+212600000402' });
  });

  it('reconnects with back-off when disconnected or when the browser fails to start', async () => {
    const client = new ClientDouble();
    const session = startSession(client);
    onTestFinished(() => session.stop());
    client.emit('ready');
    client.failNextInitialize = true;
    client.emit('disconnected', 'NAVIGATION');
    expect(session.state()).toBe('reconnecting');
    // 20 ms later the browser fails to start, 40 ms after that it starts: two attempts, each after destroying the last.
    await expect.poll(() => client.initialized, { timeout: 2000 }).toBe(3);
    expect(client.destroyed).toBe(2);
    client.emit('ready');
    expect(session.state()).toBe('ready');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(client.initialized).toBe(3);
  });
});

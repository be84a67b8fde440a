// WhatsApp Cloud API: signed webhooks in, interactive messages out to a local Graph server, statuses, the 24-hour rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { WHATSAPP_WEBHOOK_PATH } from '../../src/http/whatsapp-webhook.routes.ts';
import type { TestDatabase } from '../support/test-database.ts';
import type { FakeGraph } from '../support/fake-graph.ts';
import type { OutboundQueues } from '../../src/delivery/outbound.queue.ts';
import { envelope, incoming, message, sign, startCloudService, VERIFY_TOKEN, type CloudService } from '../support/cloud-service.ts';

let service: CloudService;
let t: TestDatabase;
let graph: FakeGraph;
let queues: OutboundQueues;
let app: FastifyInstance;

beforeAll(async () => {
  service = await startCloudService();
  ({ t, graph, queues, app } = service);
}, 30_000);
afterAll(async () => service?.close());

const postSigned = (payload: unknown, signature?: string) => service.postSigned(payload, signature);
const settle = () => service.settle();

describe('WhatsApp Cloud API channel', () => {
  it('answers Meta\'s verification handshake only with the right token', async () => {
    const ok = await app.inject({ method: 'GET', url: `${WHATSAPP_WEBHOOK_PATH}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444` });
    expect([ok.statusCode, ok.body]).toEqual([200, '1158201444']);
    const bad = await app.inject({ method: 'GET', url: `${WHATSAPP_WEBHOOK_PATH}?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1` });
    expect(bad.statusCode).toBe(403);
  });

  it('turns text, interactive replies and a location into the conversation, answering with buttons, lists and text', async () => {
    const from = '212600000301';
    expect((await postSigned(incoming(from, { type: 'text', text: { body: 'Bonjour' } }))).statusCode).toBe(200);
    await settle();
    const [welcome, consent] = graph.messages(from);
    expect(welcome).toMatchObject({ messaging_product: 'whatsapp', to: from, type: 'text' });
    expect(consent).toMatchObject({ type: 'interactive', interactive: { type: 'button' } });
    const buttons = (consent?.interactive as { action: { buttons: Array<{ reply: { id: string; title: string } }> } }).action.buttons;
    expect(buttons.map((b) => b.reply.id)).toEqual(['accept', 'decline', 'language']);
    expect(buttons.every((b) => [...b.reply.title].length <= 20)).toBe(true);

    await postSigned(incoming(from, { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'accept', title: "J'accepte" } } }));
    await settle();
    const menu = graph.messages(from).at(-1) as { interactive: { type: string; action: { button: string; sections: Array<{ rows: Array<{ id: string; title: string }> }> } } };
    expect(menu.interactive.type).toBe('list');
    expect(menu.interactive.action.button).toBe('Choisir');
    const rows = menu.interactive.action.sections[0]?.rows ?? [];
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => [...r.title].length <= 24)).toBe(true);

    await postSigned(incoming(from, { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id: 'campaigns', title: 'Caravanes' } } }));
    await settle();
    await postSigned(incoming(from, { type: 'location', location: { latitude: 31.5, longitude: -5.5 } }));
    await settle();
    const list = graph.messages(from).at(-1) as { interactive?: { body: { text: string } } };
    expect(list.interactive?.body.text).toContain('Caravane de Tinghir');
    const contact = await t.db.selectFrom('contacts').select('phone_e164').where('phone_e164', '=', `+${from}`).executeTakeFirst();
    expect(contact).toEqual({ phone_e164: `+${from}` });
  });

  it('labels the button that opens a list in the reader\'s language', async () => {
    const from = '212600000390';
    await postSigned(incoming(from, { type: 'text', text: { body: 'السلام عليكم' } }));
    await settle();
    await postSigned(incoming(from, { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'accept', title: 'موافق' } } }));
    await settle();
    const menu = graph.messages(from).at(-1) as { interactive: { type: string; action: { button: string; sections: Array<{ title: string }> } } };
    expect(menu.interactive.type).toBe('list');
    expect(menu.interactive.action.button).toBe('ختار');
    expect(menu.interactive.action.sections[0]?.title).toBe('ختار');
  });

  it('stores nothing from a webhook with a missing or wrong signature', async () => {
    const unread = message('212600000302', { type: 'text', text: { body: 'Bonjour' } });
    const payload = envelope({ messages: [unread] });
    expect((await postSigned(payload, sign(JSON.stringify(payload), 'another-secret'))).statusCode).toBe(401);
    const unsigned = await app.inject({ method: 'POST', url: WHATSAPP_WEBHOOK_PATH, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
    expect(unsigned.statusCode).toBe(401);
    expect(await t.db.selectFrom('contact_identities').select('external_id').where('external_id', '=', '212600000302').execute()).toEqual([]);
    expect(await t.db.selectFrom('inbound_receipts').select('provider_id').where('provider_id', '=', unread.id).execute()).toEqual([]);
  });

  it('handles a message Meta retries only once', async () => {
    const from = '212600000303';
    const payload = incoming(from, { type: 'text', text: { body: 'salam' } });
    await postSigned(payload);
    await postSigned(payload);
    await settle();
    expect(graph.messages(from)).toHaveLength(2);
  });

  it('records sent, delivered and read statuses on the message log, in any order, and failures', async () => {
    const from = '212600000304';
    await postSigned(incoming(from, { type: 'text', text: { body: 'Bonjour' } }));
    await settle();
    const sent = await t.db.selectFrom('sent_messages as s').innerJoin('outbox as o', 'o.id', 's.outbox_id').select(['s.provider_id', 'o.id']).where('o.recipient', '=', from).orderBy('o.id').execute();
    expect(sent).toHaveLength(2);
    const [first, second] = sent;
    const statuses = (list: Array<[string, string]>) => envelope({ statuses: list.map(([id, status]) => ({ id, status, timestamp: '0', recipient_id: from })) });
    await postSigned(statuses([[first?.provider_id ?? '', 'read'], [first?.provider_id ?? '', 'delivered']]));
    await postSigned(envelope({ statuses: [{ id: second?.provider_id, status: 'failed', timestamp: '0', recipient_id: from, errors: [{ code: 131026, title: 'Message undeliverable' }] }] }));
    const rows = await t.db.selectFrom('outbox').select(['id', 'status', 'delivered_at', 'read_at', 'error']).where('recipient', '=', from).orderBy('id').execute();
    expect(rows[0]).toMatchObject({ status: 'sent', error: null });
    expect(rows[0]?.delivered_at).toBeInstanceOf(Date);
    expect(rows[0]?.read_at).toBeInstanceOf(Date);
    expect(rows[1]).toMatchObject({ status: 'failed', error: '131026 Message undeliverable' });
    const log = await t.db.selectFrom('sent_messages').select('status').where('provider_id', '=', first?.provider_id ?? '').executeTakeFirst();
    expect(log?.status).toBe('read'); // "delivered" after "read" did not move it back
  });

  it('outside the 24-hour window sends only the approved template, and refuses a message without one before calling WhatsApp', async () => {
    const from = '212600000305';
    await postSigned(incoming(from, { type: 'text', text: { body: 'Bonjour' } }));
    await postSigned(incoming(from, { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'accept', title: 'ok' } } }));
    await settle();
    const before = graph.messages(from).length;
    // The villager's last message was 25 hours ago.
    await t.db.updateTable('contact_identities').set({ last_inbound_at: new Date(service.clock.now().getTime() - 25 * 3_600_000) }).where('external_id', '=', from).execute();
    const contact = await t.db.selectFrom('contact_identities').select('contact_id').where('external_id', '=', from).executeTakeFirstOrThrow();
    const queue = async (payload: object) => {
      const row = await t.db.insertInto('outbox').values({ contact_id: contact.contact_id, channel: 'whatsapp', recipient: from, kind: 'notification', payload: JSON.stringify(payload) }).returning('id').executeTakeFirstOrThrow();
      await queues.enqueue('whatsapp', [row.id]);
      await settle();
      return t.db.selectFrom('outbox').select(['status', 'error']).where('id', '=', row.id).executeTakeFirstOrThrow();
    };
    const refused = await queue({ text: 'Rappel sans modèle' });
    expect(refused.status).toBe('failed');
    expect(refused.error).toMatch(/outside the 24-hour window/);
    expect(graph.messages(from)).toHaveLength(before);

    const templated = await queue({ text: 'Rappel : demain 9h, Centre de santé', template: { params: ['demain 9h', 'Centre de santé'] } });
    expect(templated.status).toBe('sent');
    expect(graph.messages(from).at(-1)).toMatchObject({
      type: 'template',
      template: { name: 'qafila_notice', language: { code: 'fr' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'demain 9h' }, { type: 'text', text: 'Centre de santé' }] }] },
    });
  });
});

// WhatsApp Cloud webhooks as Meta documents them today: one part Qafila cannot read never costs the
// others, captions are read, reactions and edits get no answer, a changed number moves the chat,
// and Meta's error reports are logged with their codes.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { envelope, incoming, message, startCloudService, type CloudService } from '../support/cloud-service.ts';

const tr = createTranslator(loadResources());
const logged: Array<Record<string, unknown>> = [];
let service: CloudService;

beforeAll(async () => {
  const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => (logged.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>), done()) });
  service = await startCloudService({ logger: pino({ level: 'warn' }, sink) });
}, 30_000);
afterAll(async () => service?.close());

const sentTo = (to: string) => service.graph.messages(to);
const warnings = (msg: string) => logged.filter((l) => l.msg === msg);

/** A villager who has said hello and accepted: at the menu, 3 messages received so far. */
async function atTheMenu(from: string): Promise<void> {
  await service.postSigned(incoming(from, { type: 'text', text: { body: 'Bonjour' } }));
  await service.postSigned(incoming(from, { type: 'interactive', interactive: { type: 'button_reply', button_reply: { id: 'accept', title: "J'accepte" } } }));
  await service.settle();
}

describe('WhatsApp Cloud payloads', () => {
  it('answers the other villagers of a batch, and 200, when one message or status is of a shape it does not know', async () => {
    const before = logged.length;
    const payload = envelope({
      contacts: [{ user_id: 'MA.1502576394655843', profile: { name: 'F', username: '@fatima.z' } }, { wa_id: '212600000501', profile: { name: 'B' } }],
      // A user with a username: no phone number, only a business-scoped user id.
      messages: [{ from_user_id: 'MA.1502576394655843', id: 'wamid.USERNAME1', timestamp: '1767225600', type: 'text', text: { body: 'salam' } }, message('212600000501', { type: 'text', text: { body: 'Bonjour' } })],
      statuses: [{ id: 'wamid.OUT-X', status: 'played', timestamp: '1767225601', recipient_id: '212600000501' }, { status: 'delivered' }],
    });
    const answer = await service.postSigned(payload);
    expect([answer.statusCode, answer.json()]).toEqual([200, { ok: true, skipped: 2 }]);
    await service.settle();
    expect(sentTo('212600000501')).toHaveLength(2); // the welcome and the consent notice
    expect(logged.slice(before).filter((l) => l.msg === 'WhatsApp webhook part skipped').map((l) => String(l.problem))).toEqual([
      'entry[0].changes[0].value.messages[0]: from Invalid input: expected string, received undefined',
      'entry[0].changes[0].value.statuses[1]: id Invalid input: expected string, received undefined',
    ]);
    // Nothing of what the person wrote reaches the log.
    expect(JSON.stringify(logged.slice(before))).not.toContain('salam');
  });

  it('answers 200 to a signed body it cannot read at all, so Meta does not send it again for days', async () => {
    expect((await service.postSigned({ object: 'page', entry: [] })).json()).toEqual({ ok: true, skipped: 1 });
    expect(warnings('signed WhatsApp webhook is not a WhatsApp Business one; skipped')).toHaveLength(1);
  });

  it('reads the caption of a picture, a video or a document as what the villager wrote', async () => {
    const from = '212600000502';
    await atTheMenu(from);
    await service.postSigned(incoming(from, { type: 'image', image: { id: 'media-1', mime_type: 'image/jpeg', sha256: 'x', caption: 'urgence nzif bzaf' } }));
    await service.settle();
    const texts = sentTo(from).map((m) => (m.text as { body?: string } | undefined)?.body);
    expect(texts).toContain(tr('fr', 'common:emergency', { samu: '141', civil: '15' }));
    await service.postSigned(incoming(from, { type: 'document', document: { id: 'media-2', filename: 'ordonnance.pdf', caption: 'mes rendez-vous' } }));
    await service.settle();
    expect(JSON.stringify(sentTo(from).at(-2))).toContain(tr('fr', 'appointments:none'));
  });

  it('says nothing to a reaction, a removed reaction, an edit, a deletion, a notice from WhatsApp or a group message', async () => {
    const from = '212600000503';
    await atTheMenu(from);
    const before = sentTo(from).length;
    await service.postSigned(
      incoming(
        from,
        { type: 'reaction', reaction: { message_id: 'wamid.OUT1', emoji: '👍' } },
        { type: 'reaction', reaction: { message_id: 'wamid.OUT1' } },
        { type: 'edit', edit: { original_message_id: 'wamid.IN-EARLIER', message: { type: 'text', text: { body: 'Bonjour !' } } } },
        { type: 'revoke', revoke: { original_message_id: 'wamid.IN-EARLIER' } },
        { type: 'system', system: { body: 'Security code changed', type: 'customer_identity_changed' } },
        { type: 'text', group_id: '120363000000000001', text: { body: 'salam' } },
      ),
    );
    await service.settle();
    expect(sentTo(from)).toHaveLength(before);
  });

  it('moves the chat to the villager\'s new number when WhatsApp says they changed it', async () => {
    const [old, fresh] = ['212600000504', '212600000514'];
    await atTheMenu(old);
    const toOld = sentTo(old).length;
    const answer = await service.postSigned(envelope({ messages: [message(old, { type: 'system', system: { body: `User A changed from ${old} to ${fresh}`, new_wa_id: fresh, type: 'user_changed_number' } })] }));
    expect(answer.statusCode).toBe(200);
    const identity = await service.t.db.selectFrom('contact_identities as i').innerJoin('contacts as c', 'c.id', 'i.contact_id').select(['i.external_id', 'c.phone_e164', 'c.consent_at']).where('i.channel', '=', 'whatsapp').where('i.external_id', 'in', [old, fresh]).execute();
    expect(identity.map((r) => [r.external_id, r.phone_e164, r.consent_at !== null])).toEqual([[fresh, `+${fresh}`, true]]);
    // From the new number they are the same person, at the menu: no welcome, no consent notice again.
    await service.postSigned(incoming(fresh, { type: 'text', text: { body: 'mes rendez-vous' } }));
    await service.settle();
    const replies = sentTo(fresh).map((m) => JSON.stringify(m));
    expect(replies).toEqual([expect.stringContaining(tr('fr', 'appointments:none')), expect.stringContaining(tr('fr', 'menu:question'))]);
    expect(sentTo(old)).toHaveLength(toOld);
  });

  it('logs the errors Meta reports, with their codes, and still answers the message they came with', async () => {
    const from = '212600000505';
    await atTheMenu(from);
    const before = sentTo(from).length;
    await service.postSigned(
      envelope({
        errors: [{ code: 130429, title: 'Rate limit hit', message: 'Rate limit hit', error_data: { details: 'Cloud API message throughput has been reached.' } }],
        contacts: [{ wa_id: from, profile: { name: 'A' } }],
        messages: [message(from, { type: 'unsupported', errors: [{ code: 131051, title: 'Message type unknown', message: 'Message type unknown' }] })],
      }),
    );
    await service.settle();
    const reported = warnings('WhatsApp reported an error').slice(-2).map((l) => [l.code, l.title, typeof l.messageId]);
    expect(reported).toEqual([[130429, 'Rate limit hit', 'undefined'], [131051, 'Message type unknown', 'string']]);
    expect(JSON.stringify(sentTo(from).slice(before))).toContain(tr('fr', 'common:cannotRead'));
  });
});

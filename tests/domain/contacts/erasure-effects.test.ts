// Erasure asked by staff for a villager who phoned, the message confirming an erasure, and the place it frees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelAdapter } from '../../../src/channels/channel.ts';
import { WHATSAPP_CLOUD_CAPABILITIES } from '../../../src/channels/whatsapp-cloud/whatsapp-cloud.channel.ts';
import { noPacing } from '../../../src/delivery/chat-pacer.ts';
import { deliverOutboxRows } from '../../../src/delivery/deliver.ts';
import { eraseContact } from '../../../src/domain/contacts/erasure.ts';
import { createTranslator, loadResources } from '../../../src/i18n/translator.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { addDays, bookEyeConsultation, conversationDeps, registerUpToWindow, seedConversationCampaigns, START_DAY, Villager } from '../../support/conversation-harness.ts';
import { deps } from '../../support/fixtures.ts';
import { findEverywhere } from '../../support/personal-data-search.ts';

const tr = createTranslator(loadResources());
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
});
afterAll(async () => t?.drop());

const contactOf = async (chat: string) => (await t.db.selectFrom('contact_identities').select('contact_id').where('external_id', '=', chat).executeTakeFirstOrThrow()).contact_id;

describe('erasure asked by staff', () => {
  it('forgets the villager, cancels and blanks what was waiting to go to them, and audits the staff member with counts only', async () => {
    const v = new Villager(conversationDeps(t.db), '+212655443322');
    await v.onboard('fr');
    await bookEyeConsultation(v, { name: 'Rachid Amrani', sex: 'male', age: 58, day: addDays(START_DAY, 13) });
    const contactId = await contactOf(v.phone);
    const ctx = { actor: { kind: 'staff' as const, id: 7 }, channel: 'staff' as const, today: START_DAY };

    const result = await t.db.transaction().execute((trx) => eraseContact(trx, ctx, contactId, deps));
    expect(result).toEqual({ beneficiaries: 1, cancelledAppointments: 1, promotedAppointmentIds: [] });
    expect(await findEverywhere(t.db, [v.phone, '212655443322', 'Amrani'])).toEqual([]);
    const audit = await t.db.selectFrom('audit_log').select(['actor', 'entity_id', 'details']).where('action', '=', 'contact.erase').execute();
    expect(audit).toEqual([{ actor: 'staff:7', entity_id: String(contactId), details: { beneficiaries: 1, cancelledAppointments: 1 } }]);
    // The replies the terminal had not shown yet will not go, and say nothing.
    const replies = await t.db.selectFrom('outbox').select(['status', 'recipient', 'payload']).where('contact_id', '=', contactId).execute();
    expect(replies.length).toBeGreaterThan(0);
    expect(new Set(replies.map((r) => JSON.stringify(r)))).toEqual(new Set([JSON.stringify({ status: 'cancelled', recipient: '', payload: {} })]));

    // Their next message is a stranger's.
    await v.send('Bonjour');
    expect(v.lastChoices().map((c) => c.id)).toEqual(['accept', 'decline', 'language']);
    expect(await contactOf(v.phone)).not.toBe(contactId);
  });
});

describe('erasure of a contact other chats were joined to', () => {
  it('leaves alone a contact who shared its number from one of its chats but keeps another', async () => {
    const erased = new Villager(conversationDeps(t.db), '+212622334455');
    await erased.onboard('fr');
    // Another person's contact with two Telegram chats: one shares its own number, the second joins it...
    const own = new Villager(conversationDeps(t.db), '880001', 'telegram');
    await own.onboard('fr');
    await own.send({ phoneShared: true, phone: '+212633445566' });
    const second = new Villager(conversationDeps(t.db), '880002', 'telegram');
    await second.onboard('fr');
    await second.send({ phoneShared: true, phone: '+212633445566' });
    expect(second.last[0]?.text).toBe(tr('fr', 'phone:joined'));
    // ...then shares the number of the contact erased below, and moves over to it.
    await second.send({ phoneShared: true, phone: erased.phone });
    expect(second.last[0]?.text).toBe(tr('fr', 'phone:joined'));
    const live = await contactOf('880001');

    await erased.send('effacer mes données');
    await erased.choose('yes');
    expect(await t.db.selectFrom('contacts').select('phone_e164').where('id', '=', live).executeTakeFirstOrThrow()).toEqual({ phone_e164: '+212633445566' });
    expect(await contactOf('880001')).toBe(live);
  });
});

describe('the message confirming an erasure', () => {
  it('reaches a WhatsApp Cloud villager although their chat is forgotten, then keeps only its status and times', async () => {
    const v = new Villager(conversationDeps(t.db), '212677889900', 'whatsapp');
    await v.onboard('fr');
    const contactId = await contactOf(v.phone);
    await v.send('effacer mes données');
    await v.choose('yes');
    const delivered: string[] = [];
    const cloud: ChannelAdapter = {
      name: 'whatsapp',
      capabilities: WHATSAPP_CLOUD_CAPABILITIES,
      async send(to, part) {
        delivered.push(`${to}: ${part.kind === 'text' ? part.text : part.kind}`);
        return 'wamid.HBgMMjEyNjc3ODg5OTAwFQIAERgSQUFBQUFBQUFBQUFBQUFBQUFBAA==';
      },
    };
    const waiting = await t.db.selectFrom('outbox').select('id').where('contact_id', '=', contactId).where('status', '=', 'pending').execute();
    expect(waiting).toHaveLength(1);
    await deliverOutboxRows({ db: t.db, adapter: cloud, pacer: noPacing }, waiting.map((r) => r.id));

    expect(delivered).toEqual([`212677889900: ${tr('fr', 'privacy:deleted')}`]);
    const row = await t.db.selectFrom('outbox').select(['status', 'recipient', 'payload', 'provider_id', 'sent_at']).where('id', '=', waiting[0]?.id ?? -1).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'sent', recipient: '', payload: {}, provider_id: null, sent_at: expect.any(Date) });
    expect(await t.db.selectFrom('sent_messages').select('provider_id').where('outbox_id', '=', waiting[0]?.id ?? -1).execute()).toEqual([]);
  });
});

describe('a place freed by an erasure', () => {
  it('goes to the first person waiting for it, whose reminders are written', async () => {
    const day = addDays(START_DAY, 13);
    // The first surgery day has one place.
    const first = new Villager(conversationDeps(t.db), '+212600112233');
    await first.onboard('fr');
    await registerUpToWindow(first, { name: 'Omar Idrissi', sex: 'male', age: 61, day, service: 'surgery' });
    await first.send('1');
    await first.choose('confirm');
    const waiting = new Villager(conversationDeps(t.db), '+212600445566');
    await waiting.onboard('fr');
    await registerUpToWindow(waiting, { name: 'Saida Naciri', sex: 'female', age: 63, day, service: 'surgery' });
    await waiting.choose('waitlist');

    await first.send('effacer mes données');
    await first.choose('yes');

    const promoted = await t.db
      .selectFrom('appointments as a')
      .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
      .select('a.id')
      .where('b.contact_id', '=', await contactOf(waiting.phone))
      .where('a.status', '=', 'booked')
      .executeTakeFirstOrThrow();
    const reminders = await t.db.selectFrom('notifications').select(['label', 'status']).where('appointment_id', '=', promoted.id).orderBy('due_at').execute();
    // The surgery starts at 08:00: its morning reminder goes the evening before.
    expect(reminders).toEqual([{ label: 'two_days_before', status: 'pending' }, { label: 'morning_of', status: 'pending' }]);
  });
});

// "Delete my data" leaves nothing that names or reaches the person, in any column of any table, while a
// campaign's counts (appointments per service, day and status) stay what they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { handleInbound, type ConversationDeps, type Inbound, type Reply } from '../../../src/conversation/index.ts';
import type { ChannelAdapter } from '../../../src/channels/channel.ts';
import { WHATSAPP_WEB_CAPABILITIES } from '../../../src/channels/whatsapp-web/whatsapp-web.channel.ts';
import { noPacing } from '../../../src/delivery/chat-pacer.ts';
import { deliverOutboxRows } from '../../../src/delivery/deliver.ts';
import { recordDonation } from '../../../src/domain/donors/donations.ts';
import { createBroadcast, fanoutPage } from '../../../src/scheduling/broadcasts.ts';
import { DEFAULT_CHECKIN_DAYS, markProcedureDone } from '../../../src/scheduling/checkins.ts';
import { fireNotification } from '../../../src/scheduling/fire-notification.ts';
import { DEFAULT_QUIET_HOURS } from '../../../src/scheduling/quiet-hours.ts';
import { createTranslator, loadResources } from '../../../src/i18n/translator.ts';
import { closeAsStaff, ensureOrganisation, openTicketOf } from '../../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { addDays, bookEyeConsultation, conversationDeps, seedConversationCampaigns, START_DAY, testClock, Villager, type TestClock } from '../../support/conversation-harness.ts';
import { findEverywhere } from '../../support/personal-data-search.ts';
import { oggOpusSilence } from '../../support/ogg-opus.ts';

const tr = createTranslator(loadResources());
const STAFF = { kind: 'staff' as const, id: 3 };
const STAFF_CHAT = '-1009876543210';
const NUMBER = '212612345678';
const TELEGRAM_CHAT = '7391046285';
/** Everything that would name or reach her: the phone as it is stored, sent and typed, her chats, her names, what she wrote. */
const HERS = [`+${NUMBER}`, NUMBER, '0612345678', '06 12 34 56 78', TELEGRAM_CHAT, 'Fatima Zahra Bennani', 'Bennani', 'يوسف العلوي', 'peur de l’opération'];

let t: TestDatabase;
let caravanId = 0;
beforeAll(async () => {
  t = await createTestDatabase();
  ({ caravanId } = await seedConversationCampaigns(t.db));
  await t.db.updateTable('campaigns').set({ staff_telegram_chat: STAFF_CHAT }).where('id', '=', caravanId).execute();
});
afterAll(async () => t?.drop());

/** A villager on whatsapp-web.js: the chat id is the number at c.us, and each message id names the chat too. */
class WhatsAppWebVillager extends Villager {
  private messages = 0;
  constructor(
    private readonly conversation: ConversationDeps,
    readonly number: string,
  ) {
    super(conversation, `+${number}`, 'whatsapp_web');
  }

  override async send(message: string | Omit<Inbound, 'channel' | 'from'>): Promise<Reply[]> {
    const body = typeof message === 'string' ? { text: message } : message;
    const providerId = `false_${this.number}@c.us_3EB0${String(++this.messages).padStart(16, '0')}`;
    const handled = await handleInbound(this.conversation, { channel: 'whatsapp_web', from: `${this.number}@c.us`, phone: this.phone, providerId, ...body });
    this.last = handled.replies.map((r) => r.reply);
    this.all.push(...this.last);
    return this.last;
  }
}

/** The phone linked by whatsapp-web.js: every message goes, and its id names the chat, as WhatsApp's do. */
function linkedPhone(): ChannelAdapter & { delivered: Array<{ to: string; text: string }> } {
  const delivered: Array<{ to: string; text: string }> = [];
  return {
    name: 'whatsapp_web',
    capabilities: WHATSAPP_WEB_CAPABILITIES,
    delivered,
    async send(to, part) {
      delivered.push({ to, text: part.kind === 'text' ? part.text : part.kind });
      return `true_${to}_3EB0${String(delivered.length).padStart(16, '0')}`;
    },
  };
}

async function deliverPending(adapter: ChannelAdapter): Promise<void> {
  const ids = await t.db.selectFrom('outbox').select('id').where('channel', '=', adapter.name).where('status', '=', 'pending').orderBy('id').execute();
  await deliverOutboxRows({ db: t.db, adapter, pacer: noPacing }, ids.map((r) => r.id));
}

/** Appointments per campaign, service, day and status: what a campaign's report counts. */
async function reportCounts(): Promise<Record<string, number>> {
  const rows = await t.db
    .selectFrom('appointments as a')
    .innerJoin('slots as s', 's.id', 'a.slot_id')
    .select(['a.campaign_id', 'a.service', 's.day', 'a.status', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy(['a.campaign_id', 'a.service', 's.day', 'a.status'])
    .execute();
  return Object.fromEntries(rows.map((r) => [`${r.campaign_id} ${r.service} ${r.day} ${r.status}`, Number(r.n)]));
}

/** Fatima's child's operation is done; the first check-in goes to the chat she used last, and she answers with a red flag. */
async function answerCheckinWithRedFlag(clock: TestClock, chat: Villager, appointmentId: number): Promise<void> {
  const settings = { zone: 'Africa/Casablanca', quiet: DEFAULT_QUIET_HOURS, days: DEFAULT_CHECKIN_DAYS, at: '10:00' };
  const organisationId = await ensureOrganisation(t.db, 'test-association');
  const planned = await t.db.transaction().execute((trx) => markProcedureDone(trx, STAFF, organisationId, appointmentId, clock.now(), settings));
  const first = planned?.[0];
  if (!first) throw new Error('no check-in planned');
  clock.advance(first.dueAt.getTime() - clock.now().getTime());
  expect((await fireNotification({ db: t.db, t: tr, zone: 'Africa/Casablanca', quiet: DEFAULT_QUIET_HOURS }, first.id, clock.now())).kind).toBe('sent');
  await chat.send('4'); // unbearable pain: advice, and an alert to the staff chat
  for (const answer of ['2', '2', '2', '1']) await chat.send(answer);
  expect(chat.lastText()).toContain(tr('fr', 'checkin:thanksOther', { who: 'يوسف العلوي' })); // the child is named, not the mother
}

/** Fatima gives blood at the drive; staff record it with her blood group. */
async function giveBlood(v: Villager): Promise<void> {
  await v.choose('donate');
  await v.choose('female');
  await v.send('52');
  await v.send('70');
  await v.choose('no');
  await v.choose('none');
  await v.send('1'); // not pregnant
  await v.send('casa');
  await v.choose(/Chock/);
  await v.send('1');
  await v.choose('confirm');
  await v.send('2'); // no recall
  const appointment = await t.db
    .selectFrom('appointments as a')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .innerJoin('contacts as k', 'k.id', 'b.contact_id')
    .select('a.id')
    .where('k.phone_e164', '=', v.phone)
    .where('a.service', '=', 'blood_donation')
    .executeTakeFirstOrThrow();
  const centre = await ensureOrganisation(t.db, 'cnts');
  await t.db.transaction().execute((trx) => recordDonation(trx, STAFF, centre, { appointmentId: appointment.id, bloodGroup: 'AB-' }));
}

describe('erasing a villager', () => {
  it('leaves no phone, chat, name or words of theirs in any column of any table, and keeps the counts', async () => {
    const clock = testClock();
    const deps = conversationDeps(t.db, clock);
    const someoneElse = new Villager(deps, '+212698765432');
    await someoneElse.onboard('fr');
    await bookEyeConsultation(someoneElse, { name: 'Khadija Ouazzani', sex: 'female', age: 40, day: addDays(START_DAY, 13) });

    const fatima = new WhatsAppWebVillager(deps, NUMBER);
    await fatima.onboard('fr');
    await bookEyeConsultation(fatima, { name: 'Fatima Zahra Bennani', sex: 'female', age: 52, day: addDays(START_DAY, 13) });
    // Her son's operation, the second day.
    await fatima.choose('register');
    await fatima.choose('child');
    await fatima.send('يوسف العلوي');
    await fatima.choose('male');
    await fatima.send('9');
    await fatima.send('Tinghir');
    await fatima.send('1');
    await fatima.choose('surgery');
    await fatima.choose(addDays(START_DAY, 14));
    await fatima.send('1');
    await fatima.choose('confirm');
    await fatima.choose('alerts');
    await fatima.send('Tinghir');
    await giveBlood(fatima);
    // She asks for a person and says more than the bot needs; a coordinator calls her and closes the ticket.
    await fatima.send('je veux parler à quelqu’un');
    await fatima.send('Mon fils a peur de l’opération, appelez-moi au 06 12 34 56 78');
    const contactId = (await t.db.selectFrom('contacts').select('id').where('phone_e164', '=', fatima.phone).executeTakeFirstOrThrow()).id;
    const ticket = await openTicketOf(t.db, contactId);
    await closeAsStaff(t.db, ticket?.id ?? -1);
    await fatima.send('menu');
    // She sends a voice note: its audio, and its id on whatsapp-web.js (which names her chat), are kept for staff.
    await fatima.send({ media: 'voice', voice: { providerMediaId: `false_${NUMBER}@c.us_3EB0VOICE`, mimeType: 'audio/ogg', audio: oggOpusSilence(1) } });
    await fatima.send('0');
    // She also writes on Telegram and shares her number there: that chat is joined to her.
    const onTelegram = new Villager(deps, TELEGRAM_CHAT, 'telegram');
    await onTelegram.onboard('fr');
    await onTelegram.send({ phoneShared: true, phone: fatima.phone });
    expect(onTelegram.last[0]?.text).toBe(tr('fr', 'phone:joined'));
    const surgery = await t.db.selectFrom('appointments as a').innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id').select('a.id').where('b.contact_id', '=', contactId).where('a.service', '=', 'surgery').executeTakeFirstOrThrow();
    await answerCheckinWithRedFlag(clock, onTelegram, surgery.id);
    const broadcast = await createBroadcast(t.db, STAFF, await ensureOrganisation(t.db, 'test-association'), { audience: { provinces: ['tinghir'] }, texts: { fr: 'La caravane de Tinghir vous attend.' } }, clock.now());
    await fanoutPage(t.db, broadcast.id, 100, () => 'STOP pour ne plus rien recevoir');
    const phone = linkedPhone();
    await deliverPending(phone);
    // She starts registering her mother, then changes her mind: the name waits in the conversation's draft.
    await fatima.choose('register');
    await fatima.choose('parent');
    await fatima.send('Mina Bennani');

    const before = await findEverywhere(t.db, HERS);
    // The search sees her everywhere she is: her chats, her people, her words, the staff chat's alert.
    expect(before).toEqual(
      expect.arrayContaining([
        `contact_identities.external_id: ${NUMBER}`,
        `contact_identities.external_id: ${TELEGRAM_CHAT}`,
        `contacts.phone_e164: +${NUMBER}`,
        'conversations.state: Bennani',
        'beneficiaries.full_name: Bennani',
        'beneficiaries.full_name: يوسف العلوي',
        'handoff_messages.text: 06 12 34 56 78',
        `inbound_receipts.provider_id: ${NUMBER}`,
        `outbox.recipient: ${TELEGRAM_CHAT}`,
        'outbox.payload: يوسف العلوي',
        `outbox.payload: +${NUMBER}`,
        `sent_messages.provider_id: ${NUMBER}`,
        `voice_notes.provider_media_id: ${NUMBER}`,
      ]),
    );
    // Her confirmation codes: her chat and the staff chat show them, so they would lead back to her appointments.
    const codes = (await t.db.selectFrom('appointments as a').innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id').select('a.code').where('b.contact_id', '=', contactId).execute()).map((a) => a.code);
    expect(codes).toHaveLength(3);
    const counts = await reportCounts();
    const eye = await t.db.selectFrom('appointments as a').innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id').innerJoin('slots as s', 's.id', 'a.slot_id').select(['a.campaign_id', 's.day']).where('b.contact_id', '=', contactId).where('a.service', '=', 'ophthalmology').executeTakeFirstOrThrow();

    await fatima.send('effacer mes données');
    await fatima.choose('yes');
    expect(fatima.last).toEqual([{ text: tr('fr', 'privacy:deleted') }]);
    // She is told, on the chat she asked from; then that message too keeps only its status and times.
    await deliverPending(phone);
    expect(phone.delivered.at(-1)).toEqual({ to: `${NUMBER}@c.us`, text: tr('fr', 'privacy:deleted') });

    expect(await findEverywhere(t.db, [...HERS, ...codes])).toEqual([]);
    expect(await findEverywhere(t.db, ['+212698765432', 'Ouazzani'])).toEqual(expect.arrayContaining(['contacts.phone_e164: +212698765432', 'beneficiaries.full_name: Ouazzani']));
    // Her upcoming eye consultation is cancelled, its place freed; every other count is what it was.
    const eyeDay = `${eye.campaign_id} ophthalmology ${eye.day}`;
    expect(await reportCounts()).toEqual({ ...counts, [`${eyeDay} booked`]: (counts[`${eyeDay} booked`] ?? 0) - 1, [`${eyeDay} cancelled`]: 1 });
    // Health data that holds no name: the check-in answers, the alert's details, the blood group of the audit log.
    expect(await t.db.selectFrom('checkins').select(['answers', 'red_flags']).where('appointment_id', '=', surgery.id).execute()).toEqual([{ answers: {}, red_flags: [] }]);
    expect(await t.db.selectFrom('staff_alerts').select(['details', sql<boolean>`resolved_at is not null`.as('resolved')]).where('appointment_id', '=', surgery.id).execute()).toEqual([{ details: {}, resolved: true }]);
    const donationAudit = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'donation.record').execute();
    expect(donationAudit.map((a) => Object.keys(a.details).sort())).toEqual([['appointmentId', 'donatedOn', 'nextEligibleOn']]);
    expect(await t.db.selectFrom('audit_log').select(['actor', 'details']).where('action', '=', 'contact.erase').execute()).toEqual([{ actor: `contact:${contactId}`, details: { beneficiaries: 2, cancelledAppointments: 1 } }]);

    // Writing again from the same phone is a stranger's first message: the consent notice, a new contact.
    await fatima.send('Bonjour');
    expect(fatima.lastChoices().map((c) => c.id)).toEqual(['accept', 'decline', 'language']);
    const again = await t.db.selectFrom('contact_identities').select('contact_id').where('external_id', '=', `${NUMBER}@c.us`).executeTakeFirstOrThrow();
    expect(again.contact_id).not.toBe(contactId);
  });
});

// A person on request, three misses, going back, a day of silence, and erasing one's data — in every locale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, createTranslator, loadResources, type Locale } from '../../src/i18n/translator.ts';
import { closeAsStaff, openTicketOf } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { conversationDeps, missingKeys, seedConversationCampaigns, testClock, Villager } from '../support/conversation-harness.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
});
afterAll(async () => t?.drop());

const tr = createTranslator(loadResources());
let phones = 0;
const newPhone = () => `+2126160000${String(++phones).padStart(2, '0')}`;
const BACK: Record<Locale, string> = { fr: 'retour', ar: 'رجوع', ary: 'رجوع', 'ary-Latn': 'menu', shi: 'urri s lmenu' };
const HUMAN: Record<Locale, string> = { fr: 'je veux parler à quelqu’un', ar: 'أريد التحدث مع شخص', ary: 'بغيت نهضر مع شي واحد', 'ary-Latn': 'bghit nhder m3a chi wa7ed', shi: 'riɣ ad sawlɣ d yan zg lfri9' };
const EMERGENCY: Record<Locale, string> = { fr: 'urgence', ar: 'حالة طارئة', ary: 'عاجل', 'ary-Latn': 'urgence', shi: 'ar ittazzal idammn' };

const contactIdOf = async (phone: string) => (await t.db.selectFrom('contacts').select('id').where('phone_e164', '=', phone).executeTakeFirstOrThrow()).id;

describe.each(LOCALES)('handoff and privacy, in %s', (locale) => {
  it('still erases the data of a contact who said STOP', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await v.send('stop');
    const id = await contactIdOf(v.phone);
    await v.send({ fr: 'effacer mes données', ar: 'احذف بياناتي', ary: 'مسح المعلومات ديالي', 'ary-Latn': 'ms7 lma3loumat dyali', shi: 'kks lma3lumat inu' }[locale]);
    expect(v.lastChoices().map((c) => c.id)).toEqual(['yes', 'no']);
    await v.send('1');
    expect(v.last).toEqual([{ text: tr(locale, 'privacy:deleted') }]);
    expect(await t.db.selectFrom('contacts').select(['phone_e164', 'consent_at']).where('id', '=', id).executeTakeFirst()).toEqual({ phone_e164: null, consent_at: null });
  });

  it('opens a ticket for a person and stays quiet, keeping what is written, until staff close it; emergencies still answered', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await v.send(HUMAN[locale]);
    expect(v.last).toEqual([{ text: tr(locale, 'handoff:opened', { samu: '141', civil: '15' }) }]);
    const id = await contactIdOf(v.phone);
    expect(await v.send('mon fils a mal aux yeux')).toEqual([]);
    expect(await v.send('1')).toEqual([]);
    const urgent = await v.send(EMERGENCY[locale]);
    expect(urgent).toEqual([{ text: tr(locale, 'common:emergency', { samu: '141', civil: '15' }) }]);
    const ticket = await openTicketOf(t.db, id);
    expect(ticket).toMatchObject({ reason: 'asked', urgent: true, messages: 3 });

    await closeAsStaff(t.db, ticket?.id ?? -1);
    await v.send({ fr: 'bonjour', ar: 'مرحبا', ary: 'السلام', 'ary-Latn': 'salam', shi: 'azul' }[locale]);
    expect(v.last[0]?.text).toBe(tr(locale, 'handoff:closed'));
    expect(v.lastChoices()[0]?.id).toBe('campaigns');
  });

  it('answers an emergency with the numbers before any consent, and opens an urgent ticket', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    // A first message says the language too: "help me" in Arabizi, where "urgence" would read as French.
    const replies = await v.send(locale === 'ary-Latn' ? '3te9ni' : EMERGENCY[locale]);
    expect(replies[0]).toEqual({ text: tr(locale, 'common:emergency', { samu: '141', civil: '15' }) });
    const contact = await t.db.selectFrom('contacts as c').innerJoin('contact_identities as i', 'i.contact_id', 'c.id').select(['c.id', 'c.consent_at']).where('i.external_id', '=', v.phone).executeTakeFirstOrThrow();
    expect(contact.consent_at).toBeNull();
    expect(await t.db.selectFrom('handoff_tickets').select(['reason', 'urgent', 'status']).where('contact_id', '=', contact.id).execute()).toEqual([{ reason: 'emergency', urgent: true, status: 'open' }]);
  });

  it('answers an emergency with the numbers after STOP, and stays opted out', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await v.send('stop');
    const replies = await v.send(EMERGENCY[locale]);
    expect(replies[0]).toEqual({ text: tr(locale, 'common:emergency', { samu: '141', civil: '15' }) });
    const id = await contactIdOf(v.phone);
    expect(await t.db.selectFrom('handoff_tickets').select(['reason', 'urgent']).where('contact_id', '=', id).execute()).toEqual([{ reason: 'emergency', urgent: true }]);
    expect((await t.db.selectFrom('contacts').select('opted_out_at').where('id', '=', id).executeTakeFirstOrThrow()).opted_out_at).toBeInstanceOf(Date);
    expect(await v.send('1')).toEqual([{ text: tr(locale, 'common:stopConfirmed') }]);
  });

  it('offers a person after three answers that do not fit', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await v.choose('register');
    await v.send('99');
    expect(v.last[0]?.text).toBe(tr(locale, 'common:notUnderstood', { hint: tr(locale, 'common:hintRead') }));
    await v.send('xyz');
    await v.send('42');
    expect(v.lastText()).toContain(tr(locale, 'handoff:offer'));
    await v.choose('no');
    expect(v.lastChoices()[0]?.id).toBe('campaigns');
  });

  it('goes back to the menu with 0 or the word for "back", and starts over politely after a day of silence', async () => {
    const clock = testClock();
    const v = new Villager(conversationDeps(t.db, clock), newPhone());
    await v.onboard(locale);
    await v.choose('register');
    await v.send('0');
    expect(v.lastChoices()[0]?.id).toBe('campaigns');
    await v.choose('register');
    await v.send(BACK[locale]);
    expect(v.lastChoices()[0]?.id).toBe('campaigns');

    await v.choose('register');
    await v.choose('child');
    clock.advance(25 * 60 * 60 * 1000);
    await v.send('Amine');
    expect(v.last[0]?.text).toBe(tr(locale, 'common:welcomeBack'));
    expect(v.lastChoices()[0]?.id).toBe('campaigns');
    expect(missingKeys).toEqual([]);
  });

  it('erases personal data after a confirmation, cancelling upcoming appointments but keeping the counts', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await v.choose('register');
    await v.choose('self');
    await v.send('Zineb Chraibi');
    await v.choose('female');
    await v.send('41');
    await v.send('Tinghir');
    await v.choose(/Tinghir|تنغير/);
    await v.choose('ophthalmology');
    await v.choose('2026-12-14');
    await v.send('1');
    await v.choose('confirm');
    await v.choose('alerts');
    await v.send('Tinghir');
    const id = await contactIdOf(v.phone);
    // They also wrote to a coordinator, who answered and closed the ticket.
    await v.send(HUMAN[locale]);
    await v.send('ma mère a du diabète');
    const ticket = await openTicketOf(t.db, id);
    await closeAsStaff(t.db, ticket?.id ?? -1);
    await v.send('1');
    const slotOf = () => t.db.selectFrom('slots as s').innerJoin('appointments as a', 'a.slot_id', 's.id').innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id').select(['s.id', 's.booked']).where('b.contact_id', '=', id).executeTakeFirstOrThrow();
    const held = await slotOf();

    await v.choose('delete');
    expect(v.lastText()).toContain(tr(locale, 'privacy:deleteAppointments', { count: 1 }));
    await v.choose('yes');
    expect(v.last).toEqual([{ text: tr(locale, 'privacy:deleted') }]);
    const contact = await t.db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(contact).toMatchObject({ phone_e164: null, locale: null, province_code: null, consent_at: null });
    const people = await t.db.selectFrom('beneficiaries').select(['full_name', 'sex', 'birth_year', 'commune']).where('contact_id', '=', id).execute();
    expect(people).toEqual([{ full_name: null, sex: null, birth_year: null, commune: null }]);
    const appointments = await t.db.selectFrom('appointments as a').innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id').select('a.status').where('b.contact_id', '=', id).execute();
    expect(appointments).toEqual([{ status: 'cancelled' }]);
    expect(await t.db.selectFrom('alert_subscriptions').select('province_code').where('contact_id', '=', id).execute()).toEqual([]);
    // The place is free for someone else.
    expect(await slotOf()).toEqual({ id: held.id, booked: held.booked - 1 });
    // The booking's two reminders will not go.
    const waiting = await t.db.selectFrom('notifications').select(['label', 'status', 'reason']).where('contact_id', '=', id).orderBy('id').execute();
    expect(waiting).toEqual([
      { label: 'two_days_before', status: 'cancelled', reason: 'data erased' },
      { label: 'morning_of', status: 'cancelled', reason: 'data erased' },
    ]);
    // What they wrote to the coordinator is gone; the ticket itself stays, for the counts.
    expect(await t.db.selectFrom('handoff_messages').select('id').where('ticket_id', '=', ticket?.id ?? -1).execute()).toEqual([]);
    expect(await t.db.selectFrom('handoff_tickets').select('status').where('id', '=', ticket?.id ?? -1).execute()).toEqual([{ status: 'closed' }]);

    // The next message starts afresh, with the consent notice.
    await v.send('1');
    expect(v.lastChoices().map((c) => c.id)).toEqual(['accept', 'decline', 'language']);
  });
});

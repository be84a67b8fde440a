// "annuler" from a villager who holds an appointment, typed while another registration is under way:
// they mean the appointment, so the answer must not be "nothing was registered".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, createTranslator, loadResources, type Locale } from '../../src/i18n/translator.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { bookEyeConsultation, conversationDeps, fillSurgeryDay, seedConversationCampaigns, Villager } from '../support/conversation-harness.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  const { caravanId } = await seedConversationCampaigns(t.db);
  await fillSurgeryDay(t.db, caravanId);
});
afterAll(async () => t?.drop());

const tr = createTranslator(loadResources());
let phones = 0;
const newPhone = () => `+2126150000${String(++phones).padStart(2, '0')}`;
const CANCEL: Record<Locale, string> = { fr: 'annuler', ar: 'إلغاء', ary: 'بغيت نلغي', 'ary-Latn': 'bghit nlghi', shi: 'riɣ ad kksɣ' };

const appointmentStatus = (phone: string) =>
  t.db
    .selectFrom('appointments as a')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .innerJoin('contacts as c', 'c.id', 'b.contact_id')
    .select('a.status')
    .where('c.phone_e164', '=', phone)
    .execute();

describe.each(LOCALES)('cancelling while another registration is under way, in %s', (locale: Locale) => {
  it('offers to cancel the appointment the villager holds, and cancels it after a yes', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await bookEyeConsultation(v, { name: 'Fatima Zahra', sex: 'female', age: 40, day: '2026-12-14' });
    await v.choose('register');
    await v.choose('child'); // a second registration, stopped at the child's name
    await v.send(CANCEL[locale]);
    expect(v.lastText()).not.toContain(tr(locale, 'register:abandoned'));
    expect(v.lastText()).toContain(tr(locale, 'register:abandonedAppointmentsKept'));
    expect(v.lastText()).toContain('Fatima Zahra');
    await v.choose('yes');
    expect(v.lastText()).toContain(tr(locale, 'appointments:cancelled'));
    expect(await appointmentStatus(v.phone)).toEqual([{ status: 'cancelled' }]);
  });

  it('tells a villager on the waiting list what they wait for, rather than "no appointment"', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await v.choose('register');
    await v.choose('parent');
    await v.send('Itto Ouhadou');
    await v.choose('female');
    await v.send('66');
    await v.send('Tinghir');
    await v.send('1'); // the Tinghir caravan
    await v.choose('surgery');
    await v.choose('2026-12-14'); // full: its one place is taken
    await v.choose('waitlist');
    await v.send(CANCEL[locale]);
    expect(v.lastText()).not.toContain(tr(locale, 'appointments:none'));
    expect(v.lastText()).toContain(tr(locale, 'appointments:noneButWaiting'));
    expect(v.lastText()).toContain('Itto Ouhadou');
    expect(v.lastText()).toContain(tr(locale, 'services:surgery'));
  });

  it('only stops the registration of a villager who holds nothing', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await v.choose('register');
    await v.choose('child');
    await v.send(CANCEL[locale]);
    expect(v.last[0]?.text).toBe(tr(locale, 'register:abandoned'));
  });
});

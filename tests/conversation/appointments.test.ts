// My appointments, for everyone registered from one phone: look, cancel, move — in every locale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, createTranslator, loadResources, type Locale } from '../../src/i18n/translator.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { conversationDeps, seedConversationCampaigns, Villager } from '../support/conversation-harness.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
});
afterAll(async () => t?.drop());

const tr = createTranslator(loadResources());
let phones = 0;
const newPhone = () => `+2126140000${String(++phones).padStart(2, '0')}`;

/** Books an eye consultation for "who" on the given day, from the menu back to the menu. */
async function book(v: Villager, who: 'self' | 'child', name: string, day: string): Promise<void> {
  await v.choose('register');
  await v.choose(who);
  if (v.lastChoices().length === 0) {
    await v.send(name);
    await v.choose('female');
    await v.send('30');
    await v.send('Tinghir');
  }
  if (v.lastChoices()[0]?.id === 'list') await v.send('Tinghir');
  await v.choose(/Tinghir|تنغير/);
  await v.choose('ophthalmology');
  await v.choose(day);
  await v.send('1');
  await v.choose('confirm');
}

const statuses = (phone: string) =>
  t.db
    .selectFrom('appointments as a')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .innerJoin('contacts as c', 'c.id', 'b.contact_id')
    .innerJoin('slots as s', 's.id', 'a.slot_id')
    .select(['b.full_name', 'a.status', 's.day'])
    .where('c.phone_e164', '=', phone)
    .orderBy('a.id')
    .execute();

describe.each(LOCALES)('my appointments, in %s', (locale: Locale) => {
  it('lists the appointments of every person of the phone, then cancels one after a yes', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await book(v, 'self', 'Khadija Alaoui', '2026-12-14');
    await book(v, 'child', 'Salma Alaoui', '2026-12-15');
    await v.choose('appointments');
    expect(v.lastText()).toContain('Khadija Alaoui');
    expect(v.lastText()).toContain('Salma Alaoui');
    expect(v.lastChoices()).toHaveLength(2);
    await v.send('2');
    await v.choose('cancel');
    await v.choose('no');
    expect(v.last[0]?.text).toBe(tr(locale, 'appointments:kept'));
    await v.choose('appointments');
    await v.send('2');
    await v.choose('cancel');
    await v.choose('yes');
    expect(v.last[0]?.text).toBe(tr(locale, 'appointments:cancelled'));
    expect(await statuses(v.phone)).toEqual([
      { full_name: 'Khadija Alaoui', status: 'booked', day: '2026-12-14' },
      { full_name: 'Salma Alaoui', status: 'cancelled', day: '2026-12-15' },
    ]);
  });

  it('moves an appointment to another day when asked in free text', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await book(v, 'self', 'Rachid Idrissi', '2026-12-14');
    const words: Record<Locale, string> = { fr: 'changer mon rendez-vous', ar: 'أريد تغيير الموعد', ary: 'بغيت نبدل الموعد', 'ary-Latn': 'bghit nbdel lmaw3id', shi: 'riɣ ad bddlɣ lmaw3id' };
    await v.send(words[locale]);
    expect(v.lastText()).toContain(tr(locale, 'appointments:rescheduleQuestion'));
    await v.choose(/15|15/);
    expect(v.last[0]?.text.startsWith(tr(locale, 'appointments:moved', { appointment: '' }).trim())).toBe(true);
    expect(await statuses(v.phone)).toEqual([{ full_name: 'Rachid Idrissi', status: 'booked', day: '2026-12-15' }]);
  });

  it('says so when there is nothing booked', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await v.choose('appointments');
    expect(v.last[0]?.text).toBe(tr(locale, 'appointments:none'));
  });
});

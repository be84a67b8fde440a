// Emergencies in every script: the numbers first at any step, only the numbers after STOP, and the
// booking in progress kept. Through the real conversation and database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, createTranslator, loadResources, type Locale } from '../../src/i18n/translator.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { conversationDeps, missingKeys, seedConversationCampaigns, Villager } from '../support/conversation-harness.ts';
import { isOptedOut, savedState } from '../support/contact-state.ts';
import { understand } from '../../src/understanding/index.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
});
afterAll(async () => t?.drop());

const tr = createTranslator(loadResources());
let phones = 0;
const newPhone = () => `+2126180${String(++phones).padStart(5, '0')}`;
const numbers = (locale: Locale) => tr(locale, 'common:emergency', { samu: '141', civil: '15' });

/** The spellings villagers use, by the locale their conversation is in. */
const SPELLINGS: Record<Locale, string[]> = {
  'ary-Latn': ['3ajel nazif bzaf', 'nzif', 'kaysil dem bzaf', 'dm bzaf 3afak', 'ma9dertch nitnfs', 'mmi ma9dertch ntnfs', '3iyto l lis3af'],
  ary: ['نزف', 'طارئ', 'كيسيل ليها الدم بزاف', 'ماقدرتش نتنفس', 'عاجل'],
  ar: ['حالة طارئة', 'لا أستطيع التنفس', 'نزيف'],
  fr: ['saignement', 'ma femme saigne beaucoup', "il n'arrive pas à respirer", 'urgence'],
  shi: ['ar ittazzal idammn bahra', 'yemma ur sul ar ttnffas', 'urgence sbitar ghila', 'tighirdmt at tbbi iwi', 'immut baba 3iytat i lis3af'],
};
const TICKETS = (id: number) => t.db.selectFrom('handoff_tickets').select(['reason', 'urgent']).where('contact_id', '=', id).execute();
const contactId = async (phone: string) => (await t.db.selectFrom('contacts').select('id').where('phone_e164', '=', phone).executeTakeFirstOrThrow()).id;

describe.each(LOCALES)('an emergency, in %s', (locale) => {
  it.each(SPELLINGS[locale])('"%s" after STOP gets the numbers and "someone is told", nothing more', async (text) => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await v.send('stop');
    expect(await v.send(text)).toEqual([{ text: numbers(locale) }]);
    expect(await TICKETS(await contactId(v.phone))).toEqual([{ reason: 'emergency', urgent: true }]);
    expect(await isOptedOut(t.db, v.phone)).toBe(true);
  });

  it.each(SPELLINGS[locale])('"%s" in the middle of a booking gets the numbers first, then the same question', async (text) => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await v.choose('register');
    await v.choose('parent');
    await v.send('Fatima Zahra');
    const question = v.lastText();
    const replies = await v.send(text);
    expect(replies[0]?.text).toBe(numbers(locale));
    expect(replies.slice(1).map((r) => r.text).join('\n')).toBe(question);
    const state = await savedState(t.db, v.phone);
    expect(state.step).toBe('reg_sex');
    expect(state.draft.fullName).toBe('Fatima Zahra');
    expect(missingKeys).toEqual([]);
  });
});

describe('the emergency text', () => {
  it.each(LOCALES)('in %s is an instruction with both numbers', (locale) => {
    for (const key of ['common:emergency', 'handoff:opened', 'checkin:redFlag', 'checkin:redFlagUrgent']) {
      const text = tr(locale, key, { samu: '141', civil: '15' });
      expect(text, key).toContain('141');
      expect(text, key).toContain('15');
    }
    expect(numbers(locale)).not.toMatch(/^(si |ila |إلا |إذا )/i);
  });

  it('says lis3af, not SAMU, in Arabizi', () => {
    for (const key of ['common:emergency', 'handoff:opened', 'checkin:redFlag', 'checkin:redFlagUrgent']) {
      const text = tr('ary-Latn', key, { samu: '141', civil: '15' });
      expect(text, key).toContain('lis3af');
      expect(text, key).not.toContain('SAMU');
    }
  });
});

describe('where a name is the answer', () => {
  it('takes a surname one letter from an emergency word as the name, and still hears an emergency spelt out', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard('ary-Latn');
    await v.choose('register');
    await v.choose('parent');
    await v.send('Fatima Nazih');
    expect((await savedState(t.db, v.phone)).draft.fullName).toBe('Fatima Nazih');
    await v.send('0');
    await v.choose('register');
    await v.choose('parent');
    expect((await v.send('mmi kaynzef bzaf'))[0]?.text).toBe(numbers('ary-Latn'));
    expect((await savedState(t.db, v.phone)).step).toBe('reg_name');
  });

  it('takes a name the learned table reads as a request as the name, and still hands over on a request in exact words', async () => {
    // Read by the table alone as some request (a booking, as it was last taught).
    expect(understand('Brahim Oufkir')).toMatchObject({ approximate: true });
    expect(understand('Brahim Oufkir').intent).not.toBe('unknown');
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard('fr');
    await v.choose('register');
    await v.choose('self');
    await v.send('Brahim Oufkir');
    expect((await savedState(t.db, v.phone)).draft.fullName).toBe('Brahim Oufkir');
    await v.send('0');
    await v.choose('register');
    await v.choose('self');
    expect(understand('je veux parler à une personne').approximate).toBeUndefined();
    await v.send('je veux parler à une personne');
    expect((await savedState(t.db, v.phone)).step).toBe('handoff');
  });
});

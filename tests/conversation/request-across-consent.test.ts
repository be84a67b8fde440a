// A request survives the consent notice: a first message asking to register, naming a service, asking
// about the caravans or about giving blood goes on with that request once the notice is accepted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, createTranslator, loadResources, type Locale } from '../../src/i18n/translator.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { conversationDeps, missingKeys, seedConversationCampaigns, Villager } from '../support/conversation-harness.ts';
import { savedState } from '../support/contact-state.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
});
afterAll(async () => t?.drop());

const tr = createTranslator(loadResources());
let phones = 0;
const newPhone = () => `+2126190${String(++phones).padStart(5, '0')}`;

const REGISTER: Record<Locale, string> = { ary: 'بغيت نتسجل ف القافلة', 'ary-Latn': 'bghit nsajel f l9afila', ar: 'أريد التسجيل في القافلة الطبية', fr: "Je voudrais m'inscrire à la caravane", shi: 'riɣ ad sjjlɣ g l9afila' };
const EYES: Record<Locale, string> = { ary: 'بغيت موعد عند طبيب العينين', 'ary-Latn': 'bghit maw3id 3nd tbib l3inin', ar: 'أريد موعدا مع طبيب العيون', fr: "un rendez-vous chez l'ophtalmo", shi: 'riɣ lmaw3id 3nd ttbib n wallen' };
const WHEN: Record<Locale, string> = { ary: 'فوقاش جاية القافلة ل تنغير', 'ary-Latn': 'fin l9afila f tinghir', ar: 'متى تأتي القافلة إلى تنغير؟', fr: 'quand passe la caravane à Tinghir ?', shi: 'mlmi rad d tashk l9afila s tinghir' };
const BLOOD: Record<Locale, string> = { ary: 'بغيت نتبرع بالدم', 'ary-Latn': 'bghit ntberre3 b demm', ar: 'أريد التبرع بالدم', fr: 'je veux donner mon sang', shi: 'riɣ ad fkɣ idammn' };

/** Sends the first message, checks the notice is shown in that language, and accepts it. */
async function firstMessageThenConsent(locale: Locale, text: string): Promise<Villager> {
  const v = new Villager(conversationDeps(t.db), newPhone());
  await v.send(text);
  expect(v.lastText()).toContain(tr(locale, 'consent:notice'));
  await v.choose('accept');
  expect(v.last[0]?.text).toBe(tr(locale, 'consent:thanks'));
  expect(v.lastText()).not.toContain(tr(locale, 'menu:question'));
  return v;
}

describe.each(LOCALES)('a first request, in %s', (locale) => {
  it('to register continues with "for whom?" after consent', async () => {
    const v = await firstMessageThenConsent(locale, REGISTER[locale]);
    expect(v.lastText()).toContain(tr(locale, 'register:whoQuestion'));
    expect(v.lastChoices().map((c) => c.id)).toEqual(['self', 'child', 'parent', 'spouse', 'sibling', 'other']);
    expect(missingKeys).toEqual([]);
  });

  it('naming a service goes straight to that service once the caravan is chosen', async () => {
    const v = await firstMessageThenConsent(locale, EYES[locale]);
    expect((await savedState(t.db, v.phone)).draft.service).toBe('ophthalmology');
    await v.choose('self');
    await v.send('Hassan Ait Ali');
    await v.choose('male');
    await v.send('52');
    await v.send('Tinghir'); // the commune
    await v.send('Tinghir'); // the place
    await v.send('1'); // the Tinghir caravan, which offers eyes and surgery
    const state = await savedState(t.db, v.phone);
    expect(state.step).toBe('reg_day');
    expect(state.draft.service).toBe('ophthalmology');
  });

  it('about the caravans shows the caravans of the place named', async () => {
    const v = await firstMessageThenConsent(locale, WHEN[locale]);
    const state = await savedState(t.db, v.phone);
    expect(state.step).toBe('campaign_list');
    expect(state.draft.provinceCode).toBe('tinghir');
  });

  it('to give blood continues with the donor questions', async () => {
    const v = await firstMessageThenConsent(locale, BLOOD[locale]);
    expect((await savedState(t.db, v.phone)).step).toBe('donor_sex');
  });

  it('that is only a greeting ends at the menu, as before', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    expect(v.lastText()).toContain(tr(locale, 'menu:question'));
  });
});

describe('a first request', () => {
  it('survives a language change and a refusal before consent', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.send(REGISTER.fr);
    await v.choose('language');
    await v.choose('ar');
    await v.choose('decline');
    await v.send('1');
    expect(v.lastText()).toContain(tr('ar', 'register:whoQuestion'));
  });
});

// A STOP that never fires by mistake: thanks, "no" and "cancel" that look like stop words never opt anyone
// out; a stop word among others is asked about; the stop words alone still stop at once. Through the real
// conversation and database, in every locale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnderstoodLocale } from '../../src/understanding/intents.ts';
import { LOCALES, createTranslator, loadResources, type Locale } from '../../src/i18n/translator.ts';
import { loadCorpus } from '../understanding/corpus-score.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { bookEyeConsultation, conversationDeps, missingKeys, seedConversationCampaigns, START_DAY, addDays, Villager } from '../support/conversation-harness.ts';
import { isOptedOut, savedState } from '../support/contact-state.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
});
afterAll(async () => t?.drop());

const tr = createTranslator(loadResources());
let phones = 0;
const newPhone = () => `+2126170${String(++phones).padStart(5, '0')}`;
const traps = loadCorpus(new URL('../understanding/stop-traps.jsonl', import.meta.url).pathname);
const localeOf = (line: { locale: UnderstoodLocale; script: 'arab' | 'latn' }): Locale => (line.locale === 'ary' ? (line.script === 'latn' ? 'ary-Latn' : 'ary') : line.locale);

async function onboarded(locale: Locale): Promise<Villager> {
  const v = new Villager(conversationDeps(t.db), newPhone());
  await v.onboard(locale);
  return v;
}

describe('the trap corpus, through the conversation', () => {
  it.each(traps.map((l) => [l.text, localeOf(l), l.intent] as const))('"%s" (%s) opts nobody out', async (text, locale, intent) => {
    const v = await onboarded(locale);
    await v.send(text);
    expect(await isOptedOut(t.db, v.phone)).toBe(false);
    expect(v.lastText()).not.toContain(tr(locale, 'common:stopConfirmed'));
    if (intent === 'maybe_stop') {
      expect(v.lastText()).toContain(tr(locale, 'optout:question'));
      expect(v.lastChoices().map((c) => c.id)).toEqual(['yes', 'no']);
    }
    expect(missingKeys).toEqual([]);
  });
});

describe.each(LOCALES)('stopping, in %s', (locale) => {
  const STOPS: Record<Locale, string[]> = { fr: ['STOP', 'ARRET', 'stop svp'], ar: ['توقف', 'STOP'], ary: ['وقف', 'بركا', 'حبسو عافاك'], 'ary-Latn': ['baraka', 'barka', 'Stop'], shi: ['bdd', 'ḥbs tibratin', 'STOP'] };
  const AMONG: Record<Locale, string> = { fr: 'stop les messages du matin', ar: 'أريد إيقاف الرسائل', ary: 'حبسو الميساجات ديال الصباح', 'ary-Latn': 'baraka mn lmessagat', shi: 'bdd tibratin n tifawt' };
  const NO: Record<Locale, string> = { fr: 'non', ar: 'لا أريد', ary: 'مابغيتش', 'ary-Latn': 'ma bghitch', shi: 'ur riɣ' };
  const NO_LONGER: Record<Locale, string> = { fr: 'je ne veux plus le rendez-vous', ar: 'لم أعد أريد الموعد', ary: 'ما بقيتش باغي الموعد', 'ary-Latn': 'mab9itch bghit lmaw3id', shi: 'ur sul riɣ lmaw3id' };

  it('stops at once on a stop word alone, whatever the step', async () => {
    for (const word of STOPS[locale]) {
      const v = await onboarded(locale);
      await v.choose('register');
      expect(await v.send(word)).toEqual([{ text: tr(locale, 'common:stopConfirmed') }]);
      expect(await isOptedOut(t.db, v.phone)).toBe(true);
    }
  });

  it('asks about a stop word among others: 1 stops, 2 goes back to the question it interrupted', async () => {
    const v = await onboarded(locale);
    await v.choose('register');
    const question = v.lastText();
    await v.send(AMONG[locale]);
    expect(v.lastText()).toContain(tr(locale, 'optout:question'));
    await v.send('2');
    expect(v.last[0]?.text).toBe(tr(locale, 'optout:kept'));
    expect(v.last[1]?.text).toBe(question);
    expect(await isOptedOut(t.db, v.phone)).toBe(false);
    await v.choose('self'); // the booking goes on where it was
    expect((await savedState(t.db, v.phone)).step).toBe('reg_name');
    // Where a name is the answer, "Baraka Fatima" is a name, not a stop.
    await v.send('Baraka Fatima');
    expect((await savedState(t.db, v.phone)).draft.fullName).toBe('Baraka Fatima');

    await v.send('0');
    await v.send(AMONG[locale]);
    await v.send('1');
    expect(v.last).toEqual([{ text: tr(locale, 'common:stopConfirmed') }]);
    expect(await isOptedOut(t.db, v.phone)).toBe(true);
  });

  it('reads "I don\'t want" as no in answer to a question, and erases nothing', async () => {
    const v = await onboarded(locale);
    await v.choose('delete');
    await v.send(NO[locale]);
    expect(v.lastChoices()[0]?.id).toBe('campaigns');
    expect(await isOptedOut(t.db, v.phone)).toBe(false);
    expect((await t.db.selectFrom('contacts').select('consent_at').where('phone_e164', '=', v.phone).executeTakeFirstOrThrow()).consent_at).toBeInstanceOf(Date);
  });

  it('reads "I no longer want the appointment" as cancel: the booking is offered for cancelling', async () => {
    const v = await onboarded(locale);
    await bookEyeConsultation(v, { name: 'Aicha Bennani', sex: 'female', age: 40, day: addDays(START_DAY, 13) });
    await v.send(NO_LONGER[locale]);
    expect(await isOptedOut(t.db, v.phone)).toBe(false);
    expect((await savedState(t.db, v.phone)).draft.apptPurpose).toBe('cancel');
  });
});

describe('a stop word among others before consent', () => {
  it('is asked about too: 2 shows the notice again, 1 opts out without consent', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.send('baraka mn lmessagat');
    expect(v.lastText()).toContain(tr('ary-Latn', 'optout:question'));
    await v.send('2');
    expect(v.lastText()).toContain(tr('ary-Latn', 'consent:notice'));
    expect(await isOptedOut(t.db, v.phone)).toBe(false);
    await v.send('baraka mn lmessagat');
    await v.send('1');
    expect(v.last).toEqual([{ text: tr('ary-Latn', 'common:stopConfirmed') }]);
    expect(await isOptedOut(t.db, v.phone)).toBe(true);
    expect((await savedState(t.db, v.phone)).step).toBe('consent'); // the notice is still owed on their return
  });
});

// First contact: the language from the first message, consent before anything is stored, and switching language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { conversationDeps, missingKeys, OPENERS, Villager } from '../support/conversation-harness.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

const tr = createTranslator(loadResources());
let phones = 0;
const newPhone = () => `+2126120000${String(++phones).padStart(2, '0')}`;

const contactOf = (externalId: string) =>
  t.db
    .selectFrom('contacts as c')
    .innerJoin('contact_identities as i', 'i.contact_id', 'c.id')
    .selectAll('c')
    .where('i.external_id', '=', externalId)
    .executeTakeFirstOrThrow();

describe.each(LOCALES)('first contact, in %s', (locale) => {
  it('answers in the language of the first message, confirms it in one line, and asks for consent', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    const replies = await v.send(OPENERS[locale]);
    expect(replies[0]?.text).toContain(tr(locale, 'common:welcome'));
    expect(replies[0]?.text).toContain(tr(locale, 'consent:languageLine', { language: tr(locale, `language:inSentence.${locale}`) }));
    expect(replies[1]?.text).toContain('09-08');
    expect(replies[1]?.choices?.map((c) => c.id)).toEqual(['accept', 'decline', 'language']);
    const before = await contactOf(v.phone);
    expect(before).toMatchObject({ phone_e164: null, consent_at: null, locale: null });

    await v.choose('accept');
    const after = await contactOf(v.phone);
    expect(after.phone_e164).toBe(v.phone);
    expect(after.locale).toBe(locale);
    expect(after.consent_at).toBeInstanceOf(Date);
    expect(v.lastChoices().map((c) => c.id)).toEqual(['campaigns', 'register', 'appointments', 'donate', 'alerts', 'person', 'language', 'delete']);
    expect(missingKeys).toEqual([]);
  });

  it('stores nothing when consent is refused, and asks again on the next message', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.send(OPENERS[locale]);
    await v.choose('decline');
    expect(v.lastText()).toBe(tr(locale, 'consent:declined'));
    await v.send('2');
    expect(v.lastChoices().map((c) => c.id)).toEqual(['accept', 'decline', 'language']);
    expect(await contactOf(v.phone)).toMatchObject({ phone_e164: null, consent_at: null, locale: null });
    await v.send('1');
    expect((await contactOf(v.phone)).consent_at).toBeInstanceOf(Date);
  });

  it('switches language from the consent notice, then from the menu', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.send(OPENERS[locale]);
    await v.choose('language');
    const other = locale === 'fr' ? 'ar' : 'fr';
    await v.choose(other);
    expect(v.last[0]?.text).toBe(tr(other, 'language:changed', { language: tr(other, `language:inSentence.${other}`) }));
    expect(v.last[1]?.text).toContain(tr(other, 'consent:notice'));
    await v.choose('accept');
    expect((await contactOf(v.phone)).locale).toBe(other);
    await v.choose('language');
    await v.choose(locale);
    expect((await contactOf(v.phone)).locale).toBe(locale);
    expect(v.lastText()).toContain(tr(locale, 'menu:question'));
  });
});

describe('first contact, whatever the language', () => {
  it('goes straight to French when a Darija speaker writes "français"', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard('ary');
    await v.send('français');
    expect(v.lastText()).toContain(tr('fr', 'menu:question'));
  });

  it('offers Tachelhit in its own words, and goes to it when a Darija speaker asks for it by name', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard('ary-Latn');
    await v.choose('language');
    expect(v.lastChoices().find((c) => c.id === 'shi')?.label).toBe('Tashelhit / ⵜⴰⵛⵍⵃⵉⵜ');
    await v.send('0');
    await v.send('s tachelhit 3afak');
    expect(v.last[0]?.text).toBe(tr('shi', 'language:changed', { language: tr('shi', 'language:inSentence.shi') }));
    expect((await contactOf(v.phone)).locale).toBe('shi');
  });

  it('answers a first message in Tifinagh or in Arabic-script Tachelhit in Tachelhit', async () => {
    for (const opener of ['ⴰⵣⵓⵍ', 'ازول']) {
      const v = new Villager(conversationDeps(t.db), newPhone());
      await v.send(opener);
      expect(v.lastText()).toContain(tr('shi', 'consent:notice'));
    }
  });

  it('follows a Darija speaker who switches to Latin letters, and back', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard('ary');
    await v.send('bghit ntsajel');
    expect(v.lastText()).toContain(tr('ary-Latn', 'register:whoQuestion'));
    await v.send('بغيت نتسجل');
    expect(v.lastText()).toContain(tr('ary', 'register:whoQuestion'));
  });

  it('offers Telegram villagers to share their number after consent, and notes it when they do', async () => {
    const v = new Villager(conversationDeps(t.db), '99001', 'telegram');
    await v.onboard('fr');
    expect(v.last.find((r) => r.requestPhone)?.requestPhone).toEqual({ label: tr('fr', 'phone:button') });
    const replies = await v.send({ phoneShared: true, phone: '+212611223344' });
    expect(replies[0]?.text).toBe(tr('fr', 'phone:noted'));
    expect(replies[1]?.choices?.[0]?.id).toBe('campaigns'); // back to the question it was at
    expect((await contactOf('99001')).phone_e164).toBe('+212611223344');
  });

  it('shows the menu to a Telegram villager who presses Start again, and starts again one who said STOP', async () => {
    const v = new Villager(conversationDeps(t.db), '99002', 'telegram');
    await v.onboard('fr');
    await v.choose('register');
    await v.send('/start');
    expect(v.lastText()).toContain(tr('fr', 'menu:question'));
    expect(v.lastChoices().map((c) => c.id)).toEqual(['campaigns', 'register', 'appointments', 'donate', 'alerts', 'person', 'language', 'delete']);
    await v.send('stop');
    await v.send('/start');
    expect(v.last[0]?.text).toBe(tr('fr', 'alerts:optedIn'));
    expect((await contactOf('99002')).opted_out_at).toBeNull();
  });

  it('answers a picture by saying it reads only text, and re-asks (a voice note goes to a person: media-ticket.test.ts)', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard('fr');
    const replies = await v.send({ media: 'image' });
    expect(replies[0]?.text).toBe(tr('fr', 'common:cannotRead'));
    expect(replies[1]?.choices?.[0]?.id).toBe('campaigns');
  });
});

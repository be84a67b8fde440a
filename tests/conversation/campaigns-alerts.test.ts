// Campaigns near me (by name, from the lists, by location), alerts, and STOP/START — in every locale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertAudience } from '../../src/domain/contacts/consent.ts';
import { LOCALES, createTranslator, loadResources, type Locale } from '../../src/i18n/translator.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { conversationDeps, missingKeys, seedConversationCampaigns, Villager } from '../support/conversation-harness.ts';
import { provinceName } from '../../src/conversation/campaign-text.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
});
afterAll(async () => t?.drop());

const tr = createTranslator(loadResources());
let phones = 0;
const newPhone = () => `+2126130000${String(++phones).padStart(2, '0')}`;
const STOP_WORDS: Record<Locale, string> = { fr: 'désabonner', ar: 'توقف', ary: 'وقف', 'ary-Latn': 'baraka', shi: 'bdd' };
const START_WORDS: Record<Locale, string> = { fr: 'START', ar: 'ابدأ', ary: 'ابدا', 'ary-Latn': 'start', shi: 'start' };
const TINGHIR: Record<Locale, string> = { fr: 'Tinghir', ar: 'تنغير', ary: 'قلعة مكونة', 'ary-Latn': 'kelaa mgouna', shi: 'tinghir' };

const contactId = async (phone: string) =>
  (await t.db.selectFrom('contacts').select('id').where('phone_e164', '=', phone).executeTakeFirstOrThrow()).id;

describe.each(LOCALES)('campaigns and alerts, in %s', (locale) => {
  it('lists the campaigns near a place named in free text: title, dates and place, their services once one is chosen', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await v.choose('campaigns');
    await v.send(TINGHIR[locale]);
    const text = v.lastText();
    expect(text).toContain(tr(locale, 'campaigns:header', { place: provinceName('tinghir', locale) }));
    expect(text).toContain('Centre de santé');
    expect(text.indexOf('Centre de santé')).toBeLessThan(text.indexOf('Place Aïn Chock')); // nearest first
    // Services and places are for the campaign chosen: the list stays a few lines per campaign.
    expect(text).not.toContain(tr(locale, 'services:ophthalmology'));
    expect(text.split('\n').length).toBeLessThanOrEqual(16);
    await v.send('1');
    expect(v.lastChoices().map((c) => c.id)).toEqual(['self', 'child', 'parent', 'spouse', 'sibling', 'other']);
    await v.choose('self');
    await v.send('Fatima Zahra');
    await v.choose('female');
    await v.send('40');
    await v.send('Tinghir');
    expect(v.lastChoices().map((c) => [c.label, c.detail])).toEqual([
      [tr(locale, 'services:ophthalmology'), tr(locale, 'campaigns:placesLeft', { count: 400 })],
      [tr(locale, 'services:surgery'), tr(locale, 'campaigns:placesLeft', { count: 201 })],
    ]);
    expect(missingKeys).toEqual([]);
  });

  it('after an answer that does not fit, asks again without describing every campaign again', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await v.choose('campaigns');
    await v.send(TINGHIR[locale]);
    const first = v.lastText();
    await v.send('9');
    const again = v.lastText();
    expect(again).toContain(tr(locale, 'campaigns:pick'));
    expect(again).not.toContain('Centre de santé');
    expect(again.length).toBeLessThan(first.length / 2);
    expect(v.lastChoices()).toHaveLength(2);
  });

  it('says honestly how far the nearest campaign is from a place that has none', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await v.choose('campaigns');
    await v.send(locale === 'ar' || locale === 'ary' ? 'فجيج' : 'Figuig');
    const text = v.lastText();
    expect(text).not.toContain(tr(locale, 'campaigns:header', { place: provinceName('figuig', locale) }));
    expect(text).toMatch(new RegExp(tr(locale, 'campaigns:headerFar', { place: provinceName('figuig', locale), km: 999 }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('999', '\\d{3}')));
    expect(v.lastChoices()[0]?.detail).toMatch(/\d{3}/);
  });

  it('finds the province through the region and province lists, and by a shared location', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await v.choose('campaigns');
    await v.choose('list');
    expect(v.lastChoices()).toHaveLength(12);
    await v.choose('MA-08');
    await v.choose('tinghir');
    expect(v.lastText()).toContain('Centre de santé');

    const w = new Villager(conversationDeps(t.db), newPhone());
    await w.onboard(locale);
    await w.choose('campaigns');
    await w.send({ location: { lat: 33.55, lng: -7.6 } }); // Casablanca
    const text = w.lastText();
    expect(text.indexOf('Place Aïn Chock')).toBeLessThan(text.indexOf('Centre de santé'));
  });

  it('subscribes to alerts for a province; STOP takes the contact out of every broadcast audience; START brings them back', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await v.choose('alerts');
    await v.send(TINGHIR[locale]);
    expect(v.last[0]?.text).toContain(tr(locale, 'alerts:subscribed', { province: locale === 'fr' || locale === 'ary-Latn' || locale === 'shi' ? 'Tinghir' : 'تنغير' }));
    const id = await contactId(v.phone);
    expect(await alertAudience(t.db, ['tinghir'])).toContain(id);

    const stopped = await v.send(STOP_WORDS[locale]);
    expect(stopped).toEqual([{ text: tr(locale, 'common:stopConfirmed') }]);
    expect(await alertAudience(t.db, ['tinghir'])).not.toContain(id);
    // Until they opt in again, every message gets the STOP confirmation and nothing else.
    expect(await v.send('1')).toEqual([{ text: tr(locale, 'common:stopConfirmed') }]);

    await v.send(START_WORDS[locale]);
    expect(v.last[0]?.text).toBe(tr(locale, 'alerts:optedIn'));
    expect(await alertAudience(t.db, ['tinghir'])).toContain(id);
  });
});

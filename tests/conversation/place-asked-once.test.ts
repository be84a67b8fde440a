// The commune given for the person booked for is their place: it is not asked again as "where do you
// live?", and when it names no province the question says which commune is meant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, createTranslator, loadResources, type Locale } from '../../src/i18n/translator.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { conversationDeps, seedConversationCampaigns, Villager } from '../support/conversation-harness.ts';
import { understand } from '../../src/understanding/index.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
});
afterAll(async () => t?.drop());

const tr = createTranslator(loadResources());
let phones = 0;
const newPhone = () => `+2126160000${String(++phones).padStart(2, '0')}`;

async function motherUpToCommune(v: Villager, locale: Locale, commune: string): Promise<void> {
  await v.onboard(locale);
  await v.choose('register');
  await v.choose('parent');
  await v.send('Fatima Ait Ali');
  await v.choose('female');
  await v.send('62');
  await v.send(commune);
}

describe.each(LOCALES)('the place of the person booked for, in %s', (locale: Locale) => {
  it('goes from a commune that names a province straight to its caravans', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await motherUpToCommune(v, locale, 'Tinghir');
    expect(v.lastText()).not.toContain(tr(locale, 'place:question'));
    expect(v.lastText()).toContain(tr(locale, 'register:campaignQuestion'));
    expect(v.lastChoices()[0]?.label).toMatch(/Tinghir|تنغير/);
  });

  it('asks in which province the commune lies, naming it, and asks it once', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await motherUpToCommune(v, locale, 'Douar Ait Hmad');
    expect(v.lastText()).not.toContain(tr(locale, 'place:question'));
    expect(v.lastText()).toContain(tr(locale, 'place:questionCommune', { commune: 'Douar Ait Hmad' }));
    await v.send('Tinghir');
    expect(v.lastText()).toContain(tr(locale, 'register:campaignQuestion'));
  });
});

describe('a commune in Latin letters given by a villager answered in Arabic letters', () => {
  it('keeps the Arabic letters when the learned table only guesses the commune to be a request', async () => {
    expect(understand('Douar Ait Hmad')).toMatchObject({ locale: 'ary', script: 'latn', approximate: true });
    expect(understand('Douar Ait Hmad').intent).not.toBe('unknown');
    const v = new Villager(conversationDeps(t.db), newPhone());
    await motherUpToCommune(v, 'ary', 'Douar Ait Hmad');
    expect(v.lastText()).toContain(tr('ary', 'place:questionCommune', { commune: 'Douar Ait Hmad' }));
  });
});

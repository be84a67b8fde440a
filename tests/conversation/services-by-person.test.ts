// Services offered by who the person is: no gynecology for a man, pediatrics for children under 16, unless
// the campaign opens a service to anyone; a child is asked about as a boy or a girl, by name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, createTranslator, loadResources } from '../../src/i18n/index.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { addDays, conversationDeps, missingKeys, START_DAY, Villager } from '../support/conversation-harness.ts';
import { importTestCampaign } from '../support/fixtures.ts';

const tr = createTranslator(loadResources());
const window = { start: '09:00', end: '12:00', capacity: 20 };
const day = addDays(START_DAY, 10);

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  const services = (['general_medicine', 'gynecology', 'pediatrics'] as const).map((code) => ({ code, windows: [window] }));
  await importTestCampaign(t.db, { slug: 'family-day', title: { fr: 'Journée famille' }, firstDay: day, lastDay: day, services });
  // A campaign that sees couples at its gynecology consultation.
  await importTestCampaign(t.db, {
    slug: 'couples-day',
    title: { fr: 'Journée couples' },
    firstDay: day,
    lastDay: day,
    services: [{ code: 'general_medicine', windows: [window] }, { code: 'gynecology', audience: 'anyone', windows: [window] }],
  });
});
afterAll(async () => t?.drop());

let phones = 0;
const newPhone = () => `+2126120000${String(++phones).padStart(2, '0')}`;

/** Registers a person from the menu up to the choice of a service at the campaign `title`; returns the service ids offered. */
async function servicesOffered(v: Villager, who: 'self' | 'child' | 'spouse', person: { name: string; sex: 'female' | 'male'; age: number }, title: RegExp): Promise<string[]> {
  await v.choose('register');
  await v.choose(who);
  await v.send(person.name);
  await v.choose(person.sex);
  await v.send(String(person.age));
  await v.send('Tinghir'); // the commune
  await v.send('Tinghir'); // the place, for the list of campaigns
  await v.choose(title);
  const saved = await t.db
    .selectFrom('conversations as s')
    .innerJoin('contacts as c', 'c.id', 's.contact_id')
    .select('s.state')
    .where('c.phone_e164', '=', v.phone)
    .executeTakeFirstOrThrow();
  const state = saved.state as { step: string; draft: { service?: string } };
  // One service that fits is taken without asking: the flow is at its day or window already.
  return state.step === 'reg_service' ? v.lastChoices().map((c) => c.id) : [state.draft.service ?? ''];
}

describe('services offered by who the person is', () => {
  it('offers a man neither gynecology nor pediatrics', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard('fr');
    expect(await servicesOffered(v, 'self', { name: 'Omar Tazi', sex: 'male', age: 40 }, /famille/)).toEqual(['general_medicine']);
  });

  it('offers a woman gynecology, not pediatrics', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard('ary');
    expect(await servicesOffered(v, 'spouse', { name: 'Aicha Ben', sex: 'female', age: 30 }, /famille/)).toEqual(['general_medicine', 'gynecology']);
  });

  it('offers a boy of 15 pediatrics, and a man of 16 not', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard('ar');
    expect(await servicesOffered(v, 'child', { name: 'Yassine Amrani', sex: 'male', age: 15 }, /famille/)).toEqual(['general_medicine', 'pediatrics']);
    await v.send('0');
    expect(await servicesOffered(v, 'child', { name: 'Karim Amrani', sex: 'male', age: 16 }, /famille/)).toEqual(['general_medicine']);
  });

  it('offers a man gynecology where the campaign opens it to anyone', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard('ary-Latn');
    expect(await servicesOffered(v, 'spouse', { name: 'Omar Tazi', sex: 'male', age: 40 }, /couples/)).toEqual(['general_medicine', 'gynecology']);
    expect(missingKeys).toEqual([]);
  });
});

describe.each(LOCALES)('a child booked for, in %s', (locale) => {
  it('is asked about by name as a boy or a girl, then by name for age and commune', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await v.choose('register');
    await v.choose('child');
    await v.send('Yassine Amrani');
    expect(v.lastText()).toContain(tr(locale, 'register:sexChildQuestion', { name: 'Yassine Amrani' }));
    expect(v.lastChoices().map((c) => c.label)).toEqual([tr(locale, 'register:sexChild.female'), tr(locale, 'register:sexChild.male')]);
    await v.choose('male');
    expect(v.lastText()).toContain(tr(locale, 'register:ageQuestion', { name: 'Yassine Amrani' }));
    await v.send('9');
    expect(v.lastText()).toContain(tr(locale, 'register:communeQuestion', { name: 'Yassine Amrani' }));
  });
});

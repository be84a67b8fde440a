// A villager is told, in their language, why a relative got no place: the same person already has a
// day, or the phone holds the most places one family may take — and what to do instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../src/i18n/translator.ts';
import { formatDay } from '../../src/i18n/dates.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { addDays, conversationDeps, missingKeys, seedConversationCampaigns, START_DAY, Villager } from '../support/conversation-harness.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
});
afterAll(async () => t?.drop());

let phones = 0;
const newPhone = () => `+2126120000${String(++phones).padStart(2, '0')}`;
const SECOND_DAY = addDays(START_DAY, 14);

/** From the menu, registers a relative at the Tinghir caravan for an eye consultation on `day`; returns the last answer. */
async function bookRelative(v: Villager, person: { name: string; age: number; day?: string }): Promise<string> {
  await v.choose('register');
  await v.choose('child');
  await v.send(person.name);
  await v.choose('female');
  await v.send(String(person.age));
  await v.send('Tinghir'); // the commune
  if (v.lastChoices().some((c) => c.id === 'list')) await v.send('Tinghir'); // the place, asked once
  if (v.lastChoices().some((c) => /Tinghir|تنغير/.test(c.label))) await v.choose(/Tinghir|تنغير/);
  await v.choose('ophthalmology');
  await v.choose(person.day ?? SECOND_DAY);
  await v.send('1'); // the morning window
  await v.choose('confirm');
  return v.lastText();
}

async function bookedCount(phone: string): Promise<number> {
  const row = await t.db
    .selectFrom('appointments as a')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .innerJoin('contacts as c', 'c.id', 'b.contact_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('c.phone_e164', '=', phone)
    .where('a.status', '=', 'booked')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const NAMES: Record<Locale, [string, string]> = {
  fr: ['Fatima Zahra Amrani', 'FATIMA-ZAHRA  amrani'],
  'ary-Latn': ['Fatima Zahra Amrani', 'fatima zahra AMRANI'],
  ary: ['فاطمة الزهراء العمراني', 'فاطمه  الزهراء العمراني'],
  ar: ['فاطمة الزهراء العمراني', 'فَاطِمَة الزهراء العمراني'],
  shi: ['Fatima Zahra Amrani', 'fatima-zahra amrani'],
};

describe.each(LOCALES)('in %s', (locale) => {
  it('tells a villager who registers the same person again that she already has an appointment, on which day, and where to see it', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    const [first, again] = NAMES[locale];
    await bookRelative(v, { name: first, age: 9, day: SECOND_DAY });
    // Registered anew as another child, with her name written another way, for the other day.
    const answer = await bookRelative(v, { name: again, age: 9, day: addDays(START_DAY, 13) });

    expect(answer).toContain(first);
    expect(answer).toContain(formatDay(SECOND_DAY, locale));
    expect(v.lastChoices().map((c) => c.id)).toContain('appointments'); // back at the menu, where they are
    expect(await bookedCount(v.phone)).toBe(1);
    expect(missingKeys).toEqual([]);
  });
});

describe('six places per phone', () => {
  it('books six relatives from one phone and tells the villager at the seventh why, and what to do', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard('fr');
    const names = ['Fatima', 'Ahmed', 'Khadija', 'Youssef', 'Aicha', 'Omar'];
    for (const [i, name] of names.entries()) {
      const answer = await bookRelative(v, { name: `${name} Amrani`, age: 5 + i });
      expect(answer).toContain("C'est fait");
    }

    const seventh = await bookRelative(v, { name: 'Zineb Amrani', age: 40 });

    expect(seventh).toContain('déjà 6 rendez-vous');
    expect(seventh).toContain('« Mes rendez-vous »');
    expect(await bookedCount(v.phone)).toBe(6);
    const zineb = await t.db.selectFrom('beneficiaries').select('id').where('full_name', '=', 'Zineb Amrani').execute();
    expect(zineb).toEqual([]); // refused, the new relative is not kept either
    expect(missingKeys).toEqual([]);
  });
});

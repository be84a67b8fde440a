// The right of rectification (law 09-08): correcting a person's name, age or commune in the chat — in every locale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { LOCALES, createTranslator, loadResources, type Locale } from '../../src/i18n/translator.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { addDays, conversationDeps, missingKeys, seedConversationCampaigns, START_DAY, Villager } from '../support/conversation-harness.ts';
import { peopleOf, registerAndBook } from '../support/registered-people.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
});
afterAll(async () => t?.drop());

const tr = createTranslator(loadResources());
let phones = 0;
const newPhone = () => `+2126180000${String(++phones).padStart(2, '0')}`;
const FIRST_DAY = addDays(START_DAY, 13);
const THIS_YEAR = Number(START_DAY.slice(0, 4));
const CORRECT: Record<Locale, string> = { fr: 'corriger mon nom', ary: 'بغيت نبدل السمية', 'ary-Latn': 'bghit nbeddel smiti', ar: 'تصحيح', shi: 'riɣ ad bddlɣ isem inu' };
const MY_DATA: Record<Locale, string> = { fr: 'mes données', ary: 'واش عندكم معلوماتي', 'ary-Latn': 'ach 3andkom 3liya', ar: 'ما هي بياناتي', shi: 'mad tssnm f nkki' };
const ERASE: Record<Locale, string> = { fr: 'effacer mes données', ary: 'مسح المعلومات ديالي', 'ary-Latn': 'ms7 lma3loumat dyali', ar: 'احذف بياناتي', shi: 'kks lma3lumat inu' };
const CANCEL: Record<Locale, string> = { fr: 'annuler', ary: 'نلغي', 'ary-Latn': 'nlghi', ar: 'إلغاء', shi: 'kks' };

const corrections = (beneficiaryIds: number[]) =>
  t.db
    .selectFrom('audit_log')
    .select(['actor', 'entity_id', 'details'])
    .where('action', '=', 'beneficiary.correct')
    .where('entity_id', 'in', beneficiaryIds.map(String))
    .orderBy('id')
    .execute();

/** A villager who registered themselves (Khadija) and a child (Salma), each booked at the Tinghir caravan. */
async function familyOf(locale: Locale): Promise<Villager> {
  const v = new Villager(conversationDeps(t.db), newPhone());
  await v.onboard(locale);
  await registerAndBook(v, { who: 'self', name: 'Khadija Alaoui', sex: 'female', age: 40, commune: 'Ait Sedrate', day: FIRST_DAY });
  await registerAndBook(v, { who: 'child', name: 'Salma Alaoui', sex: 'female', age: 9, commune: 'Ikniouen', day: FIRST_DAY });
  return v;
}

describe.each(LOCALES)('correcting a person, in %s', (locale) => {
  it('corrects a name, an age and a commune, each confirmed, with one audit row per change that holds no value', async () => {
    const v = await familyOf(locale);
    const [khadija, salma] = await peopleOf(t.db, v.phone);
    const ids = [khadija?.id ?? -1, salma?.id ?? -1];

    await v.send(CORRECT[locale]);
    expect(v.lastChoices().map((c) => c.label)).toEqual(['Khadija Alaoui', 'Salma Alaoui']);
    await v.choose('Khadija Alaoui');
    await v.choose('fullName');
    await v.send('Khadija Alami');
    expect(v.lastText()).toContain(tr(locale, 'access:confirm', { field: tr(locale, 'access:field.fullName'), name: 'Khadija Alaoui', before: 'Khadija Alaoui', after: 'Khadija Alami' }));
    await v.choose('yes');
    expect(v.last[0]?.text).toBe(tr(locale, 'access:corrected'));
    expect(v.lastChoices()[0]?.id).toBe('campaigns'); // back at the menu

    // From the answer to "what do you know about me", and an age that cannot be one: said so, asked again.
    await v.send(MY_DATA[locale]);
    await v.choose('correct');
    await v.choose('Salma Alaoui');
    await v.choose('birthYear');
    await v.send('150');
    expect(v.last[0]?.text).toBe(tr(locale, 'common:notUnderstood', { hint: tr(locale, 'common:hintRead') }));
    expect(v.lastText()).toContain(`${tr(locale, 'access:newAge', { name: 'Salma Alaoui' })}\n${tr(locale, 'register:ageHow')}`);
    await v.send('7');
    await v.choose('yes');
    expect(v.last[0]?.text).toBe(tr(locale, 'access:corrected'));

    // A commune of digits only is not one either.
    await v.send(CORRECT[locale]);
    await v.choose('Salma Alaoui');
    await v.choose('commune');
    await v.send('12');
    expect(v.lastText()).toContain(tr(locale, 'access:newCommune', { name: 'Salma Alaoui' }));
    await v.send('Ait Ouassif');
    await v.choose('yes');

    expect((await peopleOf(t.db, v.phone)).map(({ full_name, birth_year, commune }) => ({ full_name, birth_year, commune }))).toEqual([
      { full_name: 'Khadija Alami', birth_year: THIS_YEAR - 40, commune: 'Ait Sedrate' },
      { full_name: 'Salma Alaoui', birth_year: THIS_YEAR - 7, commune: 'Ait Ouassif' },
    ]);
    const audit = await corrections(ids);
    expect(audit.map((a) => [a.entity_id, a.details])).toEqual([
      [String(ids[0]), { field: 'full_name' }],
      [String(ids[1]), { field: 'birth_year' }],
      [String(ids[1]), { field: 'commune' }],
    ]);
    expect(new Set(audit.map((a) => a.actor)).size).toBe(1);
    expect(audit[0]?.actor).toMatch(/^contact:\d+$/);
    for (const value of ['Alami', 'Ouassif', String(THIS_YEAR - 7)]) expect(JSON.stringify(audit)).not.toContain(value);
    expect(missingKeys).toEqual([]);
  });

  it('changes nothing after a "no", nor when the villager cancels while typing the new value', async () => {
    const v = await familyOf(locale);
    await v.send(CORRECT[locale]);
    await v.choose('Salma Alaoui');
    await v.choose('fullName');
    await v.send('Salma Idrissi');
    await v.choose('no');
    expect(v.last[0]?.text).toBe(tr(locale, 'access:unchanged'));
    await v.send(CORRECT[locale]);
    await v.choose('Salma Alaoui');
    await v.choose('commune');
    await v.send(CANCEL[locale]);
    expect(v.last[0]?.text).toBe(tr(locale, 'access:unchanged'));
    const people = await peopleOf(t.db, v.phone);
    expect(people.map((p) => [p.full_name, p.commune])).toEqual([['Khadija Alaoui', 'Ait Sedrate'], ['Salma Alaoui', 'Ikniouen']]);
    expect(await corrections(people.map((p) => p.id))).toEqual([]);
  });

  it('refuses an erased person: none is offered after erasure, and one erased after the question is not written', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await registerAndBook(v, { who: 'self', name: 'Youssef Berrada', sex: 'male', age: 35, commune: 'Tilmi', day: FIRST_DAY });
    await v.send(ERASE[locale]);
    await v.choose('yes');
    await v.onboard(locale); // back, with a new consent
    await v.send(CORRECT[locale]);
    expect(v.last[0]?.text).toBe(tr(locale, 'access:noOneToCorrect'));
    // Erasure forgot the chat too: the phone now belongs to a new contact, who registered nobody.
    expect(await peopleOf(t.db, v.phone)).toEqual([]);

    // One person now, so the list is skipped; erased (as erasure does) while the villager is asked to confirm.
    await registerAndBook(v, { who: 'self', name: 'Youssef Berrada', sex: 'male', age: 35, commune: 'Tilmi', day: FIRST_DAY });
    await v.send(CORRECT[locale]);
    expect(v.lastChoices().map((c) => c.id)).toEqual(['fullName', 'birthYear', 'commune']);
    await v.choose('fullName');
    await v.send('Youssef Bennani');
    const [current] = await peopleOf(t.db, v.phone);
    await t.db
      .updateTable('beneficiaries')
      .set({ full_name: null, sex: null, birth_year: null, commune: null, erased_at: sql<Date>`now()` })
      .where('id', '=', current?.id ?? -1)
      .execute();
    await v.choose('yes');
    expect(v.last[0]?.text).toBe(tr(locale, 'access:personGone'));
    const after = await peopleOf(t.db, v.phone);
    expect(after.map((p) => p.full_name)).toEqual([null]);
    expect(await corrections([current?.id ?? -1])).toEqual([]);
  });
});

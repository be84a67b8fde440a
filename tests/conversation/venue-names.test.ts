// A campaign file may name its venue and commune per locale, as its title: Arabic readers get the
// Arabic names, and what stays Latin sits in isolates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FSI } from '../../src/i18n/bidi.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { importTestCampaign } from '../support/fixtures.ts';
import { addDays, conversationDeps, START_DAY, Villager } from '../support/conversation-harness.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await importTestCampaign(t.db, {
    slug: 'named-caravan',
    title: { fr: 'Caravane de Tinghir', ar: 'قافلة تنغير' },
    commune: { fr: "Kelâat M'Gouna", ar: 'قلعة مكونة' },
    venue: { name: { fr: "Hôpital de proximité de Kelâat M'Gouna", ar: 'مستشفى القرب بقلعة مكونة' }, lat: 31.2427, lon: -6.1278 },
    firstDay: addDays(START_DAY, 13),
    lastDay: addDays(START_DAY, 14),
  });
});
afterAll(async () => t?.drop());

describe('venue and commune names per locale', () => {
  it.each(['ar', 'ary'] as const)('are said in Arabic to an Arabic-script reader (%s), through the list and the booking', async (locale) => {
    const v = new Villager(conversationDeps(t.db), `+21261900000${locale.length}`);
    await v.onboard(locale);
    await v.choose('campaigns');
    await v.send('تنغير');
    expect(v.lastText()).toContain('مستشفى القرب بقلعة مكونة، قلعة مكونة');
    expect(v.lastText()).not.toContain('Hôpital');
    await v.send('0');
    await v.choose('register');
    await v.choose('self');
    await v.send('فاطمة الزهراء');
    await v.choose('female');
    await v.send('40');
    await v.send('تنغير');
    await v.send('1'); // the caravan; its one service is taken
    await v.choose(addDays(START_DAY, 13));
    await v.send('1');
    await v.choose('confirm');
    const said = v.all.map((r) => r.text).join('\n');
    expect(said).toContain('مستشفى القرب بقلعة مكونة');
    expect(said).not.toContain('Hôpital');
    expect(said).not.toContain("Kelâat M'Gouna");
  });

  it('are said in French to a French reader, without isolates', async () => {
    const v = new Villager(conversationDeps(t.db), '+212619000009');
    await v.onboard('fr');
    await v.choose('campaigns');
    await v.send('Tinghir');
    expect(v.lastText()).toContain("Hôpital de proximité de Kelâat M'Gouna, Kelâat M'Gouna");
    expect(v.lastText()).not.toContain(FSI);
  });
});

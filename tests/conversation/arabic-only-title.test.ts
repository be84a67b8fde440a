// A campaign whose coordinator wrote its title in Arabic only: a French-speaking villager reads that
// Arabic title in the list and in the booking, never an empty line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { importTestCampaign } from '../support/fixtures.ts';
import { addDays, conversationDeps, START_DAY, Villager } from '../support/conversation-harness.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await importTestCampaign(t.db, {
    slug: 'arabic-only-caravan',
    title: { ar: 'قافلة العيون بتنغير' },
    firstDay: addDays(START_DAY, 13),
    lastDay: addDays(START_DAY, 14),
  });
});
afterAll(async () => t?.drop());

describe('a campaign titled in Arabic only', () => {
  it('shows its Arabic title to a French-speaking villager, in the list and the booking', async () => {
    const v = new Villager(conversationDeps(t.db), '+212619000031');
    await v.onboard('fr');
    await v.choose('campaigns');
    await v.send('Tinghir');
    expect(v.lastText()).toContain('🏥 قافلة العيون بتنغير');
    await v.send('0');
    await v.choose('register');
    await v.choose('self');
    await v.send('Fatima Zahra');
    await v.choose('female');
    await v.send('40');
    await v.send('Tinghir');
    await v.send('1');
    await v.choose(addDays(START_DAY, 13));
    await v.send('1');
    await v.choose('confirm');
    const said = v.all.map((r) => r.text).join('\n');
    expect(said.split('قافلة العيون بتنغير').length).toBeGreaterThan(3);
    expect(said).not.toContain('undefined');
  });
});

// Each organisation's donor rules live in Postgres; without its own, it gets the defaults.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DONOR_RULES, donorRulesFor, setDonorRules } from '../../../src/domain/donors/index.ts';
import { InvalidInput } from '../../../src/domain/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

describe('organisation donor rules', () => {
  it('are the defaults until the organisation sets its own, which are then read back', async () => {
    const org = await t.db.insertInto('organisations').values({ slug: 'crts', name: 'CRTS', kind: 'blood_agency' }).returning('id').executeTakeFirstOrThrow();
    expect(await donorRulesFor(t.db, org.id)).toEqual(DEFAULT_DONOR_RULES);
    const own = { ...DEFAULT_DONOR_RULES, yearlyLimit: { bySex: { male: 5, female: 3 }, sourceText: 'CRTS : 5 dons par an pour les hommes.' } };
    await setDonorRules(t.db, org.id, own);
    expect((await donorRulesFor(t.db, org.id)).yearlyLimit.bySex.male).toBe(5);
    await expect(setDonorRules(t.db, org.id, { ...own, weight: { minKg: -1, sourceText: 'x' } })).rejects.toBeInstanceOf(InvalidInput);
    expect((await donorRulesFor(t.db, org.id)).weight.minKg).toBe(50);
  });
});

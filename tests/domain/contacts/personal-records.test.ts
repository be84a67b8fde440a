// What a contact may read and correct of what is kept (law 09-08): their own people only, erased ones never.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { correctPerson, type PersonCorrection } from '../../../src/domain/contacts/beneficiary-correction.ts';
import { personalDataOf } from '../../../src/domain/contacts/personal-data.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { createBeneficiaries, staffContext, TODAY } from '../../support/fixtures.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

/** A person and the contact who registered them. */
async function person(): Promise<{ id: number; contactId: number }> {
  const [id] = await createBeneficiaries(t.db, 1);
  const row = await t.db.selectFrom('beneficiaries').select(['id', 'contact_id']).where('id', '=', id ?? -1).executeTakeFirstOrThrow();
  return { id: row.id, contactId: row.contact_id };
}

const ctx = { ...staffContext(), actor: { kind: 'contact' as const, id: 'test' } };
const correct = (contactId: number, id: number, c: PersonCorrection) => t.db.transaction().execute((trx) => correctPerson(trx, ctx, contactId, id, c));
const auditOf = (id: number) => t.db.selectFrom('audit_log').select(['action', 'details']).where('entity', '=', 'beneficiary').where('entity_id', '=', String(id)).where('action', '=', 'beneficiary.correct').execute();
const row = (id: number) => t.db.selectFrom('beneficiaries').select(['full_name', 'birth_year', 'commune']).where('id', '=', id).executeTakeFirstOrThrow();

describe('correcting a person', () => {
  it('writes the one field asked, and audits which field without its value', async () => {
    const p = await person();
    expect(await correct(p.contactId, p.id, { field: 'fullName', value: 'Fatima Zahra Amrani' })).toBe('corrected');
    expect(await correct(p.contactId, p.id, { field: 'birthYear', value: 1988 })).toBe('corrected');
    expect(await correct(p.contactId, p.id, { field: 'commune', value: 'Ait Ouassif' })).toBe('corrected');
    expect(await row(p.id)).toEqual({ full_name: 'Fatima Zahra Amrani', birth_year: 1988, commune: 'Ait Ouassif' });
    const audit = await auditOf(p.id);
    expect(audit.map((a) => a.details)).toEqual([{ field: 'full_name' }, { field: 'birth_year' }, { field: 'commune' }]);
    expect(JSON.stringify(audit)).not.toMatch(/Fatima|1988|Ouassif/);
  });

  it('leaves an erased person alone', async () => {
    const p = await person();
    await t.db.updateTable('beneficiaries').set({ full_name: null, birth_year: null, erased_at: new Date() }).where('id', '=', p.id).execute();
    expect(await correct(p.contactId, p.id, { field: 'fullName', value: 'Someone Else' })).toBe('erased');
    expect(await row(p.id)).toEqual({ full_name: null, birth_year: null, commune: null });
    expect(await auditOf(p.id)).toEqual([]);
  });

  it("never touches a person another contact registered", async () => {
    const [mine, theirs] = [await person(), await person()];
    expect(await correct(mine.contactId, theirs.id, { field: 'commune', value: 'Tilmi' })).toBe('not_found');
    expect((await row(theirs.id)).commune).toBeNull();
  });

  it('checks the value as registration does: no empty name, no birth year in the future', async () => {
    const p = await person();
    const before = await row(p.id);
    await expect(correct(p.contactId, p.id, { field: 'fullName', value: '   ' })).rejects.toBeInstanceOf(ZodError);
    await expect(correct(p.contactId, p.id, { field: 'birthYear', value: Number(TODAY.slice(0, 4)) + 1 })).rejects.toBeInstanceOf(ZodError);
    expect(await row(p.id)).toEqual(before);
  });
});

describe('what is kept about a contact', () => {
  it('holds the people not erased, and the day of consent in the given time zone', async () => {
    const [kept, gone] = [await person(), await person()];
    await t.db.updateTable('beneficiaries').set({ contact_id: kept.contactId, erased_at: new Date() }).where('id', '=', gone.id).execute();
    // 23:30 UTC is already the next day in Casablanca (UTC+1 outside Ramadan).
    await t.db.updateTable('contacts').set({ consent_at: new Date('2026-11-30T23:30:00Z') }).where('id', '=', kept.contactId).execute();
    const data = await personalDataOf(t.db, kept.contactId, 'Africa/Casablanca');
    expect(data.people.map((p) => p.id)).toEqual([kept.id]);
    expect(data.consentDay).toBe('2026-12-01');
    expect(data.people[0]).toMatchObject({ appointments: [], donations: [] });
  });
});

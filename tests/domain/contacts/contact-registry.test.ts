// Contacts are found by chat identity, created once even when two messages race, and register beneficiaries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { addBeneficiary, contactForIdentity } from '../../../src/domain/contacts/contact-registry.ts';
import { bookAppointment } from '../../../src/domain/appointments/booking.ts';
import { listContactAppointments } from '../../../src/domain/appointments/contact-appointments.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { deps, importTestCampaign, slotIds, staffContext } from '../../support/fixtures.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

const ctx = staffContext();

describe('contacts and beneficiaries', () => {
  it('creates one contact per identity, even when 10 first messages arrive at once', async () => {
    const identity = { channel: 'telegram', externalId: '424242' };
    const contacts = await Promise.all(Array.from({ length: 10 }, () => t.db.transaction().execute((trx) => contactForIdentity(trx, identity))));
    expect(new Set(contacts.map((c) => c.id)).size).toBe(1);
    const rows = await t.db.selectFrom('contact_identities').selectAll().where('external_id', '=', '424242').execute();
    expect(rows).toHaveLength(1);
    const again = await t.db.transaction().execute((trx) => contactForIdentity(trx, identity));
    expect(again.id).toBe(contacts[0]?.id);
  });

  it('refuses a beneficiary with an empty name or a birth year in the future', async () => {
    const contact = await t.db.transaction().execute((trx) => contactForIdentity(trx, { channel: 'web', externalId: 'bad-input' }));
    const bad = [
      { relation: 'self', fullName: '  ', sex: 'female', birthYear: 1980 },
      { relation: 'child', fullName: 'Yassine', sex: 'male', birthYear: 2999 },
    ] as const;
    for (const input of bad) {
      await expect(t.db.transaction().execute((trx) => addBeneficiary(trx, ctx, contact.id, input))).rejects.toBeInstanceOf(ZodError);
    }
    const stored = await t.db.selectFrom('beneficiaries').select('id').where('contact_id', '=', contact.id).execute();
    expect(stored).toEqual([]);
  });

  it('lists the appointments of every person registered by one phone, soonest first', async () => {
    const campaignId = await importTestCampaign(t.db, { slug: 'family' });
    const [day1, day2] = await slotIds(t.db, campaignId);
    const contact = await t.db.transaction().execute((trx) => contactForIdentity(trx, { channel: 'whatsapp', externalId: '212612345678' }));
    const mother = await t.db.transaction().execute((trx) =>
      addBeneficiary(trx, ctx, contact.id, { relation: 'parent', fullName: 'Fatima', sex: 'female', birthYear: 1956, commune: "Kelâat M'Gouna" }),
    );
    const self = await t.db.transaction().execute((trx) => addBeneficiary(trx, ctx, contact.id, { relation: 'self', fullName: 'Hassan', sex: 'male', birthYear: 1988 }));
    await t.db.transaction().execute((trx) => bookAppointment(trx, ctx, { beneficiaryId: self.id, slotId: day2 ?? 0 }, deps));
    await t.db.transaction().execute((trx) => bookAppointment(trx, ctx, { beneficiaryId: mother.id, slotId: day1 ?? 0 }, deps));

    const mine = await listContactAppointments(t.db, contact.id, { fromDay: ctx.today });
    expect(mine.map((a) => [a.beneficiary.name, a.beneficiary.relation, a.day, a.startsAt])).toEqual([
      ['Fatima', 'parent', '2026-12-14', '09:00'],
      ['Hassan', 'self', '2026-12-15', '09:00'],
    ]);
    expect(mine[0]?.campaign.title.fr).toBe('Caravane de test');
    expect(await listContactAppointments(t.db, contact.id, { fromDay: '2026-12-15' })).toHaveLength(1);
  });
});

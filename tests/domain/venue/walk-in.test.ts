// Walk-ins at the desk against the real database: into a window with a place (the window counts them),
// over capacity when allowed (counted apart, the window's figures unchanged), a family sharing one phone,
// and the same walk-in sent again registered once.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../../src/db/transaction.ts';
import { campaignCapacity } from '../../../src/domain/campaigns/campaign-capacity.ts';
import { registerWalkIn, type WalkInInput } from '../../../src/domain/venue/index.ts';
import { bookPeople, DAY, seedDeskWorld, time, type DeskWorld } from '../../support/desk-world.ts';
import { deps } from '../../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

let t: TestDatabase;
let w: DeskWorld;
beforeAll(async () => {
  t = await createTestDatabase();
  w = await seedDeskWorld(t.db);
});
afterAll(async () => t?.drop());

const person = (overrides: Partial<WalkInInput['person']> = {}): WalkInInput['person'] => ({ name: 'Itto Ouali', sex: 'female', age: 54, commune: 'Ikniouen', consent: true, ...overrides });
const walkIn = (overrides: Partial<WalkInInput> = {}): WalkInInput => ({ clientId: randomUUID(), campaignId: w.caravan, day: DAY, service: 'ophthalmology', person: person(), overCapacity: false, ...overrides });
const register = (input: WalkInInput, organisationId = w.association) => inTransaction(t.db, (trx) => registerWalkIn(trx, w.desks.amina, organisationId, input, time, deps));
const slotsOf = (service: string) => t.db.selectFrom('slots').select(['id', 'booked', 'capacity', 'starts_at']).where('campaign_id', '=', w.caravan).where('service', '=', service).where('day', '=', DAY).orderBy('starts_at').execute();

describe('a walk-in at the desk', () => {
  it('goes into the window under way, takes one of its places and is checked in with a new code', async () => {
    const before = await slotsOf('ophthalmology');
    const outcome = await register(walkIn());
    expect(outcome).toMatchObject({ kind: 'walked_in', service: 'ophthalmology', window: { start: '09:00', end: '12:00' }, person: { name: 'Itto Ouali', age: 54, sex: 'female', commune: 'Ikniouen' }, overCapacity: false });
    const after = await slotsOf('ophthalmology');
    expect(after[0]?.booked).toBe((before[0]?.booked ?? 0) + 1);
    const code = outcome?.kind === 'walked_in' ? outcome.code : '';
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    const appointment = await t.db.selectFrom('appointments').select(['status', 'walk_in', 'created_by', 'arrived_by']).where('code', '=', code).executeTakeFirstOrThrow();
    expect(appointment).toEqual({ status: 'attended', walk_in: false, created_by: `staff:${w.desks.amina.id}`, arrived_by: w.desks.amina.id });
  });

  it('registers a family of three under one contact by their shared phone, given as typed', async () => {
    const phones = ['06 61 23 45 67', '+212661234567', '٠٦٦١٢٣٤٥٦٧'];
    const names = ['Hassan Ait Baha', 'Zahra Ait Baha', 'Yassine Ait Baha'];
    const outcomes = [];
    for (const [i, name] of names.entries()) outcomes.push(await register(walkIn({ person: person({ name, phone: phones[i], commune: 'Tinghir', age: 40 - i * 15 }) })));
    expect(outcomes.map((o) => o?.kind)).toEqual(['walked_in', 'walked_in', 'walked_in']);
    const rows = await t.db
      .selectFrom('beneficiaries as b')
      .innerJoin('contacts as c', 'c.id', 'b.contact_id')
      .select(['b.full_name', 'b.relation', 'b.commune', 'c.phone_e164', 'c.id as contact', 'c.consent_at'])
      .where('c.phone_e164', '=', '+212661234567')
      .orderBy('b.id')
      .execute();
    expect(rows.map((r) => [r.full_name, r.relation, r.commune])).toEqual([
      ['Hassan Ait Baha', 'self', 'Tinghir'],
      ['Zahra Ait Baha', 'other', 'Tinghir'],
      ['Yassine Ait Baha', 'other', 'Tinghir'],
    ]);
    expect(new Set(rows.map((r) => r.contact)).size).toBe(1);
    // Consent on paper is noted with the walk-in; the chat's consent is the bot's to ask for.
    expect(rows[0]?.consent_at).toBeNull();
    const audit = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'appointment.walk_in').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ consentOnPaper: true, overCapacity: false });
  });

  it('keeps a walk-in without a phone under a contact of their own', async () => {
    const outcome = await register(walkIn({ person: person({ name: 'Moha Oubella', consent: false }) }));
    const row = await t.db
      .selectFrom('appointments as a')
      .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
      .innerJoin('contacts as c', 'c.id', 'b.contact_id')
      .select(['c.phone_e164', 'c.consent_at'])
      .where('a.code', '=', outcome?.kind === 'walked_in' ? outcome.code : '')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ phone_e164: null, consent_at: null });
  });

  it('answers `full` when no window has a place, and registers nobody', async () => {
    await bookPeople(t.db, w.caravan, 2, { service: 'surgery' });
    const before = await t.db.selectFrom('appointments').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const outcome = await register(walkIn({ service: 'surgery' }));
    expect(outcome).toMatchObject({ kind: 'full', windows: [{ start: '08:00', end: '10:00', booked: 2, capacity: 2 }] });
    const after = await t.db.selectFrom('appointments').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('counts a walk-in over capacity apart: the window keeps its figures', async () => {
    const [full] = await slotsOf('surgery');
    const outcome = await register(walkIn({ service: 'surgery', overCapacity: true }));
    expect(outcome).toMatchObject({ kind: 'walked_in', overCapacity: true, fasting: true, window: { start: '08:00', end: '10:00' } });
    const [after] = await slotsOf('surgery');
    expect(after?.booked).toBe(full?.booked);
    const walkIns = await t.db.selectFrom('appointments').select('walk_in').where('slot_id', '=', full?.id ?? 0).where('walk_in', '=', true).execute();
    expect(walkIns).toHaveLength(1);
    // The campaign's figures say so apart: booked / capacity unchanged, one beyond.
    const figures = await campaignCapacity(t.db, w.association, w.caravan, DAY);
    const window = figures?.days.find((d) => d.day === DAY)?.services.find((s) => s.service === 'surgery')?.windows[0];
    expect(window).toMatchObject({ booked: full?.booked, capacity: full?.capacity, beyond: 1 });
  });

  it('registers the same walk-in sent three times once, and answers it the same', async () => {
    const input = walkIn({ person: person({ name: 'Fadma Ouchen', phone: '0670112233' }) });
    const answers = [await register(input), await register(input), await register(input)];
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(await t.db.selectFrom('beneficiaries').select('id').where('full_name', '=', 'Fadma Ouchen').execute()).toHaveLength(1);
  });

  it('registers the same walk-in sent at once from eight connections once', async () => {
    const input = walkIn({ person: person({ name: 'Lahcen Idbelkas' }) });
    const [a, ...others] = await Promise.all(Array.from({ length: 8 }, () => register(input)));
    for (const b of others) expect(b).toEqual(a);
    expect(await t.db.selectFrom('beneficiaries').select('id').where('full_name', '=', 'Lahcen Idbelkas').execute()).toHaveLength(1);
  });

  it('refuses a service the day does not have, and a phone that is not one', async () => {
    await expect(register(walkIn({ service: 'dental' }))).rejects.toThrow(/no window/);
    await expect(register(walkIn({ person: person({ phone: '0612' }) }))).rejects.toThrow(/Invalid phone number/);
  });

  it("answers nothing for another organisation's campaign (the route says 404)", async () => {
    expect(await register(walkIn({ campaignId: w.drive }))).toBeUndefined();
  });
});

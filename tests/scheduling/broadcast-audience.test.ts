// Who a broadcast reaches: subscribers of provinces, past beneficiaries of a campaign, optionally only
// some languages; never a contact without consent or who said STOP, and nobody twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookAppointment } from '../../src/domain/appointments/booking.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { broadcastProgress, createBroadcast, fanoutPage, type Audience } from '../../src/scheduling/broadcasts.ts';
import type { Locale } from '../../src/db/tables.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { deps, ensureOrganisation, importTestCampaign, slotIds, staffContext } from '../support/fixtures.ts';
import { NotFound } from '../../src/domain/errors.ts';
import { START } from '../support/conversation-harness.ts';

const tr = createTranslator(loadResources());
const staff = { kind: 'staff' as const, id: 1 };
let t: TestDatabase;
let caravan = 0;
let otherCaravan = 0;
let ORG = 0;
let OTHER_ORG = 0;
const people: Record<string, number> = {};

/** A contact with a Telegram chat, in a language, with or without consent, maybe opted out. */
async function contact(name: string, options: { locale: Locale; consent?: boolean; optedOut?: boolean; blocked?: boolean; province?: string; bookedAt?: number }) {
  const c = await t.db
    .insertInto('contacts')
    .values({ locale: options.locale, consent_at: options.consent === false ? null : START, opted_out_at: options.optedOut ? START : null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db.insertInto('contact_identities').values({ channel: 'telegram', external_id: `chat-${name}`, contact_id: c.id, blocked_at: options.blocked ? START : null }).execute();
  if (options.province) await t.db.insertInto('alert_subscriptions').values({ contact_id: c.id, province_code: options.province }).execute();
  if (options.bookedAt !== undefined) {
    const b = await t.db.insertInto('beneficiaries').values({ contact_id: c.id, relation: 'self', full_name: name, sex: 'female', birth_year: 1970 }).returning('id').executeTakeFirstOrThrow();
    const slotId = options.bookedAt;
    await t.db.transaction().execute((trx) => bookAppointment(trx, staffContext(), { beneficiaryId: b.id, slotId }, deps));
  }
  people[name] = c.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  caravan = await importTestCampaign(t.db, { slug: 'audience-caravan' });
  otherCaravan = await importTestCampaign(t.db, { slug: 'audience-other' });
  ORG = await ensureOrganisation(t.db, 'test-association');
  // Another organisation, running a blood drive in Casablanca only.
  await importTestCampaign(t.db, { slug: 'audience-drive', organisation: 'other-centre', kind: 'blood_drive', province: 'casablanca', services: [{ code: 'blood_donation', windows: [{ start: '09:00', end: '12:00', capacity: 10 }] }] });
  OTHER_ORG = await ensureOrganisation(t.db, 'other-centre');
  const [slot] = await slotIds(t.db, caravan);
  const [otherSlot] = await slotIds(t.db, otherCaravan);
  await contact('amina', { locale: 'fr', province: 'tinghir' });
  await contact('brahim', { locale: 'ary', province: 'tinghir' });
  await contact('chama', { locale: 'ar', province: 'tinghir', consent: false });
  await contact('driss', { locale: 'fr', province: 'tinghir', optedOut: true });
  await contact('fadma', { locale: 'ary-Latn', bookedAt: slot ?? 0 });
  await contact('ghita', { locale: 'fr', province: 'tinghir', bookedAt: slot ?? 0 });
  await contact('hassan', { locale: 'fr', bookedAt: slot ?? 0, optedOut: true });
  await contact('ilham', { locale: 'fr', bookedAt: otherSlot ?? 0 });
  await contact('jamal', { locale: 'fr', province: 'nouaceur' });
  await contact('karima', { locale: 'fr', province: 'tinghir', blocked: true });
});
afterAll(async () => t?.drop());

/** The contacts a broadcast to `audience` reaches, by name, once it has been fanned out. */
async function reached(audience: Audience, organisationId = ORG): Promise<{ targeted: number; names: string[] }> {
  const b = await createBroadcast(t.db, staff, organisationId, { audience, texts: { fr: 'La caravane arrive.', ar: 'القافلة قادمة.' } }, START);
  while (!(await fanoutPage(t.db, b.id, 2, (l) => tr(l, 'broadcasts:stopHint'))).done) { /* the next page */ }
  const rows = await t.db.selectFrom('outbox').select('contact_id').where('broadcast_id', '=', b.id).where('contact_id', 'is not', null).$narrowType<{ contact_id: number }>().execute();
  const byId = new Map(Object.entries(people).map(([name, id]) => [id, name]));
  return { targeted: b.targeted, names: rows.map((r) => byId.get(r.contact_id) ?? `#${r.contact_id}`).sort() };
}

describe('broadcast audiences', () => {
  it('reaches the subscribers of a province who consented, did not say STOP and did not block the bot', async () => {
    expect(await reached({ provinces: ['tinghir'] })).toEqual({ targeted: 3, names: ['amina', 'brahim', 'ghita'] });
  });

  it('counts, by reason, the people of the audience no message can reach, and shows them in its progress', async () => {
    // Two who only ever wrote from the terminal and the simulator (test chats): nobody's phone.
    for (const [name, channel] of [['lamia', 'terminal'], ['mehdi', 'web']] as const) {
      const c = await t.db.insertInto('contacts').values({ locale: 'fr', consent_at: START }).returning('id').executeTakeFirstOrThrow();
      await t.db.insertInto('contact_identities').values({ channel, external_id: `+21260000${name.length}${channel.length}`, contact_id: c.id }).execute();
      await t.db.insertInto('alert_subscriptions').values({ contact_id: c.id, province_code: 'tinghir' }).execute();
    }
    const b = await createBroadcast(t.db, staff, ORG, { audience: { provinces: ['tinghir'] }, texts: { fr: 'La caravane arrive.' } }, START);
    const unreachable = { total: 3, reasons: { test_chat_only: 2, blocked: 1 } };
    expect(b).toMatchObject({ targeted: 3, unreachable });
    while (!(await fanoutPage(t.db, b.id, 2, (l) => tr(l, 'broadcasts:stopHint'))).done) { /* the next page */ }
    expect(await broadcastProgress(t.db, ORG, b.id)).toMatchObject({ status: 'done', targeted: 3, unreachable, queued: 3 });
  });

  it('reaches only the languages asked for', async () => {
    expect(await reached({ provinces: ['tinghir'], locales: ['fr'] })).toEqual({ targeted: 2, names: ['amina', 'ghita'] });
    expect(await reached({ provinces: ['tinghir'], locales: ['ary', 'ar'] })).toEqual({ targeted: 1, names: ['brahim'] });
  });

  it('reaches the people registered for a campaign, and no one registered only for another', async () => {
    expect(await reached({ pastBeneficiariesOf: caravan })).toEqual({ targeted: 2, names: ['fadma', 'ghita'] });
  });

  it('reaches each person once when they are in two parts of the audience', async () => {
    expect(await reached({ provinces: ['tinghir'], pastBeneficiariesOf: caravan })).toEqual({ targeted: 4, names: ['amina', 'brahim', 'fadma', 'ghita'] });
  });

  it("reaches only people who dealt with the organisation: not a province where it runs nothing, nor another's registrants", async () => {
    // The organisation runs nothing in Nouaceur: its subscribers there are not its to message.
    expect(await reached({ provinces: ['tinghir', 'nouaceur'] })).toEqual({ targeted: 3, names: ['amina', 'brahim', 'ghita'] });
    // The blood centre runs a drive in Casablanca only: the caravan's subscribers and registrants are out of its reach.
    expect(await reached({ provinces: ['tinghir', 'nouaceur', 'casablanca'] }, OTHER_ORG)).toEqual({ targeted: 0, names: [] });
    await expect(reached({ pastBeneficiariesOf: caravan }, OTHER_ORG)).rejects.toBeInstanceOf(NotFound);
    await expect(reached({ provinces: ['tinghir'] }, OTHER_ORG).then(() => reached({ eligibleDonors: {} }, OTHER_ORG))).resolves.toEqual({ targeted: 0, names: [] });
  });
});

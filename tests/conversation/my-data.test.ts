// The right of access (law 09-08): a villager asks, in their words, what is kept about them, and reads it in the chat — in every locale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookAppointment } from '../../src/domain/appointments/booking.ts';
import { formatConfirmationCode } from '../../src/domain/appointments/confirmation-code.ts';
import { recordDonation } from '../../src/domain/donors/donations.ts';
import { formatDayWithYear } from '../../src/i18n/dates.ts';
import { LOCALES, createTranslator, loadResources, type Locale } from '../../src/i18n/translator.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { addDays, conversationDeps, missingKeys, seedConversationCampaigns, START_DAY, Villager } from '../support/conversation-harness.ts';
import { ensureOrganisation, deps as bookingDeps, staffContext } from '../support/fixtures.ts';
import { codesOf, peopleOf, registerAndBook } from '../support/registered-people.ts';

let t: TestDatabase;
let driveId = 0;
beforeAll(async () => {
  t = await createTestDatabase();
  ({ driveId } = await seedConversationCampaigns(t.db));
});
afterAll(async () => t?.drop());

const tr = createTranslator(loadResources());
let phones = 0;
const newPhone = () => `+2126170000${String(++phones).padStart(2, '0')}`;
const FIRST_DAY = addDays(START_DAY, 13);
/** What villagers write to ask what is kept about them, in each locale (two ways each). */
const ASK: Record<Locale, [string, string]> = {
  fr: ['quelles informations avez-vous sur moi', 'mes données'],
  ary: ['شنو عارفين عليا', 'واش عندكم معلوماتي'],
  'ary-Latn': ['chno 3arfin 3liya', 'ach 3andkom 3liya'],
  ar: ['ما هي بياناتي', 'ماذا تعرفون عني'],
  shi: ['mad darun f nkki', 'lma3lumat inu'],
};

/** A donation recorded by the blood centre for the villager's own person, with the blood group. */
async function recordADonation(phone: string): Promise<{ donatedOn: string; nextEligibleOn: string }> {
  const [me] = await peopleOf(t.db, phone);
  const slot = await t.db.selectFrom('slots').select('id').where('campaign_id', '=', driveId).executeTakeFirstOrThrow();
  return t.db.transaction().execute(async (trx) => {
    const appointment = await bookAppointment(trx, staffContext(), { beneficiaryId: me?.id ?? -1, slotId: slot.id }, bookingDeps);
    return recordDonation(trx, { kind: 'staff', id: 'test' }, await ensureOrganisation(trx, 'cnts', 'blood_agency'), { appointmentId: appointment.id, bloodGroup: 'O-' });
  });
}

describe.each(LOCALES)('what is kept about me, in %s', (locale) => {
  it('shows the phone, the people, their appointments with codes and the donations, and nothing of another phone', async () => {
    const other = new Villager(conversationDeps(t.db), newPhone());
    await other.onboard(locale);
    await registerAndBook(other, { who: 'self', name: 'Brahim Ouzzine', sex: 'male', age: 52, commune: 'Tilmi', day: FIRST_DAY });

    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await registerAndBook(v, { who: 'self', name: 'Khadija Alaoui', sex: 'female', age: 40, commune: 'Ait Sedrate', day: FIRST_DAY });
    await registerAndBook(v, { who: 'child', name: 'Salma Alaoui', sex: 'female', age: 9, commune: 'Ikniouen', day: FIRST_DAY });
    const donation = await recordADonation(v.phone);

    await v.send(ASK[locale][0]);
    const text = v.lastText();
    const [mine, others] = [await codesOf(t.db, v.phone), await codesOf(t.db, other.phone)];
    expect(mine).toHaveLength(3);
    for (const expected of ['Khadija Alaoui', 'Salma Alaoui', 'Ait Sedrate', 'Ikniouen', v.phone, ...mine.map(formatConfirmationCode)]) expect(text).toContain(expected);
    expect(text).toContain(tr(locale, 'access:bloodGroup', { group: 'O-' }));
    expect(text).toContain(formatDayWithYear(donation.nextEligibleOn, locale));
    for (const foreign of ['Brahim', 'Tilmi', other.phone, ...others.map(formatConfirmationCode)]) expect(text).not.toContain(foreign);
    // One message for the contact, one per person, then what can be done: correct, erase, or 0 for the menu.
    expect(v.last).toHaveLength(4);
    expect(v.last[1]?.text.startsWith(tr(locale, 'access:person', { name: 'Khadija Alaoui', relation: tr(locale, 'access:relation.self') }))).toBe(true);
    expect(v.lastChoices().map((c) => c.id)).toEqual(['correct', 'delete']);
    expect(v.last.at(-1)?.text).toContain(tr(locale, 'common:backToMenu'));
    expect(missingKeys).toEqual([]);
  });

  it('is understood in another wording too, and says so when nobody was registered: only erasing is offered', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await v.send(ASK[locale][1]);
    expect(v.last[0]?.text.split('\n')[0]).toBe(tr(locale, 'access:intro'));
    expect(v.lastText()).toContain(tr(locale, 'access:nobody'));
    expect(v.lastChoices().map((c) => c.id)).toEqual(['delete']);
    await v.send('1');
    expect(v.lastChoices().map((c) => c.id)).toEqual(['yes', 'no']); // the erasure question
  });

  it('asks again only the question, not all the data, when the answer does not fit; "0" goes back to the menu', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await registerAndBook(v, { who: 'self', name: 'Rachid Idrissi', sex: 'male', age: 33, commune: 'Ait Sedrate', day: FIRST_DAY });
    await v.send(ASK[locale][0]);
    await v.send('7');
    expect(v.lastText()).not.toContain('Rachid Idrissi');
    expect(v.lastChoices().map((c) => c.id)).toEqual(['correct', 'delete']);
    await v.send('0');
    expect(v.lastChoices()[0]?.id).toBe('campaigns');
  });
});

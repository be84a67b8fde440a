// Blood donation: eligibility one question at a time, a kind "not yet", and an emergency in the middle — in every locale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDay } from '../../src/i18n/dates.ts';
import { LOCALES, createTranslator, loadResources, type Locale } from '../../src/i18n/translator.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { conversationDeps, missingKeys, seedConversationCampaigns, Villager } from '../support/conversation-harness.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
});
afterAll(async () => t?.drop());

const tr = createTranslator(loadResources());
let phones = 0;
const newPhone = () => `+2126150000${String(++phones).padStart(2, '0')}`;
const EMERGENCY: Record<Locale, string> = { fr: 'urgence mon père est tombé', ar: 'حالة طارئة', ary: 'عاجل', 'ary-Latn': 'urgence', shi: 'urgence baba ighab flas' };

const donations = (phone: string) =>
  t.db
    .selectFrom('appointments as a')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .innerJoin('contacts as c', 'c.id', 'b.contact_id')
    .select(['a.service', 'a.status', 'b.full_name', 'b.sex', 'b.birth_year'])
    .where('c.phone_e164', '=', phone)
    .execute();

describe.each(LOCALES)('blood donation, in %s', (locale) => {
  it('asks the eligibility questions one per message, then books a drive, a day and a time', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await v.choose('donate');
    await v.choose('male');
    await v.send('32');
    await v.send('72');
    await v.choose('no'); // no donation in the last 12 months
    await v.choose('none'); // no tattoo, hijama, surgery or dental care
    expect(v.last[0]?.text).toBe(tr(locale, 'donor:eligible'));
    await v.send('Youssef Berrada');
    await v.send('casa');
    await v.choose(/Chock|الشق/);
    await v.send('1'); // the drive's one window
    await v.choose('confirm');
    expect(v.last[0]?.image?.kind).toBe('qr');
    expect(v.last[1]?.text).toBe(tr(locale, 'register:bringDonor'));
    expect(await donations(v.phone)).toEqual([{ service: 'blood_donation', status: 'booked', full_name: 'Youssef Berrada', sex: 'male', birth_year: 1994 }]);
    expect(missingKeys).toEqual([]);
  });

  it('explains kindly why not now, and from which day', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await v.choose('donate');
    await v.choose('female');
    await v.send('28');
    await v.send('60');
    await v.choose('yes');
    await v.send('1'); // one month ago
    await v.send('1'); // once this year
    await v.choose('none');
    await v.choose('none'); // neither pregnant nor breastfeeding
    const text = v.lastText();
    expect(text).toContain(tr(locale, 'donor:notNow'));
    // Women wait three months by default: last gift on 1 November, so from 1 February.
    expect(text).toContain(tr(locale, 'donor:eligibleFrom', { day: formatDay('2027-02-01', locale) }));
    expect(await donations(v.phone)).toEqual([]);
  });

  it('gives the emergency numbers first in the middle of the donor questions, flags an urgent ticket, and goes on', async () => {
    const v = new Villager(conversationDeps(t.db), newPhone());
    await v.onboard(locale);
    await v.choose('donate');
    await v.choose('male');
    const replies = await v.send(EMERGENCY[locale]);
    expect(replies[0]?.text).toBe(tr(locale, 'common:emergency', { samu: '141', civil: '15' }));
    expect(replies[1]?.text).toContain(tr(locale, 'donor:ageQuestion'));
    const tickets = await t.db
      .selectFrom('handoff_tickets as h')
      .innerJoin('contacts as c', 'c.id', 'h.contact_id')
      .select(['h.reason', 'h.urgent', 'h.status'])
      .where('c.phone_e164', '=', v.phone)
      .execute();
    expect(tickets).toEqual([{ reason: 'emergency', urgent: true, status: 'open' }]);
    await v.send('40');
    expect(v.lastText()).toContain(tr(locale, 'donor:weightQuestion'));
  });
});

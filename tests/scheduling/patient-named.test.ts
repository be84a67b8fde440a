// A son books surgery for his mother: the reminder says she must come fasting, and the check-ins ask how
// she is, by name, on his phone. The red-flag advice gives both numbers; bleeding says call now.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireNotification, type FireDeps } from '../../src/scheduling/fire-notification.ts';
import { DEFAULT_QUIET_HOURS } from '../../src/scheduling/quiet-hours.ts';
import { DEFAULT_CHECKIN_DAYS, markProcedureDone } from '../../src/scheduling/checkins.ts';
import { LOCALES, createTranslator, loadResources, type Locale } from '../../src/i18n/translator.ts';
import { ensureOrganisation, staffContext } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { addDays, conversationDeps, seedConversationCampaigns, START_DAY, Villager } from '../support/conversation-harness.ts';

const tr = createTranslator(loadResources());
let t: TestDatabase;
let fire: FireDeps;
const SURGERY_DAY = addDays(START_DAY, 14);
const MOTHER = 'Fatima Ouali';

beforeAll(async () => {
  t = await createTestDatabase();
  await seedConversationCampaigns(t.db);
  fire = { db: t.db, t: tr, zone: 'Africa/Casablanca', quiet: DEFAULT_QUIET_HOURS };
});
afterAll(async () => t?.drop());

const outboxTexts = (chat: string) =>
  t.db.selectFrom('outbox').select('payload').where('recipient', '=', chat).where('kind', '=', 'notification').orderBy('id').execute().then((rows) => rows.map((r) => (r.payload as { text: string }).text));

/** A son, on Telegram, books surgery for his mother at the Tinghir caravan; returns her appointment. */
async function sonBooksForMother(chat: string, locale: Locale): Promise<{ v: Villager; appointmentId: number }> {
  const v = new Villager(conversationDeps(t.db), chat, 'telegram');
  await v.onboard(locale);
  await v.choose('register');
  await v.choose('parent');
  await v.send(MOTHER);
  await v.choose('female');
  await v.send('68');
  await v.send('Tinghir');
  await v.send('Tinghir');
  await v.send('1');
  await v.choose('surgery');
  await v.choose(SURGERY_DAY);
  await v.send('1');
  await v.choose('confirm');
  const row = await t.db
    .selectFrom('appointments as a')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .innerJoin('contact_identities as i', 'i.contact_id', 'b.contact_id')
    .select('a.id')
    .where('i.external_id', '=', chat)
    .executeTakeFirstOrThrow();
  return { v, appointmentId: row.id };
}

describe.each(LOCALES)('a mother booked by her son, in %s', (locale) => {
  const chat = `9610${LOCALES.indexOf(locale)}`;

  it('is named in the reminder to come fasting and in every check-in question', async () => {
    const { v, appointmentId } = await sonBooksForMother(chat, locale);
    const reminder = await t.db.selectFrom('notifications').select(['id', 'due_at']).where('appointment_id', '=', appointmentId).where('kind', '=', 'reminder').orderBy('due_at').executeTakeFirstOrThrow();
    expect((await fireNotification(fire, reminder.id, reminder.due_at)).kind).toBe('sent');
    const reminderText = (await outboxTexts(chat)).at(-1) ?? '';
    expect(reminderText).toContain(tr(locale, 'register:fastingOther', { who: MOTHER }));
    expect(reminderText).not.toContain(tr(locale, 'register:fasting'));

    const doneAt = new Date(`${SURGERY_DAY}T12:00:00Z`);
    const organisationId = await ensureOrganisation(t.db, 'test-association');
    const checkins = await t.db.transaction().execute((trx) =>
      markProcedureDone(trx, staffContext(SURGERY_DAY).actor, organisationId, appointmentId, doneAt, { zone: 'Africa/Casablanca', quiet: DEFAULT_QUIET_HOURS, days: DEFAULT_CHECKIN_DAYS, at: '10:00' }),
    );
    const first = checkins?.[0];
    expect((await fireNotification(fire, first?.id ?? 0, first?.dueAt ?? doneAt)).kind).toBe('sent');
    const intro = (await outboxTexts(chat)).at(-1) ?? '';
    expect(intro).toContain(tr(locale, 'checkin:introOther', { who: MOTHER }));
    expect(intro).toContain(tr(locale, 'checkin:painOther', { who: MOTHER }));
    expect(intro).not.toContain(tr(locale, 'checkin:pain'));

    const numbers = { samu: '141', civil: '15' };
    expect((await v.send('1')).map((r) => r.text).join('\n')).toContain(tr(locale, 'checkin:feverOther', { who: MOTHER }));
    const fever = await v.send('1'); // fever: see a doctor today
    expect(fever[0]?.text).toBe(tr(locale, 'checkin:redFlag', numbers));
    expect(fever[1]?.text).toContain(tr(locale, 'checkin:woundOther', { who: MOTHER }));
    const wound = await v.send('2');
    expect(wound[0]?.text).toContain(tr(locale, 'checkin:bleedingOther', { who: MOTHER }));
    const bleeding = await v.send('1'); // bleeding: call now
    expect(bleeding[0]?.text).toBe(tr(locale, 'checkin:redFlagUrgent', numbers));
    expect(bleeding[1]?.text).toContain(tr(locale, 'checkin:eatingOther', { who: MOTHER }));
    const last = await v.send('1');
    expect(last[0]?.text).toBe(tr(locale, 'checkin:thanksOther', { who: MOTHER }));
  });
});

// Closing a venue day from the capacity page: a coordinator sees how many booked people were not checked
// in, confirms, and reads what the close did; on a laptop in French and a phone in Arabic.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../../src/domain/clock.ts';
import { markAttendance } from '../../src/domain/appointments/attendance.ts';
import { addPerson, book, somebody } from '../support/capacity-world.ts';
import { type ConsoleBrowser, inLanguage, langAndDir, LAPTOP, overflowingText, PHONE, screenshot, startConsoleBrowser } from '../support/console-browser.ts';
import { addConsoleStaff } from '../support/console-staff.ts';
import { addDays } from '../support/conversation-harness.ts';
import { importTestCampaign } from '../support/fixtures.ts';

let cb: ConsoleBrowser;
let campaignId: number;
let todaySlot: number;
let organisationId: number;
const PASSWORD = 'caravane-dades-2027';
// The campaign runs today and tomorrow: today can be closed, tomorrow not yet.
const today = localDay(new Date(), 'Africa/Casablanca');

beforeAll(async () => {
  cb = await startConsoleBrowser();
  campaignId = await importTestCampaign(cb.t.db, { slug: 'closing-caravan', firstDay: today, lastDay: addDays(today, 1) });
  const slot = await cb.t.db.selectFrom('slots').select('id').where('campaign_id', '=', campaignId).where('day', '=', today).executeTakeFirstOrThrow();
  todaySlot = slot.id;
  organisationId = (await cb.t.db.selectFrom('campaigns').select('organisation_id').where('id', '=', campaignId).executeTakeFirstOrThrow()).organisation_id;
  await addConsoleStaff(cb.t.db, { name: 'Khadija Ouali', role: 'coordinator', email: 'khadija@test.ma', password: PASSWORD });
});
afterAll(async () => {
  await cb.close();
});

/** Books `names` today; the first `came` of them are checked in. */
async function bookToday(names: string[], came: number): Promise<void> {
  for (const [i, name] of names.entries()) {
    const appointment = await book(cb.t.db, await addPerson(cb.t.db, somebody(name)), todaySlot);
    if (i < came) await cb.t.db.transaction().execute((trx) => markAttendance(trx, { kind: 'staff', id: 'desk' }, organisationId, appointment.id, 'attended'));
  }
}

describe('closing the day on the capacity page', () => {
  it('asks before marking the people not checked in absent, then says what it did (laptop, French)', async () => {
    await bookToday(['Aicha Bennani', 'Omar El Fassi'], 1);
    const { context, page } = await cb.open(LAPTOP, 'fr');
    await cb.signIn(page, 'khadija@test.ma', PASSWORD);
    await page.goto(`${cb.base}/console/campaigns/${campaignId}`);
    await page.getByRole('heading', { name: 'Caravane de test', level: 1 }).waitFor();
    // Today's section has the button; tomorrow has not begun.
    await page.getByRole('button', { name: 'Clore la journée' }).waitFor();
    expect(await page.getByRole('button', { name: 'Clore la journée' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Clore la journée' }).click();
    await page.getByText('1 personne n’a pas été enregistrée : la marquer absente et lui proposer un autre jour ?').waitFor();
    await screenshot(page, 'close-day-fr-laptop-confirm');
    await page.getByRole('button', { name: 'Marquer absent et proposer un autre jour' }).click();
    await page.getByRole('status').filter({ hasText: 'Journée close' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Journée close' }).textContent()).toContain('Absents : 1.');
    await screenshot(page, 'close-day-fr-laptop');
    const statuses = await cb.t.db.selectFrom('appointments').select('status').where('slot_id', '=', todaySlot).orderBy('id').execute();
    expect(statuses.map((s) => s.status)).toEqual(['attended', 'no_show']);
    await context.close();
  });

  it('reads right to left on a phone in Arabic, and a second close finds nobody left', async () => {
    await bookToday(['Fatima Zahra', 'Youssef Amrani'], 0);
    const { context, page } = await cb.open(PHONE, 'ar');
    await cb.signIn(page, 'khadija@test.ma', PASSWORD);
    await inLanguage(page, 'ar');
    await page.goto(`${cb.base}/console/campaigns/${campaignId}`);
    await page.getByRole('heading', { name: 'قافلة تجريبية', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'إغلاق اليوم' }).click();
    await page.getByText('شخصان لم يُسجَّل حضورهما').waitFor();
    expect((await langAndDir(page))[1]).toBe('rtl');
    expect(await overflowingText(page)).toEqual([]);
    await screenshot(page, 'close-day-ar-phone-confirm');
    await page.getByRole('button', { name: 'تسجيل الغياب واقتراح يوم آخر' }).click();
    await page.getByRole('status').filter({ hasText: 'أُغلق اليوم' }).waitFor();
    expect(await overflowingText(page)).toEqual([]);
    await screenshot(page, 'close-day-ar-phone');

    await page.getByRole('button', { name: 'إغلاق اليوم' }).click();
    await page.getByText('سُجّل حضور كل من حجز').waitFor();
    await context.close();
  });
});

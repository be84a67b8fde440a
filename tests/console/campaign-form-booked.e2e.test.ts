// A coordinator edits a campaign and lowers the places of a window below the people already booked in it:
// the form says so beside that window's cell, marks it and puts the focus on it; in French and Arabic.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../../src/domain/clock.ts';
import { addPerson, book, somebody } from '../support/capacity-world.ts';
import { addDays } from '../support/conversation-harness.ts';
import { type ConsoleBrowser, inLanguage, langAndDir, LAPTOP, overflowingText, PHONE, screenshot, screenshotOf, startConsoleBrowser } from '../support/console-browser.ts';
import { addConsoleStaff } from '../support/console-staff.ts';
import { importTestCampaign, slotIds } from '../support/fixtures.ts';

let cb: ConsoleBrowser;
let campaignId: number;
const PASSWORD = 'caravane-dades-2027';
const first = addDays(localDay(new Date(), 'Africa/Casablanca'), 20);
const second = addDays(first, 1);

beforeAll(async () => {
  cb = await startConsoleBrowser();
  campaignId = await importTestCampaign(cb.t.db, {
    slug: 'booked-caravan',
    organisation: 'association-sante-dades',
    firstDay: first,
    lastDay: addDays(first, 2),
    services: [{ code: 'dental', windows: [{ start: '09:00', end: '12:00', capacity: 5 }] }],
  });
  // Three people on the second day's window (slots by day: first, second, third).
  const [, booked] = await slotIds(cb.t.db, campaignId);
  for (const name of ['Aicha', 'Rachid', 'Zahra']) await book(cb.t.db, await addPerson(cb.t.db, somebody(name)), booked ?? 0);
  await addConsoleStaff(cb.t.db, { name: 'Fatima Zahra Amrani', role: 'coordinator', organisation: 'association-sante-dades', email: 'fatima@dades.ma', password: PASSWORD });
  await addConsoleStaff(cb.t.db, { name: 'نادية الإدريسي', role: 'coordinator', organisation: 'association-sante-dades', email: 'nadia@dades.ma', password: PASSWORD });
});
afterAll(async () => {
  await cb.close();
});

const CASES = [
  { language: 'fr', size: LAPTOP, login: 'fatima@dades.ma', edit: 'Modifier la campagne', service: 'Service 1', window: 'Créneaux et places 1', save: 'Enregistrer', message: '3 personnes y ont rendez-vous le', fewest: 'pas moins de 3 places.' },
  { language: 'ar', size: PHONE, login: 'nadia@dades.ma', edit: 'تعديل الحملة', service: 'الخدمة 1', window: 'الفترات والأماكن 1', save: 'حفظ', message: 'المواعيد المحجوزة يوم', fewest: 'فلا يمكن أن تقل الأماكن عن 3.' },
] as const;

describe('a booked window in the campaign form', () => {
  for (const c of CASES) {
    it(`says beside the cell that it cannot hold fewer places than its bookings, and changes nothing (${c.language})`, async () => {
      const { context, page } = await cb.open(c.size, c.language);
      await cb.signIn(page, c.login, PASSWORD);
      await inLanguage(page, c.language);
      await page.goto(`${cb.base}/console/campaigns/${campaignId}/edit`);
      await page.getByRole('heading', { name: c.edit, level: 1 }).waitFor();
      const window = page.getByRole('group', { name: c.service }).getByRole('group', { name: c.window });
      await expect.poll(() => window.getByRole('spinbutton').evaluateAll((cells) => cells.map((x) => (x as unknown as { value: string }).value))).toEqual(['5', '5', '5']);
      const cell = window.getByRole('spinbutton').nth(1);
      await cell.fill('2');
      await page.getByRole('button', { name: c.save }).click();

      const said = window.getByText(c.message);
      await said.waitFor();
      expect(await said.textContent()).toContain(c.fewest);
      expect(await cell.getAttribute('aria-invalid')).toBe('true');
      // The cell is described by that message, and holds the focus.
      expect(await page.evaluate<string>(`document.getElementById(document.activeElement.getAttribute('aria-describedby')).textContent`)).toBe(await said.textContent());
      expect(await page.evaluate<string>("document.activeElement ? document.activeElement.id : ''")).toBe(`service-0-row-0-day-${second}`);
      expect(await window.getByRole('spinbutton').nth(0).getAttribute('aria-invalid')).toBeNull();
      if (c.language === 'ar') expect(await langAndDir(page)).toEqual(['ar', 'rtl']);
      expect(await overflowingText(page)).toEqual([]);
      await screenshotOf(window, `campaign-form-booked-${c.language}-${c.size === PHONE ? 'phone' : 'laptop'}`);
      await screenshot(page, `campaign-form-booked-page-${c.language}-${c.size === PHONE ? 'phone' : 'laptop'}`);

      const capacities = await cb.t.db.selectFrom('slots').select(['day', 'capacity', 'booked']).where('campaign_id', '=', campaignId).orderBy('day').execute();
      expect(capacities.map((s) => [s.capacity, s.booked])).toEqual([[5, 0], [5, 3], [5, 0]]);
      await context.close();
    });
  }
});

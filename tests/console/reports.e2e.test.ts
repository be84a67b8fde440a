// A campaign's report and the national view in the browser: figures that equal counts of the database's
// rows, the CSV download, right to left in Arabic, a phone's width, and the printed page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type ConsoleBrowser, inLanguage, langAndDir, LAPTOP, lowContrastText, overflowingText, PHONE, screenshot, SCREENSHOTS, startConsoleBrowser } from '../support/console-browser.ts';
import { addConsoleStaff } from '../support/console-staff.ts';
import { reportWorld, type ReportWorld } from '../support/report-world.ts';

let cb: ConsoleBrowser;
let world: ReportWorld;
const PASSWORD = 'rapport-provincial-2027';

beforeAll(async () => {
  cb = await startConsoleBrowser();
  world = await reportWorld(cb.t.db);
  await addConsoleStaff(cb.t.db, { name: 'Khadija Ouali', role: 'coordinator', email: 'khadija@test.ma', password: PASSWORD });
  await addConsoleStaff(cb.t.db, { name: 'Plateforme', role: 'admin', email: 'plateforme@test.ma', password: PASSWORD });
});
afterAll(async () => {
  await cb.close();
});

const count = async (query: ReturnType<typeof sql<{ n: number }>>) => (await query.execute(cb.t.db)).rows[0]?.n ?? -1;

/** The tables one would have to scroll sideways to read (by their names), at the page's width. */
const sidewaysTables = (page: Page) =>
  page.getByRole('table').evaluateAll((tables) => tables.filter((t) => t.parentElement && t.parentElement.scrollWidth > t.parentElement.clientWidth + 1).map((t) => t.querySelector('caption')?.textContent ?? '?'));

describe('the report pages', () => {
  it("show a campaign's figures as the database counts them, and download them as CSV", async () => {
    const { context, page } = await cb.open(LAPTOP, 'fr');
    await cb.signIn(page, 'khadija@test.ma', PASSWORD);
    await page.getByRole('link', { name: 'Caravane de test' }).click();
    await page.getByRole('link', { name: 'Rapport', exact: true }).click();
    await page.getByRole('heading', { name: 'Rapport — Caravane de test', level: 1 }).waitFor();

    const id = world.caravanId;
    const registered = await count(sql`select count(*)::int as n from appointments where campaign_id = ${id} and status in ('booked', 'attended', 'no_show') and not walk_in`);
    const places = await count(sql`select sum(capacity)::int as n from slots where campaign_id = ${id}`);
    const figures = page.getByRole('region', { name: 'Chiffres clés' });
    expect(await figures.locator('dd').first().innerText()).toBe(`${registered} / ${places}`);
    const arrived = await count(sql`select count(*)::int as n from appointments where campaign_id = ${id} and status = 'attended'`);
    expect(await figures.locator('div', { hasText: 'Arrivés' }).locator('dd').innerText()).toBe(String(arrived));

    // The dental line of the first day, in the table under the bars.
    const table = page.getByRole('table', { name: 'Tableau : Inscrits et places par service et par jour' });
    const dental = table.getByRole('row').filter({ hasText: 'Soins dentaires' }).first();
    const firstDay = (await sql<{ day: string }>`select min(day) as day from slots where campaign_id = ${id}`.execute(cb.t.db)).rows[0]?.day ?? '';
    const dentalRegistered = await count(sql`select count(*)::int as n from appointments a join slots s on s.id = a.slot_id where s.campaign_id = ${id} and s.day = ${firstDay} and s.service = 'dental' and a.status <> 'cancelled' and not a.walk_in`);
    expect((await dental.getByRole('cell').nth(2).innerText()).trim()).toBe(String(dentalRegistered));
    const women = await count(sql`select count(distinct b.id)::int as n from beneficiaries b join appointments a on a.beneficiary_id = b.id where a.campaign_id = ${id} and a.status <> 'cancelled' and b.sex = 'female'`);
    const pyramidCells = page.getByRole('table', { name: 'Tableau : Pyramide des âges' }).getByRole('row');
    let shownWomen = 0;
    for (let i = 1; i < (await pyramidCells.count()); i++) shownWomen += Number(await pyramidCells.nth(i).getByRole('cell').first().innerText());
    expect(shownWomen).toBe(women);
    expect(await lowContrastText(page)).toEqual([]);
    await screenshot(page, 'report-fr-laptop');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger (CSV)' }).click()]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('"Places et présence par service et par jour"');
    const first = lines.find((l) => l.startsWith(`"${firstDay}"`) && l.includes('Dents')) ?? '';
    expect(first.split(',')[3]).toBe(`"${dentalRegistered}"`);

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Imprimer' }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-fr-print.png'), fullPage: true });
    await context.close();
  });

  it('reads right to left in Arabic and fits a phone, for a campaign and for the national view', async () => {
    for (const [language, size, sizeName] of [['ar', PHONE, 'phone'], ['fr', PHONE, 'phone'], ['ar', LAPTOP, 'laptop']] as const) {
      const { context, page } = await cb.open(size, language);
      await cb.signIn(page, 'khadija@test.ma', PASSWORD);
      await inLanguage(page, language);
      await page.goto(`${cb.base}/console/campaigns/${world.caravanId}/report`);
      await page.getByRole('heading', { level: 1, name: language === 'ar' ? 'التقرير — قافلة تجريبية' : 'Rapport — Caravane de test' }).waitFor();
      expect((await langAndDir(page))[1]).toBe(language === 'ar' ? 'rtl' : 'ltr');
      expect(await overflowingText(page)).toEqual([]);
      expect(await lowContrastText(page)).toEqual([]);
      if (size === PHONE) expect(await sidewaysTables(page)).toEqual([]);
      await screenshot(page, `report-${language}-${sizeName}`);
      // An association's coordinator has no national view: no link to it in the menu, once the menu has asked.
      await page.waitForLoadState('networkidle');
      expect(await page.getByRole('link', { name: language === 'ar' ? 'التقرير الوطني' : 'Rapport national' }).count()).toBe(0);
      if (language === 'ar' && size === PHONE) {
        await page.emulateMedia({ media: 'print' });
        await page.screenshot({ path: join(SCREENSHOTS, 'report-ar-print.png'), fullPage: true });
      }
      await context.close();
    }
    // The platform admin's menu leads to the national view.
    const { context, page } = await cb.open(PHONE, 'ar');
    await page.goto(`${cb.base}/console/sign-in`);
    await page.locator('#login').fill('plateforme@test.ma');
    await page.locator('#password').fill(PASSWORD);
    await page.locator('#password').press('Enter');
    await page.waitForURL(`${cb.base}/console/organisations`);
    await inLanguage(page, 'ar');
    await page.getByRole('link', { name: 'التقرير الوطني' }).click();
    await page.getByRole('heading', { level: 1, name: 'التقرير الوطني' }).waitFor();
    const totals = await count(sql`select count(*)::int as n from appointments a join campaigns c on c.id = a.campaign_id where c.status <> 'draft' and a.status in ('booked', 'attended', 'no_show') and not a.walk_in`);
    const registered = page.getByRole('region', { name: 'المجاميع' }).locator('div', { hasText: 'المسجلون' }).locator('dd');
    expect((await registered.innerText()).replace(/\D/g, '')).toBe(String(totals));
    expect(await overflowingText(page)).toEqual([]);
    expect(await sidewaysTables(page)).toEqual([]);
    await screenshot(page, 'report-national-ar-phone');
    await context.close();
  });
});

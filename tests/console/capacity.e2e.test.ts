// A campaign's live capacity in the browser: a booking made by a villager shows up without a reload, the
// window's list finds the person by their code, and the CSV holds their row; in French and Arabic.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../../src/domain/clock.ts';
import { addPerson, book } from '../support/capacity-world.ts';
import { type ConsoleBrowser, inLanguage, langAndDir, LAPTOP, overflowingText, PHONE, screenshot, startConsoleBrowser } from '../support/console-browser.ts';
import { addConsoleStaff } from '../support/console-staff.ts';
import { addDays } from '../support/conversation-harness.ts';
import { importTestCampaign, slotIds } from '../support/fixtures.ts';
import { bookAsVillager, SimulatorVillager } from '../support/simulator-villager.ts';

let cb: ConsoleBrowser;
let campaignId: number;
let slots: number[];
const PASSWORD = 'caravane-dades-2027';
// Days ahead of today: the villager's chat lists only campaigns still to come.
const today = localDay(new Date(), 'Africa/Casablanca');
const firstDay = addDays(today, 9);

beforeAll(async () => {
  cb = await startConsoleBrowser();
  campaignId = await importTestCampaign(cb.t.db, {
    slug: 'live-caravan',
    firstDay,
    lastDay: addDays(firstDay, 1),
    services: [
      { code: 'dental', windows: [{ start: '09:00', end: '12:00', capacity: 12 }] },
      { code: 'ophthalmology', windows: [{ start: '09:00', end: '12:00', capacity: 30 }] },
    ],
  });
  slots = await slotIds(cb.t.db, campaignId);
  await addConsoleStaff(cb.t.db, { name: 'Khadija Ouali', role: 'coordinator', email: 'khadija@test.ma', password: PASSWORD });
  await book(cb.t.db, await addPerson(cb.t.db, { name: 'Aicha Bennani', sex: 'female', birthYear: 1970, commune: 'Tinghir', phone: '+212612345678' }), slots[0] ?? 0);
});
afterAll(async () => {
  await cb.close();
});

describe('the capacity page', () => {
  it('shows a new booking without a reload, finds the person by code, and exports the window as CSV', async () => {
    const { context, page } = await cb.open(LAPTOP, 'fr');
    await cb.signIn(page, 'khadija@test.ma', PASSWORD);
    await page.getByRole('link', { name: 'Caravane de test' }).click();
    await page.getByRole('heading', { name: 'Caravane de test', level: 1 }).waitFor();
    await page.getByRole('button', { name: /09:00–12:00\s*1 \/ 12/ }).waitFor();
    await page.evaluate('window.qafilaMarker = "no reload"');

    // Omar books from his phone through the chat engine, as any villager would.
    const omar = new SimulatorVillager(cb.base, '+212698765432');
    const age = Number(today.slice(0, 4)) - 1958;
    const omarCode = await bookAsVillager(omar, { locale: 'fr', name: 'Omar El Fassi', sex: 'male', age, commune: "Kelâat M'Gouna", campaign: 'Caravane de test', service: 'dental', day: firstDay, window: '09:00-12:00' });
    await page.getByRole('button', { name: /09:00–12:00\s*2 \/ 12/ }).first().waitFor({ timeout: 10_000 });
    expect(await page.evaluate<string>('window.qafilaMarker')).toBe('no reload');

    await page.getByRole('button', { name: /09:00–12:00\s*2 \/ 12/ }).first().click();
    const list = page.getByRole('region', { name: /Soins dentaires/ });
    await list.getByRole('heading', { name: 'Omar El Fassi' }).waitFor();
    await list.getByLabel('Chercher (nom, code ou téléphone)').fill(omarCode);
    await list.getByRole('heading', { name: 'Aicha Bennani' }).waitFor({ state: 'detached' });
    await list.getByRole('heading', { name: 'Omar El Fassi' }).waitFor();
    // The phone stays masked until asked for.
    expect(await list.getByText('+212698765432').count()).toBe(0);
    await list.getByRole('button', { name: 'Afficher le numéro' }).click();
    await list.getByText('+212698765432').waitFor();
    await screenshot(page, 'capacity-fr-laptop');

    const [download] = await Promise.all([page.waitForEvent('download'), list.getByRole('link', { name: 'Exporter ce créneau (CSV)' }).click()]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = csv.slice(1).trim().split(/\r?\n/);
    expect(rows).toHaveLength(3);
    expect(rows.some((r) => r.includes('Omar El Fassi') && r.includes(omarCode))).toBe(true);
    await context.close();
  });

  it('reads right to left in Arabic and fits a phone', async () => {
    for (const [language, size, sizeName] of [['ar', PHONE, 'phone'], ['fr', PHONE, 'phone'], ['ar', LAPTOP, 'laptop']] as const) {
      const { context, page } = await cb.open(size, language);
      await cb.signIn(page, 'khadija@test.ma', PASSWORD);
      // The staff member's saved language wins over the browser's: switch when it differs.
      await inLanguage(page, language);
      await page.goto(`${cb.base}/console/campaigns/${campaignId}`);
      await page.getByRole('heading', { name: language === 'ar' ? 'قافلة تجريبية' : 'Caravane de test', level: 1 }).waitFor();
      await page.getByRole('button', { name: /09:00–12:00/ }).first().click();
      await page.getByRole('heading', { name: 'Aicha Bennani' }).waitFor();
      expect((await langAndDir(page))[1]).toBe(language === 'ar' ? 'rtl' : 'ltr');
      if (size === PHONE) expect(await overflowingText(page)).toEqual([]);
      await screenshot(page, `capacity-${language}-${sizeName}`);
      await context.close();
    }
  });
});

// The web simulator in real headless Chromium: a booking in Darija and one in French, by clicking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import type { TestDatabase } from '../support/test-database.ts';
import { startSimulatorBrowser, type SimulatorBrowser } from '../support/simulator-browser.ts';

let sim: SimulatorBrowser;
let t: TestDatabase;
let app: FastifyInstance;
let browser: Browser;
let base = '';

beforeAll(async () => {
  sim = await startSimulatorBrowser();
  ({ t, app, browser, base } = sim);
}, 60_000);
afterAll(async () => sim?.close());

/** Sends a text and waits for the bot's answer to be drawn. */
async function write(page: Page, text: string) {
  const before = await page.locator('.bubble.bot').count();
  await page.fill('#text', text);
  await page.click('#send');
  await expect.poll(() => page.locator('.bubble.bot').count()).toBeGreaterThan(before);
}

/** Clicks the choice button with this id in the last answer, and waits for the next answer. */
async function press(page: Page, id: string) {
  const before = await page.locator('.bubble.bot').count();
  await page.locator(`.choice[data-choice-id="${id}"]:not([disabled])`).last().click();
  await expect.poll(() => page.locator('.bubble.bot').count()).toBeGreaterThan(before);
}

async function firstChoice(page: Page): Promise<string> {
  return (await page.locator('.choice:not([disabled])').first().getAttribute('data-choice-id')) ?? '';
}

describe('web simulator', () => {
  it.each([
    { locale: 'ary', phone: '+212600000501', hello: 'السلام', name: 'فاطمة الزهراء', place: 'تنغير', rtl: 'rtl', booked: 'تسجلتي' },
    { locale: 'fr', phone: '+212600000502', hello: 'Bonjour', name: 'Fatima Zahra', place: 'Tinghir', rtl: 'ltr', booked: 'C\'est fait' },
  ])('books an appointment in $locale by clicking through the choices', async ({ locale, phone, hello, name, place, rtl, booked }) => {
    const page = await browser.newPage();
    try {
      await page.goto(`${base}/simulator`);
      await page.fill('#phone', phone);
      await page.selectOption('#language', locale);
      expect(await page.getAttribute('#app', 'dir')).toBe(rtl);
      await write(page, hello);
      await press(page, 'accept');
      await press(page, 'register');
      await press(page, 'self');
      await write(page, name);
      await press(page, 'female');
      await write(page, '37');
      await write(page, place); // the commune, which is also where the caravans are looked for
      await press(page, await firstChoice(page)); // the Tinghir caravan, nearest first
      await press(page, 'ophthalmology');
      await press(page, '2026-12-15');
      await press(page, await firstChoice(page)); // the morning window
      await press(page, 'confirm');
      const texts = await page.locator('.bubble.bot').allTextContents();
      expect(texts.some((x) => x.includes(booked))).toBe(true);
      const qr = page.locator('img.qr').last();
      // Loaded and decoded: a broken image has no natural width.
      await expect.poll(() => qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
      expect(await page.locator('a.venue').last().getAttribute('href')).toBe('https://maps.google.com/?q=31.2427,-6.1278');
      const [appointment] = await t.db
        .selectFrom('appointments as a')
        .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
        .innerJoin('contacts as c', 'c.id', 'b.contact_id')
        .select(['b.full_name', 'a.status', 'c.locale'])
        .where('c.phone_e164', '=', phone)
        .execute();
      expect(appointment).toEqual({ full_name: name, status: 'booked', locale });
    } finally {
      await page.close();
    }
  }, 60_000);

  it('answers a bad phone number with a clear error', async () => {
    const response = await app.inject({ method: 'POST', url: '/simulator/api/messages', payload: { from: 'abc', text: 'salam' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatch(/^phone number: /);
  });
});

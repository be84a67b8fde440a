// The web simulator as a person sees it, on a phone (390×844) and a laptop, in French and Arabic: a
// first-screen hint, the newest answer in view after each reply, and the phone number left to right.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startSimulatorBrowser, type SimulatorBrowser } from '../support/simulator-browser.ts';

/** Screenshots of each screen, to look at after a change of the page. */
const SHOTS = process.env.SIMULATOR_SCREENSHOTS;

let sim: SimulatorBrowser;
let browser: Browser;
let base = '';

beforeAll(async () => {
  sim = await startSimulatorBrowser();
  ({ browser, base } = sim);
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
}, 60_000);
afterAll(async () => sim?.close());

/** Writes in the message box as a person would, and waits for the answer. */
async function write(page: Page, text: string): Promise<void> {
  const answers = page.locator('.bubble.bot');
  const before = await answers.count();
  await page.getByLabel('message').fill(text);
  await page.getByRole('button', { name: '➤' }).click();
  await expect.poll(() => answers.count()).toBeGreaterThan(before);
}

/** Whether the last answer is on the screen: all of it, or at least half the screen of a taller one. */
const lastAnswerInView = (page: Page) =>
  page.locator('.bubble.bot').last().evaluate((el) => {
    const box = (el as unknown as { getBoundingClientRect(): { top: number; bottom: number; height: number } }).getBoundingClientRect();
    const screen = (globalThis as unknown as { innerHeight: number }).innerHeight;
    return box.top < screen && box.bottom > 0 && Math.min(box.bottom, screen) - Math.max(box.top, 0) >= Math.min(box.height, screen * 0.5);
  });

const SCREENS = [
  { name: 'phone', viewport: { width: 390, height: 844 } },
  { name: 'laptop', viewport: { width: 1366, height: 768 } },
];
const LANGUAGES = [
  { locale: 'fr', label: 'Français', hello: 'bonjour', dir: 'ltr' },
  { locale: 'ar', label: 'العربية', hello: 'السلام', dir: 'rtl' },
  { locale: 'shi', label: 'Tashelhit / ⵜⴰⵛⵍⵃⵉⵜ', hello: 'azul', dir: 'ltr' },
];

describe('the simulator screen', () => {
  for (const screen of SCREENS) {
    for (const language of LANGUAGES) {
      it(`on a ${screen.name}, in ${language.locale}: a hint first, then the newest answer always in view`, async () => {
        const page = await browser.newPage({ viewport: screen.viewport });
        try {
          await page.goto(`${base}/simulator`);
          await expect.poll(() => page.getByText('Pour commencer, écrivez').isVisible()).toBe(true);
          await expect.poll(() => page.getByText('للبدء، اكتب').isVisible()).toBe(true);
          const phone = page.getByLabel('phone number');
          await phone.fill(`+2126005${SCREENS.indexOf(screen)}${LANGUAGES.indexOf(language)}000`);
          await page.getByLabel('language').selectOption({ label: language.label });
          expect(await page.locator('main').getAttribute('dir')).toBe(language.dir);
          // The number reads left to right, whatever the page's direction.
          expect(await phone.evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { direction: string } }).getComputedStyle(el).direction)).toBe('ltr');
          if (SHOTS) await page.screenshot({ path: `${SHOTS}/${screen.name}-${language.locale}-start.png` });

          await write(page, language.hello);
          expect(await page.getByText('Pour commencer, écrivez').count()).toBe(0);
          expect(await page.locator('.bubble.bot').first().textContent()).toMatch(language.dir === 'rtl' ? /[\u0600-\u06FF]/ : /[a-z]/);
          await page.getByRole('button', { name: /^1\. / }).last().click(); // accept the notice
          await expect.poll(() => page.locator('.bubble.bot').count()).toBeGreaterThan(2);
          for (const text of ['1', '0', '2', '0', '3']) {
            await write(page, text);
            expect(await lastAnswerInView(page)).toBe(true);
          }
          if (SHOTS) await page.screenshot({ path: `${SHOTS}/${screen.name}-${language.locale}-after.png` });
        } finally {
          await page.close();
        }
      }, 60_000);
    }
  }
});

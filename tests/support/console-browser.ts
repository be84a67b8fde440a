// The real service with the web console on a scratch database, and a headless Chromium to use it as a
// person would: at a phone's size and a laptop's, in French and in Arabic. Its simulator lets villagers
// book through the chat engine (see simulator-villager.ts).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { pino } from 'pino';
import type { FastifyInstance } from 'fastify';
import { buildServer, type HttpDeps } from '../../src/http/server.ts';
import { CONSOLE_DIST } from '../../src/http/console/console-static.routes.ts';
import type { SimulatorDeps } from '../../src/http/simulator.routes.ts';
import { conversationDeps, realClock } from './conversation-harness.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'console');

export const PHONE = { width: 390, height: 844 } as const;
export const LAPTOP = { width: 1280, height: 800 } as const;
export type Size = typeof PHONE | typeof LAPTOP;

export interface ConsoleBrowser {
  t: TestDatabase;
  app: FastifyInstance;
  browser: Browser;
  base: string;
  /** A fresh context (own cookies and storage) at that size, the browser's language French or Arabic. */
  open(size: Size, language: 'fr' | 'ar'): Promise<{ context: BrowserContext; page: Page }>;
  /** Signs in through the sign-in page, as a person types it, and waits for the campaigns page. */
  signIn(page: Page, login: string, password: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * faketime's LD_PRELOAD would reach Chromium too and can stall its sandboxed processes: the browser is
 * given the environment without it (the server, in this process, still runs on the faked clock).
 */
function browserEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'LD_PRELOAD' && !key.startsWith('FAKETIME')) env[key] = value;
  }
  return env;
}

/**
 * A second Chromium whose camera is Chromium's fake one, showing this Y4M file (see fake-camera.ts), with
 * the camera allowed: the desk's QR scanner reads it as a phone reads a villager's screen.
 */
export function cameraBrowser(videoFile: string): Promise<Browser> {
  const args = ['--no-sandbox', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${videoFile}`];
  return chromium.launch({ executablePath: CHROMIUM, args, env: browserEnv() });
}

/** `more`: what else the service is given (a channel's webhook, the inbox's queues), built on the test's database. */
export async function startConsoleBrowser(more?: (t: TestDatabase) => Partial<HttpDeps>): Promise<ConsoleBrowser> {
  const t = await createTestDatabase();
  // The simulator on the real clock, as the console: villagers book on days the tests count from today.
  const simulator: SimulatorDeps = { conversation: conversationDeps(t.db, realClock()), flood: { check: async () => 'ok' }, access: 'loopback' };
  const app = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock: { now: () => new Date() }, logger: pino({ level: 'silent' }), timeZone: 'Africa/Casablanca', insecureCookie: true, console: { root: CONSOLE_DIST }, simulator, ...more?.(t) });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'], env: browserEnv() });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    t,
    app,
    browser,
    base,
    async open(size, language) {
      const context = await browser.newContext({ viewport: size, locale: language === 'ar' ? 'ar-MA' : 'fr-MA', timezoneId: 'Africa/Casablanca' });
      // Chromium keeps the real clock under faketime: the pages take their days from the server, and what
      // the browser computes from its own clock (a campaign's phase) does not change for days far ahead.
      return { context, page: await context.newPage() };
    },
    async signIn(page, login, password) {
      await page.goto(`${base}/console/sign-in`);
      await page.locator('#login').fill(login);
      await page.locator('#password').fill(password);
      await page.locator('#password').press('Enter');
      // Each role's first page: campaigns, alerts for medical staff, the desk, the organisations.
      await page.waitForURL((url) => url.pathname !== '/console/sign-in' && url.pathname !== '/console/' && url.pathname !== '/console');
    },
    async close() {
      await browser.close();
      await app.close();
      await t.drop();
    },
  };
}

// Run in the page (as text: the tests' type-check knows Node, not the DOM).
const OVERFLOWING = `(() => {
  // Hidden for the eye but kept for a screen reader by a stylesheet rule (a table's head on a phone).
  const clippedAway = (el) => { for (let at = el; at; at = at.parentElement) { if (getComputedStyle(at).clipPath !== 'none' && at.getBoundingClientRect().width <= 1) return true; } return false; };
  const found = [];
  for (const el of document.querySelectorAll('h1, h2, h3, p, label, legend, a, button, dt, dd, th, td, li, span, bdi, option')) {
    if (el.offsetParent === null || el.closest('.visually-hidden') || clippedAway(el)) continue;
    if (el.scrollWidth > el.clientWidth + 1) found.push(el.tagName.toLowerCase() + ' "' + (el.textContent || '').trim().slice(0, 40) + '" ' + el.scrollWidth + '>' + el.clientWidth);
  }
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) found.push('page ' + root.scrollWidth + '>' + root.clientWidth);
  return found;
})()`;

/** Text elements whose content is wider than their box (scrollWidth > clientWidth), described for the failure. */
export async function overflowingText(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(OVERFLOWING);
}

// WCAG contrast of each text element's colour against the first opaque background behind it.
const LOW_CONTRAST = `(() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const background = (el) => { for (let at = el; at; at = at.parentElement) { const c = rgb(getComputedStyle(at).backgroundColor); if (c.length === 3 || c[3] > 0.9) return c; } return [255, 255, 255]; };
  const found = [];
  for (const el of document.querySelectorAll('h1, h2, h3, p, label, legend, a, button, dt, dd, li, span, bdi, input, select')) {
    if (el.offsetParent === null || el.closest('.visually-hidden') || !(el.textContent || el.value || '').trim()) continue;
    const style = getComputedStyle(el);
    const [a, b] = [lum(rgb(style.color)), lum(background(el))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) found.push(el.tagName.toLowerCase() + ' "' + (el.textContent || '').trim().slice(0, 30) + '" ' + ratio.toFixed(2));
  }
  return found;
})()`;

/** Text whose contrast with its background is under 4.5:1 (WCAG AA for normal text). */
export async function lowContrastText(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(LOW_CONTRAST);
}

/** `<html lang dir>` as the page has them now. */
export async function langAndDir(page: Page): Promise<[string | null, string | null]> {
  const html = page.locator('html');
  return [await html.getAttribute('lang'), await html.getAttribute('dir')];
}

/**
 * Puts the signed-in console in `language` and waits until the server keeps it. The page shows the staff
 * member's saved language once the session is read (the switch is rendered then), and a reload reads it
 * again from the server: switching before the first, or reloading before the save, lands in the other one.
 */
export async function inLanguage(page: Page, language: 'fr' | 'ar'): Promise<void> {
  const languageSwitch = page.getByRole('button', { name: /^(Langue|اللغة): / });
  await languageSwitch.waitFor();
  if ((await langAndDir(page))[0] !== language) {
    const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === '/console/api/me');
    await languageSwitch.click();
    await saved;
  }
  await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
}

export async function focusedId(page: Page): Promise<string> {
  return page.evaluate<string>("document.activeElement ? document.activeElement.id : ''");
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** One part of a page, at full size: a long form's whole-page picture is too tall to read. */
export async function screenshotOf(part: Locator, name: string): Promise<void> {
  await part.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

// The console's shell in a real Chromium: signed out it shows the sign-in page, in French or Arabic as the
// browser asks, switches language on the spot (the whole page right to left in Arabic), checks the form
// before asking the server, and fits a phone's screen without text running out of its box.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { focusedId, langAndDir, LAPTOP, lowContrastText, overflowingText, PHONE, screenshot, startConsoleBrowser, type ConsoleBrowser } from '../support/console-browser.ts';

let cb: ConsoleBrowser;
beforeAll(async () => {
  cb = await startConsoleBrowser();
});
afterAll(async () => {
  await cb.close();
});

describe('the sign-in page', () => {
  it('opens in French for a French browser, left to right, and sends a signed-out visitor from /console/ to it', async () => {
    const { context, page } = await cb.open(PHONE, 'fr');
    const started = performance.now();
    await page.goto(`${cb.base}/console/`);
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    console.log(`console: first render (sign-in page, phone) in ${Math.round(performance.now() - started)} ms`);
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    expect(await langAndDir(page)).toEqual(['fr', 'ltr']);
    await expect(page.getByLabel('E-mail ou téléphone').isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('opens in Arabic for an Arabic browser, right to left', async () => {
    const { context, page } = await cb.open(PHONE, 'ar');
    await page.goto(`${cb.base}/console/sign-in`);
    await page.getByRole('heading', { name: 'تسجيل الدخول' }).waitFor();
    expect(await langAndDir(page)).toEqual(['ar', 'rtl']);
    await expect(page.getByLabel('البريد الإلكتروني أو الهاتف').isVisible()).resolves.toBe(true);
    // Right to left for real: the title starts at the right edge of the screen.
    const box = await page.getByRole('heading', { name: 'تسجيل الدخول' }).boundingBox();
    expect(box && box.x + box.width).toBeGreaterThan(PHONE.width / 2);
    await context.close();
  });

  it('switches to Arabic and back with the button on the page, and remembers the choice on reload', async () => {
    const { context, page } = await cb.open(LAPTOP, 'fr');
    await page.goto(`${cb.base}/console/sign-in`);
    await page.getByRole('button', { name: 'Langue: العربية' }).click();
    await page.getByRole('heading', { name: 'تسجيل الدخول' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.reload();
    await page.getByRole('heading', { name: 'تسجيل الدخول' }).waitFor();
    await page.getByRole('button', { name: 'اللغة: Français' }).click();
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await context.close();
  });

  it('says beside each empty field what is missing, in each language, without asking the server', async () => {
    for (const [language, button, loginError, passwordError] of [
      ['fr', 'Se connecter', 'Indiquez votre e-mail ou votre numéro de téléphone.', 'Indiquez votre mot de passe.'],
      ['ar', 'دخول', 'أدخل بريدك الإلكتروني أو رقم هاتفك.', 'أدخل كلمة المرور.'],
    ] as const) {
      const { context, page } = await cb.open(PHONE, language);
      const asked: string[] = [];
      page.on('request', (r) => void (r.url().includes('/console/api/session') && r.method() === 'POST' && asked.push(r.url())));
      await page.goto(`${cb.base}/console/sign-in`);
      await page.getByRole('button', { name: button }).click();
      await page.getByText(loginError).waitFor();
      await page.getByText(passwordError).waitFor();
      expect(await focusedId(page)).toBe('login');
      expect(await page.locator('#login').getAttribute('aria-invalid')).toBe('true');
      expect(asked).toEqual([]);
      // The error is announced with its field: a screen reader reads it on focus.
      expect(await page.locator('#login').getAttribute('aria-describedby')).toBe('login-error');
      await context.close();
    }
  });

  it('is reached and sent by keyboard alone: the field, the password, then the button', async () => {
    const { context, page } = await cb.open(LAPTOP, 'fr');
    await page.goto(`${cb.base}/console/sign-in`);
    await page.getByLabel('E-mail ou téléphone').waitFor();
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate<string>("document.activeElement ? document.activeElement.id || document.activeElement.textContent.trim() : ''"));
    }
    expect(order.indexOf('login')).toBeGreaterThan(-1);
    expect(order.indexOf('password')).toBe(order.indexOf('login') + 1);
    expect(order[order.indexOf('password') + 1]).toBe('Se connecter');
    await context.close();
  });
});

describe('a phone slow to paint', () => {
  it('still draws the page when the session answers before the first frame', async () => {
    const { context, page } = await cb.open(PHONE, 'fr');
    // No frame is ever painted and every timer waits 0.6 s longer: the server's answer (a signed-out
    // visitor, here) arrives before the page's first effects run, as on a busy phone.
    await page.addInitScript(`(() => {
      const later = window.setTimeout.bind(window);
      window.setTimeout = (fn, ms, ...rest) => later(fn, ms ? ms + 600 : ms, ...rest);
      window.requestAnimationFrame = () => 0;
    })()`);
    await page.goto(`${cb.base}/console/campaigns`);
    await page.getByRole('heading', { name: 'Connexion' }).waitFor({ timeout: 10_000 });
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    await context.close();
  });
});

describe('every public page, in both languages and both sizes', () => {
  it('fits its box (no text overflows at 390x844) and is photographed for review', async () => {
    for (const language of ['fr', 'ar'] as const) {
      for (const [sizeName, size] of [['phone', PHONE], ['laptop', LAPTOP]] as const) {
        const { context, page } = await cb.open(size, language);
        const violations: string[] = [];
        page.on('console', (m) => void (m.type() === 'error' && !m.text().startsWith('Failed to load resource') && violations.push(m.text())));
        page.on('pageerror', (e) => void violations.push(e.message));
        // Signed out, the session check is refused; nothing else may fail to load.
        page.on('response', (r) => void (r.status() >= 400 && !r.url().endsWith('/console/api/session') && violations.push(`${r.status()} ${r.url()}`)));
        await page.goto(`${cb.base}/console/sign-in`);
        await page.getByRole('button', { name: language === 'fr' ? 'Se connecter' : 'دخول' }).click();
        await page.locator('.field-error').first().waitFor();
        if (size === PHONE) expect(await overflowingText(page)).toEqual([]);
        expect(await lowContrastText(page)).toEqual([]);
        await screenshot(page, `sign-in-${language}-${sizeName}`);
        await page.goto(`${cb.base}/console/set-password`);
        await page.getByRole('heading', { name: language === 'fr' ? 'Choisir un mot de passe' : 'اختيار كلمة المرور' }).waitFor();
        if (size === PHONE) expect(await overflowingText(page)).toEqual([]);
        await screenshot(page, `set-password-${language}-${sizeName}`);
        // No CSP refusal, script error or missing file on the way.
        expect(violations).toEqual([]);
        await context.close();
      }
    }
  });
});

// Signing in for real through the page: the campaigns page after the right password, the server's refusals
// in the staff member's language (wrong credentials, locked with the minutes left), the language saved on
// the staff member, and signing out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { langAndDir, LAPTOP, overflowingText, PHONE, screenshot, startConsoleBrowser, type ConsoleBrowser } from '../support/console-browser.ts';
import { addConsoleStaff } from '../support/console-staff.ts';

let cb: ConsoleBrowser;
const PASSWORD = 'caravane-dades-2027';
beforeAll(async () => {
  cb = await startConsoleBrowser();
  await addConsoleStaff(cb.t.db, { name: 'Fatima Zahra Amrani', role: 'coordinator', organisation: 'association-sante-dades', email: 'fatima@dades.ma', password: PASSWORD });
  await addConsoleStaff(cb.t.db, { name: 'Youssef Ait Ali', role: 'coordinator', organisation: 'association-sante-dades', email: 'youssef@dades.ma', password: PASSWORD });
  await addConsoleStaff(cb.t.db, { name: 'Karim Benali', role: 'coordinator', organisation: 'association-sante-dades', email: 'karim@dades.ma', password: PASSWORD });
});
afterAll(async () => {
  await cb.close();
});

describe('signing in', () => {
  it('opens the campaigns page after the right password, with the staff member named in the menu', async () => {
    const { context, page } = await cb.open(PHONE, 'fr');
    await cb.signIn(page, 'fatima@dades.ma', PASSWORD);
    await page.getByRole('heading', { name: 'Campagnes', level: 1 }).waitFor();
    await page.getByText('Fatima Zahra Amrani').waitFor();
    expect(await overflowingText(page)).toEqual([]);
    // A reload keeps the session: the cookie is read back.
    await page.reload();
    await page.getByRole('heading', { name: 'Campagnes', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await page.goto(`${cb.base}/console/campaigns`);
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await context.close();
  });

  it('says the credentials are wrong, in French and in Arabic, and empties the password', async () => {
    for (const [language, message] of [['fr', 'E-mail, téléphone ou mot de passe incorrect.'], ['ar', 'البريد الإلكتروني أو الهاتف أو كلمة المرور غير صحيحة.']] as const) {
      const { context, page } = await cb.open(PHONE, language);
      await page.goto(`${cb.base}/console/sign-in`);
      await page.locator('#login').fill('karim@dades.ma');
      await page.locator('#password').fill('not-the-password');
      await page.locator('#password').press('Enter');
      await page.getByRole('alert').filter({ hasText: message }).waitFor();
      expect(await page.locator('#password').inputValue()).toBe('');
      if (language === 'ar') expect(await langAndDir(page)).toEqual(['ar', 'rtl']);
      expect(await overflowingText(page)).toEqual([]);
      await screenshot(page, `sign-in-refused-${language}-phone`);
      await context.close();
    }
  });

  it('tells a locked account how many minutes are left, even with the right password', async () => {
    const { context, page } = await cb.open(LAPTOP, 'ar');
    await page.goto(`${cb.base}/console/sign-in`);
    for (let i = 0; i < 5; i++) {
      await page.locator('#login').fill('youssef@dades.ma');
      await page.locator('#password').fill(`wrong-${i}-password`);
      await page.locator('#password').press('Enter');
      await page.getByRole('alert').filter({ hasText: 'غير صحيحة' }).waitFor();
      await page.getByRole('button', { name: 'دخول' }).and(page.locator(':enabled')).waitFor();
    }
    await page.locator('#password').fill(PASSWORD);
    await page.locator('#password').press('Enter');
    await page.getByRole('alert').filter({ hasText: 'الحساب مقفل. أعد المحاولة بعد 15 دقيقة.' }).waitFor();
    await page.getByRole('button', { name: 'اللغة: Français' }).click();
    await page.locator('#password').fill(PASSWORD);
    await page.locator('#password').press('Enter');
    await page.getByRole('alert').filter({ hasText: 'le compte est bloqué. Réessayez dans 15 min.' }).waitFor();
    await context.close();
  });

  it('keeps the language the staff member chose for their next visit, on another browser too', async () => {
    const first = await cb.open(LAPTOP, 'fr');
    await cb.signIn(first.page, 'karim@dades.ma', PASSWORD);
    const saved = first.page.waitForResponse((r) => r.url().endsWith('/console/api/me') && r.request().method() === 'PATCH');
    await first.page.getByRole('button', { name: 'Langue: العربية' }).click();
    expect((await saved).status()).toBe(200);
    await first.page.getByRole('heading', { name: 'الحملات', level: 1 }).waitFor();
    await first.context.close();
    // A French browser with nothing stored: the staff member's own choice wins once signed in.
    const second = await cb.open(LAPTOP, 'fr');
    await cb.signIn(second.page, 'karim@dades.ma', PASSWORD);
    await second.page.getByRole('heading', { name: 'الحملات', level: 1 }).waitFor();
    expect(await langAndDir(second.page)).toEqual(['ar', 'rtl']);
    await second.context.close();
  });
});

// The one-time link's page: a new member chooses a password there, then signs in with it; the link works once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPasswordLink } from '../../src/domain/staff/password-links.ts';
import { LAPTOP, PHONE, startConsoleBrowser, type ConsoleBrowser } from '../support/console-browser.ts';
import { addConsoleStaff } from '../support/console-staff.ts';

let cb: ConsoleBrowser;
let staffId: number;
beforeAll(async () => {
  cb = await startConsoleBrowser();
  staffId = (await addConsoleStaff(cb.t.db, { name: 'Salma Idrissi', role: 'coordinator', email: 'salma@test.ma', password: 'an-old-password-1' })).id;
});
afterAll(async () => {
  await cb.close();
});

describe('the set-password page', () => {
  it('sets the password from the link, refuses the same link a second time, and the new password signs in', async () => {
    const { token } = await createPasswordLink(cb.t.db, staffId, new Date());
    const { context, page } = await cb.open(PHONE, 'ar');
    await page.goto(`${cb.base}/console/set-password#token=${token}`);
    await page.getByLabel('كلمة المرور الجديدة').fill('short');
    await page.getByRole('button', { name: 'حفظ كلمة المرور' }).click();
    await page.getByText('يجب أن تتكون كلمة المرور من 10 أحرف على الأقل.').waitFor();
    await page.getByLabel('كلمة المرور الجديدة').fill('qafila-tinghir-2027');
    await page.getByLabel('تأكيد كلمة المرور').fill('qafila-tinghir-2027');
    await page.getByRole('button', { name: 'حفظ كلمة المرور' }).click();
    await page.getByRole('status').filter({ hasText: 'تم حفظ كلمة المرور. يمكنك تسجيل الدخول.' }).waitFor();
    // The spent token leaves the address bar.
    expect(new URL(page.url()).hash).toBe('');

    await page.goto(`${cb.base}/console/set-password#token=${token}`);
    await page.getByLabel('كلمة المرور الجديدة').fill('another-password-22');
    await page.getByLabel('تأكيد كلمة المرور').fill('another-password-22');
    await page.getByRole('button', { name: 'حفظ كلمة المرور' }).click();
    await page.getByRole('alert').filter({ hasText: 'انتهت صلاحية هذا الرابط أو سبق استعماله.' }).waitFor();
    await context.close();

    const other = await cb.open(LAPTOP, 'fr');
    await cb.signIn(other.page, 'salma@test.ma', 'qafila-tinghir-2027');
    await other.page.getByText('Salma Idrissi').waitFor();
    await other.context.close();
  });

  it('says the link is incomplete when it has no token', async () => {
    const { context, page } = await cb.open(PHONE, 'fr');
    await page.goto(`${cb.base}/console/set-password`);
    await page.getByRole('alert').filter({ hasText: 'Ce lien est incomplet.' }).waitFor();
    expect(await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).isDisabled()).toBe(true);
    await context.close();
  });
});

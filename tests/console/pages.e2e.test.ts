// Every signed-in page in French and Arabic, at 390x844 and 1280x800: right to left in Arabic, no text out
// of its box on a phone, no script or CSP error, and a screenshot of each for review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, book } from '../support/capacity-world.ts';
import { langAndDir, LAPTOP, lowContrastText, overflowingText, PHONE, screenshot, startConsoleBrowser, type ConsoleBrowser } from '../support/console-browser.ts';
import { addConsoleStaff } from '../support/console-staff.ts';
import { importTestCampaign, slotIds } from '../support/fixtures.ts';

let cb: ConsoleBrowser;
let campaignId: number;
const PASSWORD = 'caravane-dades-2027';

beforeAll(async () => {
  cb = await startConsoleBrowser();
  campaignId = await importTestCampaign(cb.t.db, { slug: 'pages-caravan' });
  await importTestCampaign(cb.t.db, { slug: 'pages-draft', status: 'draft', title: { fr: 'Caravane ophtalmologique de Boumalne Dadès', ar: 'القافلة الطبية لطب العيون ببومالن دادس' } });
  const [slot] = await slotIds(cb.t.db, campaignId);
  await book(cb.t.db, await addPerson(cb.t.db, { name: 'Fadma Ait Oussaden', sex: 'female', birthYear: 1961, commune: 'Boumalne Dadès', phone: '+212661234567' }), slot ?? 0);
  for (const [email, locale] of [['fr@test.ma', 'fr'], ['ar@test.ma', 'ar']] as const) {
    const { id } = await addConsoleStaff(cb.t.db, { name: locale === 'ar' ? 'عبد الرحمن الوزاني' : 'Abderrahmane Ouazzani', role: 'coordinator', email, password: PASSWORD });
    await cb.t.db.updateTable('staff').set({ locale }).where('id', '=', id).execute();
  }
  await addConsoleStaff(cb.t.db, { name: 'Dr Nadia Alami', role: 'medical', email: 'medical@test.ma', password: PASSWORD });
});
afterAll(async () => {
  await cb.close();
});

describe('the signed-in pages', () => {
  for (const language of ['fr', 'ar'] as const) {
    for (const [sizeName, size] of [['phone', PHONE], ['laptop', LAPTOP]] as const) {
      it(`read well in ${language} at ${size.width}x${size.height}`, async () => {
        const { context, page } = await cb.open(size, language);
        const problems: string[] = [];
        page.on('pageerror', (e) => void problems.push(e.message));
        page.on('console', (m) => void (m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(m.text())));
        page.on('response', (r) => void (r.status() >= 400 && !r.url().endsWith('/console/api/session') && problems.push(`${r.status()} ${r.url()}`)));
        await cb.signIn(page, `${language}@test.ma`, PASSWORD);
        const check = async (name: string) => {
          expect((await langAndDir(page))[1]).toBe(language === 'ar' ? 'rtl' : 'ltr');
          if (size === PHONE) expect(await overflowingText(page)).toEqual([]);
          expect(await lowContrastText(page)).toEqual([]);
          await screenshot(page, `${name}-${language}-${sizeName}`);
        };

        await page.getByRole('heading', { name: language === 'ar' ? 'مسودات' : 'Brouillons' }).waitFor();
        await check('campaigns');
        await page.getByRole('link', { name: language === 'ar' ? 'حملة جديدة' : 'Nouvelle campagne' }).click();
        await page.getByRole('button', { name: language === 'ar' ? 'حفظ' : 'Enregistrer' }).click();
        await page.locator('.field-error').first().waitFor();
        await check('campaign-form-errors');
        await page.goto(`${cb.base}/console/campaigns/${campaignId}`);
        await page.getByRole('heading', { name: language === 'ar' ? 'قافلة تجريبية' : 'Caravane de test' }).waitFor();
        await page.getByRole('button', { name: /09:00–12:00/ }).first().click();
        await page.getByRole('heading', { name: 'Fadma Ait Oussaden' }).waitFor();
        await check('capacity');
        expect(problems).toEqual([]);
        await context.close();
      });
    }
  }

  it('opens on the alerts for medical staff, and offers them no campaign form', async () => {
    const { context, page } = await cb.open(PHONE, 'fr');
    await cb.signIn(page, 'medical@test.ma', PASSWORD);
    await page.getByRole('heading', { name: 'Alertes après opération', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/alerts');
    await page.getByRole('navigation').getByRole('link', { name: 'Campagnes' }).click();
    await page.getByRole('link', { name: 'Caravane de test' }).waitFor();
    expect(await page.getByRole('link', { name: 'Nouvelle campagne' }).count()).toBe(0);
    await context.close();
  });
});

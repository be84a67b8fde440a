// The platform admin in the browser: the organisations to pick from, then one organisation's campaigns to
// read, said to be read only, with nothing to create or edit; in French and Arabic, on a phone and a laptop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleBrowser, inLanguage, langAndDir, LAPTOP, lowContrastText, overflowingText, PHONE, screenshot, startConsoleBrowser } from '../support/console-browser.ts';
import { addConsoleStaff } from '../support/console-staff.ts';
import { importTestCampaign } from '../support/fixtures.ts';

let cb: ConsoleBrowser;
let caravanId: number;
const PASSWORD = 'plateforme-qafila-2027';

beforeAll(async () => {
  cb = await startConsoleBrowser();
  caravanId = await importTestCampaign(cb.t.db, { slug: 'dades-caravan', title: { fr: 'Caravane du Dadès', ar: 'قافلة دادس' } });
  await importTestCampaign(cb.t.db, { slug: 'ain-chock-drive', organisation: 'cnts', kind: 'blood_drive', title: { fr: 'Collecte Aïn Chock', ar: 'حملة التبرع بالدم عين الشق' }, services: [{ code: 'blood_donation', windows: [{ start: '09:00', end: '13:00', capacity: 100 }] }] });
  await cb.t.db.updateTable('organisations').set({ name: 'Association Santé Dadès' }).where('slug', '=', 'test-association').execute();
  await cb.t.db.updateTable('organisations').set({ name: 'Centre national de transfusion sanguine' }).where('slug', '=', 'cnts').execute();
  await addConsoleStaff(cb.t.db, { name: 'Salma Idrissi', role: 'admin', email: 'salma@qafila.ma', password: PASSWORD });
});
afterAll(async () => {
  await cb.close();
});

const WORDS = {
  fr: { switchTo: 'اللغة: Français', organisations: 'Organisations', view: 'Voir les campagnes de Association Santé Dadès', viewOther: 'Voir les campagnes de Centre national de transfusion sanguine', campaigns: 'Campagnes', readOnly: 'Vous consultez ses campagnes sans pouvoir les modifier.', change: 'Changer d’organisation', title: 'Caravane du Dadès', other: 'Collecte Aïn Chock', newCampaign: 'Nouvelle campagne', edit: 'Modifier' },
  ar: { switchTo: 'Langue: العربية', organisations: 'الهيئات', view: 'عرض الحملات: Association Santé Dadès', viewOther: 'عرض الحملات: Centre national de transfusion sanguine', campaigns: 'الحملات', readOnly: 'تطّلع على حملاتها دون أن تستطيع تعديلها.', change: 'تغيير الهيئة', title: 'قافلة دادس', other: 'حملة التبرع بالدم عين الشق', newCampaign: 'حملة جديدة', edit: 'تعديل' },
} as const;

describe('the platform admin', () => {
  for (const [language, size, sizeName] of [['fr', PHONE, 'phone'], ['ar', PHONE, 'phone'], ['fr', LAPTOP, 'laptop'], ['ar', LAPTOP, 'laptop']] as const) {
    it(`picks an organisation and reads its campaigns, changing nothing (${language}, ${sizeName})`, async () => {
      const w = WORDS[language];
      const { context, page } = await cb.open(size, language);
      await page.goto(`${cb.base}/console/sign-in`);
      await page.locator('#login').fill('salma@qafila.ma');
      await page.locator('#password').fill(PASSWORD);
      await page.locator('#password').press('Enter');
      // No organisation's data yet: the organisations to pick from.
      await page.waitForURL(`${cb.base}/console/organisations`);
      // The language saved by the last test wins over the browser's: switch when it differs.
      await inLanguage(page, language);
      await page.getByRole('heading', { name: w.organisations, level: 1 }).waitFor();
      await page.getByRole('button', { name: w.viewOther }).waitFor();
      expect((await langAndDir(page))[1]).toBe(language === 'ar' ? 'rtl' : 'ltr');
      if (size === PHONE) expect(await overflowingText(page)).toEqual([]);
      expect(await lowContrastText(page)).toEqual([]);
      await screenshot(page, `organisations-${language}-${sizeName}`);

      await page.getByRole('button', { name: w.view }).click();
      await page.waitForURL(`${cb.base}/console/campaigns`);
      await page.getByText(w.readOnly).waitFor();
      await page.getByRole('link', { name: w.title }).waitFor();
      expect(await page.getByRole('link', { name: w.other }).count()).toBe(0);
      expect(await page.getByRole('link', { name: w.newCampaign }).count()).toBe(0);
      if (size === PHONE) expect(await overflowingText(page)).toEqual([]);
      expect(await lowContrastText(page)).toEqual([]);
      await screenshot(page, `campaigns-platform-admin-${language}-${sizeName}`);

      await page.getByRole('link', { name: w.title }).click();
      await page.waitForURL(`${cb.base}/console/campaigns/${caravanId}`);
      await page.getByRole('heading', { name: w.title, level: 1 }).waitFor();
      await page.getByRole('button', { name: /09:00–12:00/ }).first().waitFor();
      expect(await page.getByRole('link', { name: w.edit }).count()).toBe(0);

      // Back to the list of organisations, to look at another one.
      await page.goto(`${cb.base}/console/campaigns`);
      await page.getByRole('link', { name: w.change }).click();
      await page.getByRole('button', { name: w.viewOther }).click();
      await page.getByRole('link', { name: w.other }).waitFor();
      expect(await page.getByRole('link', { name: w.title }).count()).toBe(0);
      await context.close();
    });
  }
});

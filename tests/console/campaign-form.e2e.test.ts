// A coordinator creates a campaign through the form, on a phone, in French and in Arabic: two services over
// three days, a mistake shown beside its field and fixed in place, then the campaign in the list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../../src/domain/clock.ts';
import { addDays } from '../support/conversation-harness.ts';
import { langAndDir, LAPTOP, overflowingText, PHONE, screenshot, screenshotOf, startConsoleBrowser, type ConsoleBrowser } from '../support/console-browser.ts';
import { addConsoleStaff } from '../support/console-staff.ts';
import { bookAsVillager, SimulatorVillager } from '../support/simulator-villager.ts';

let cb: ConsoleBrowser;
const PASSWORD = 'caravane-dades-2027';
const today = () => localDay(new Date(), 'Africa/Casablanca');

beforeAll(async () => {
  cb = await startConsoleBrowser();
  await addConsoleStaff(cb.t.db, { name: 'Fatima Zahra Amrani', role: 'coordinator', organisation: 'association-sante-dades', email: 'fatima@dades.ma', password: PASSWORD });
  await addConsoleStaff(cb.t.db, { name: 'نادية الإدريسي', role: 'coordinator', organisation: 'association-sante-dades', email: 'nadia@dades.ma', password: PASSWORD });
});
afterAll(async () => {
  await cb.close();
});

const WORDS = {
  fr: { newCampaign: 'Nouvelle campagne', slug: 'Identifiant (lettres minuscules, chiffres et tirets) *', titleFr: 'Titre en français', titleAr: 'Titre en arabe', province: 'Province ou préfecture *', commune: 'Commune *', venue: 'Nom du lieu *', lat: 'Latitude *', lon: 'Longitude *', first: 'Premier jour *', last: 'Dernier jour *', service: 'Service', copy: 'Copier le premier jour sur tous les jours', addService: 'Ajouter un service', end: 'Fin', status: 'État', published: 'Publiée', save: 'Enregistrer', endError: 'La fin doit venir après le début.', oneError: 'Une erreur à corriger.', upcoming: 'À venir', left: 'Places libres', list: 'Campagnes', sectionServices: 'Les services', edit: 'Modifier', editTitle: 'Modifier la campagne' },
  ar: { newCampaign: 'حملة جديدة', slug: 'المعرّف (حروف لاتينية صغيرة وأرقام وشرطات) *', titleFr: 'العنوان بالفرنسية', titleAr: 'العنوان بالعربية', province: 'الإقليم أو العمالة *', commune: 'الجماعة *', venue: 'اسم المكان *', lat: 'خط العرض *', lon: 'خط الطول *', first: 'اليوم الأول *', last: 'اليوم الأخير *', service: 'الخدمة', copy: 'نسخ اليوم الأول على كل الأيام', addService: 'إضافة خدمة', end: 'النهاية', status: 'الحالة', published: 'منشورة', save: 'حفظ', endError: 'يجب أن تأتي النهاية بعد البداية.', oneError: 'خطأ واحد يجب تصحيحه.', upcoming: 'قادمة', left: 'الأماكن المتبقية', list: 'الحملات', sectionServices: 'الخدمات', edit: 'تعديل', editTitle: 'تعديل الحملة' },
} as const;

describe('the campaign form', () => {
  for (const [language, login, slug, titleFr, titleAr] of [
    ['fr', 'fatima@dades.ma', 'tinghir-printemps', 'Caravane de printemps à Tinghir', 'قافلة الربيع بتنغير'],
    ['ar', 'nadia@dades.ma', 'tinghir-rabi3', 'Caravane des yeux à Tinghir', 'قافلة العيون بتنغير'],
  ] as const) {
    it(`creates a published campaign of two services over three days, a wrong window fixed in place (${language})`, async () => {
      const w = WORDS[language];
      const { context, page } = await cb.open(PHONE, language);
      await cb.signIn(page, login, PASSWORD);
      if (language === 'ar') await page.getByRole('button', { name: 'Langue: العربية' }).click();
      await page.getByRole('link', { name: w.newCampaign }).click();
      await page.getByRole('heading', { name: w.newCampaign, level: 1 }).waitFor();
      const first = addDays(today(), 20);
      await page.getByLabel(w.slug).fill(slug);
      await page.getByLabel(w.titleFr).fill(titleFr);
      await page.getByLabel(w.titleAr, { exact: true }).fill(titleAr);
      await page.getByLabel(w.province).fill(language === 'ar' ? 'تنغير' : 'Tinghir');
      await page.getByLabel(w.commune).fill('Tinghir');
      await page.getByLabel(w.venue).fill('Centre de santé Tinghir');
      await page.getByLabel(w.lat).fill('31.514');
      await page.getByLabel(w.lon).fill('-5.532');
      await page.getByLabel(w.first).fill(first);
      await page.getByLabel(w.last).fill(addDays(first, 2));

      const general = page.getByRole('group', { name: `${w.service} 1` });
      await general.getByRole('spinbutton').first().fill('40');
      await general.getByRole('button', { name: w.copy }).click();
      await page.getByRole('button', { name: w.addService }).click();
      const eyes = page.getByRole('group', { name: `${w.service} 2` });
      await eyes.getByRole('spinbutton').first().fill('20');
      await eyes.getByRole('button', { name: w.copy }).click();
      expect(await eyes.getByRole('spinbutton').evaluateAll((cells) => cells.map((c) => (c as unknown as { value: string }).value))).toEqual(['20', '20', '20']);
      await eyes.getByLabel(w.end, { exact: true }).fill('08:30');
      await page.getByLabel(w.status).selectOption('published');

      await page.getByRole('button', { name: w.save }).click();
      await eyes.getByText(w.endError).waitFor();
      await page.getByText(w.oneError).waitFor();
      expect(await eyes.getByLabel(w.end, { exact: true }).getAttribute('aria-invalid')).toBe('true');
      expect(await page.evaluate<string>("document.activeElement ? document.activeElement.id : ''")).toBe('service-1-row-0-end');
      if (language === 'ar') expect(await langAndDir(page)).toEqual(['ar', 'rtl']);
      expect(await overflowingText(page)).toEqual([]);
      await screenshot(page, `campaign-form-${language}-phone`);
      await screenshotOf(page.getByRole('group', { name: w.sectionServices }), `campaign-form-services-${language}-phone`);

      await eyes.getByLabel(w.end, { exact: true }).fill('11:00');
      await page.getByRole('button', { name: w.save }).click();
      await page.waitForURL(`${cb.base}/console/campaigns`);
      const card = page.getByRole('listitem').filter({ hasText: language === 'ar' ? titleAr : titleFr });
      await card.waitFor();
      // 3 days x (40 + 20) places, none booked yet.
      expect(await card.getByRole('definition').allTextContents()).toEqual(['0', '180']);
      await page.getByRole('heading', { name: w.upcoming }).waitFor();
      expect(await overflowingText(page)).toEqual([]);
      await screenshot(page, `campaigns-${language}-phone`);

      const slots = await cb.t.db.selectFrom('slots as s').innerJoin('campaigns as c', 'c.id', 's.campaign_id').select(['s.service', 's.capacity', 's.day']).where('c.slug', '=', slug).execute();
      expect(slots).toHaveLength(6);
      expect(slots.filter((s) => s.service === 'ophthalmology').map((s) => [s.capacity])).toEqual([[20], [20], [20]]);
      const campaign = await cb.t.db.selectFrom('campaigns').select(['status', 'first_day', 'last_day']).where('slug', '=', slug).executeTakeFirstOrThrow();
      expect(campaign).toMatchObject({ status: 'published' });

      // Published, it is open to villagers: one books an eye consultation on its first day through the chat,
      // in the form's language, picking it by the title they read; its page counts the place.
      const { phone, ...person } = language === 'ar'
        ? ({ phone: '+212661230002', name: 'فاطمة أوحمو', sex: 'female', campaign: titleAr } as const)
        : ({ phone: '+212661230001', name: 'Hassan Ait Ouahmane', sex: 'male', campaign: titleFr } as const);
      await bookAsVillager(new SimulatorVillager(cb.base, phone), { ...person, locale: language, age: 47, commune: 'Tinghir', service: 'ophthalmology', day: first, window: '09:00-11:00' });

      // Edited from its page: the form opens with the campaign's file, the slug fixed, and saves in place.
      await card.getByRole('link').click();
      await page.getByRole('button', { name: /09:00–11:00\s*1 \/ 20/ }).waitFor();
      // On the first day's window, not another day's.
      const figures = await page.getByRole('button', { name: /09:00–11:00/ }).allTextContents();
      expect(figures.map((text) => /11:00\s*(\d+ \/ \d+)/.exec(text)?.[1])).toEqual(['1 / 20', '0 / 20', '0 / 20']);
      await page.getByRole('link', { name: w.edit }).click();
      await page.getByRole('heading', { name: w.editTitle, level: 1 }).waitFor();
      await expect.poll(() => page.getByLabel(w.slug).inputValue()).toBe(slug);
      expect(await page.getByLabel(w.slug).getAttribute('readonly')).not.toBeNull();
      const general2 = page.getByRole('group', { name: `${w.service} 1` });
      await general2.getByRole('spinbutton').first().waitFor();
      expect(await general2.getByRole('spinbutton').evaluateAll((cells) => cells.map((c) => (c as unknown as { value: string }).value))).toEqual(['40', '40', '40']);
      await general2.getByRole('spinbutton').first().fill('55');
      await page.getByRole('button', { name: w.save }).click();
      await page.getByRole('button', { name: /09:00–12:00\s*0 \/ 55/ }).waitFor();
      expect(await cb.t.db.selectFrom('slots as s').innerJoin('campaigns as c', 'c.id', 's.campaign_id').select('s.capacity').where('c.slug', '=', slug).where('s.service', '=', 'general_medicine').orderBy('s.day').execute()).toEqual([{ capacity: 55 }, { capacity: 40 }, { capacity: 40 }]);
      await context.close();
    });
  }

  it('shows the API\'s refusal beside the field: a slug another organisation already uses', async () => {
    await addConsoleStaff(cb.t.db, { name: 'Autre', role: 'coordinator', organisation: 'delegation-nouaceur', email: 'autre@nouaceur.ma', password: PASSWORD });
    const { context, page } = await cb.open(LAPTOP, 'fr');
    await cb.signIn(page, 'autre@nouaceur.ma', PASSWORD);
    await page.goto(`${cb.base}/console/campaigns/new`);
    const w = WORDS.fr;
    await page.getByLabel(w.slug).fill('tinghir-printemps');
    await page.getByLabel(w.titleFr).fill('Caravane de Nouaceur');
    await page.getByLabel(w.province).fill('nouaceur');
    await page.getByLabel(w.commune).fill('Dar Bouazza');
    await page.getByLabel(w.venue).fill('Centre de santé');
    await page.getByLabel(w.lat).fill('33.52');
    await page.getByLabel(w.lon).fill('-7.81');
    const first = addDays(today(), 30);
    await page.getByLabel(w.first).fill(first);
    await page.getByLabel(w.last).fill(first);
    await page.getByRole('group', { name: 'Service 1' }).getByRole('spinbutton').first().fill('100');
    await page.getByRole('button', { name: w.save }).click();
    await page.getByText('Cet identifiant est déjà pris : choisissez-en un autre.').waitFor();
    expect(await page.getByLabel(w.slug).getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'campaign-form-fr-laptop');
    await context.close();
  });

  it('saves a campaign titled in Arabic only, after saying beside the titles that one is needed (ar)', async () => {
    await addConsoleStaff(cb.t.db, { name: 'سعاد أوعلي', role: 'coordinator', organisation: 'association-sante-dades', email: 'souad@dades.ma', password: PASSWORD });
    const w = WORDS.ar;
    const { context, page } = await cb.open(PHONE, 'ar');
    await cb.signIn(page, 'souad@dades.ma', PASSWORD);
    await page.getByRole('button', { name: 'Langue: العربية' }).click();
    await page.getByRole('link', { name: w.newCampaign }).click();
    await page.getByRole('heading', { name: w.newCampaign, level: 1 }).waitFor();
    const first = addDays(today(), 40);
    await page.getByLabel(w.slug).fill('tinghir-asnan');
    await page.getByLabel(w.province).fill('تنغير');
    await page.getByLabel(w.commune).fill('تنغير');
    await page.getByLabel(w.venue).fill('المركز الصحي تنغير');
    await page.getByLabel(w.lat).fill('31.514');
    await page.getByLabel(w.lon).fill('-5.532');
    await page.getByLabel(w.first).fill(first);
    await page.getByLabel(w.last).fill(first);
    await page.getByRole('group', { name: `${w.service} 1` }).getByRole('spinbutton').first().fill('30');

    await page.getByRole('button', { name: w.save }).click();
    const titles = page.getByRole('group', { name: 'العنوان' });
    await titles.getByText('أدخل عنوانًا بالفرنسية أو بالعربية.').waitFor();
    await page.getByText(w.oneError).waitFor();
    expect(await titles.getByLabel(w.titleFr).getAttribute('aria-invalid')).toBe('true');
    expect(await titles.getByLabel(w.titleAr, { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate<string>("document.activeElement ? document.activeElement.id : ''")).toBe('title-fr');
    expect(await overflowingText(page)).toEqual([]);
    await screenshotOf(titles, 'campaign-form-title-missing-ar-phone');

    await titles.getByLabel(w.titleAr, { exact: true }).fill('قافلة الأسنان بتنغير');
    await page.getByRole('button', { name: w.save }).click();
    await page.waitForURL(`${cb.base}/console/campaigns`);
    await page.getByRole('listitem').filter({ hasText: 'قافلة الأسنان بتنغير' }).waitFor();
    expect(await cb.t.db.selectFrom('campaigns').select('title').where('slug', '=', 'tinghir-asnan').executeTakeFirstOrThrow()).toEqual({ title: { ar: 'قافلة الأسنان بتنغير' } });
    // In French the list shows the only title there is, marked as Arabic.
    await page.getByRole('button', { name: 'اللغة: Français' }).click();
    const heading = page.getByRole('heading', { name: 'قافلة الأسنان بتنغير', level: 3 });
    await heading.waitFor();
    expect(await heading.getAttribute('lang')).toBe('ar');
    await screenshot(page, 'campaigns-arabic-title-fr-phone');
    await context.close();
  });
});

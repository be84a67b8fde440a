// The check-in desk in the browser, on a phone, in French and Arabic: a code typed as people type it
// finds the person at once; "arrived" records it; a second time says so; and every refusal is plain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay } from '../../src/domain/clock.ts';
import { addPerson, book, cancel } from '../support/capacity-world.ts';
import { addDays } from '../support/conversation-harness.ts';
import { langAndDir, lowContrastText, overflowingText, PHONE, screenshot, startConsoleBrowser, type ConsoleBrowser } from '../support/console-browser.ts';
import { addConsoleStaff } from '../support/console-staff.ts';
import { importTestCampaign } from '../support/fixtures.ts';

let cb: ConsoleBrowser;
let campaignId: number;
const PASSWORD = 'accueil-nouaceur-2027';
const today = localDay(new Date(), 'Africa/Casablanca');
const codes = { aicha: '', omar: '', fadma: '', hassan: '', lahcen: '' };

async function codeOf(appointmentId: number): Promise<string> {
  return (await cb.t.db.selectFrom('appointments').select('code').where('id', '=', appointmentId).executeTakeFirstOrThrow()).code;
}
async function slot(service: string, day: string): Promise<number> {
  return (await cb.t.db.selectFrom('slots').select('id').where('campaign_id', '=', campaignId).where('service', '=', service).where('day', '=', day).executeTakeFirstOrThrow()).id;
}

beforeAll(async () => {
  cb = await startConsoleBrowser();
  campaignId = await importTestCampaign(cb.t.db, {
    slug: 'nouaceur-day',
    title: { fr: 'Caravane de Nouaceur', ar: 'قافلة النواصر' },
    firstDay: today,
    lastDay: addDays(today, 1),
    services: [
      { code: 'dental', windows: [{ start: '09:00', end: '12:00', capacity: 30 }] },
      { code: 'surgery', requiresFasting: true, windows: [{ start: '08:00', end: '10:00', capacity: 4 }] },
    ],
  });
  const person = (name: string, phone: string) => addPerson(cb.t.db, { name, sex: 'female', birthYear: 1971, commune: 'Dar Bouazza', phone });
  codes.aicha = await codeOf((await book(cb.t.db, await person('Aicha Bennani', '+212612000001'), await slot('dental', today))).id);
  codes.hassan = await codeOf((await book(cb.t.db, await person('Hassan Ait Ali', '+212612000002'), await slot('dental', today))).id);
  codes.omar = await codeOf((await book(cb.t.db, await person('Omar El Fassi', '+212612000003'), await slot('dental', addDays(today, 1)))).id);
  codes.fadma = await codeOf((await book(cb.t.db, await person('Fadma Ouhmad', '+212612000004'), await slot('surgery', today))).id);
  const lahcen = await book(cb.t.db, await person('Lahcen Id Brahim', '+212612000005'), await slot('dental', today));
  codes.lahcen = await codeOf(lahcen.id);
  await cancel(cb.t.db, lahcen.id);
  await addConsoleStaff(cb.t.db, { name: 'Amina Desk', role: 'desk', email: 'amina@nouaceur.ma', password: PASSWORD });
});
afterAll(async () => {
  await cb.close();
});

/** As a volunteer types a code read off a phone: lower case, a space and a dash in the middle. */
const sloppy = (code: string) => `${code.slice(0, 3).toLowerCase()} - ${code.slice(3).toLowerCase()}`;

const WORDS = {
  fr: { switchTo: 'اللغة: Français', code: 'Code de confirmation', lookUp: 'Chercher', arrived: 'Arrivé(e)', checkedIn: /Arrivée enregistrée à/, already: /Déjà enregistré\(e\) à .* par .?Amina Desk/, otherDay: /autre jour/, cancelled: 'Ce rendez-vous a été annulé.', unknown: 'Code inconnu. Vérifiez-le avec la personne.', malformed: /Ce n’est pas un code/, fasting: /doit être à jeun/, title: 'Accueil des arrivées' },
  ar: { switchTo: 'Langue: العربية', code: 'رمز التأكيد', lookUp: 'بحث', arrived: 'وصل', checkedIn: /سُجّل الوصول على الساعة/, already: /سُجّل وصوله من قبل .*Amina Desk/, otherDay: /ليوم آخر/, cancelled: 'أُلغي هذا الموعد.', unknown: 'رمز غير معروف. تحقّق منه مع الشخص.', malformed: /هذا ليس رمزا/, fasting: /يجب أن يكون الشخص صائما/, title: 'استقبال الوافدين' },
} as const;

describe('the check-in desk', () => {
  for (const language of ['fr', 'ar'] as const) {
    it(`checks people in by code and says plainly why not (${language}, phone)`, async () => {
      const w = WORDS[language];
      const { context, page } = await cb.open(PHONE, language);
      await cb.signIn(page, 'amina@nouaceur.ma', PASSWORD);
      // The desk's language is the member's, saved by the last test: switch when it differs.
      const switchTo = page.getByRole('button', { name: w.switchTo });
      if (await switchTo.count()) await switchTo.click();
      await page.getByRole('link', { name: language === 'ar' ? 'قافلة النواصر' : 'Caravane de Nouaceur' }).click();
      await page.getByRole('heading', { name: w.title, level: 1 }).waitFor();
      expect((await langAndDir(page))[1]).toBe(language === 'ar' ? 'rtl' : 'ltr');
      const field = page.getByLabel(w.code);
      const result = page.getByRole('region', { name: language === 'ar' ? 'النتيجة' : 'Résultat' });
      const lookUp = async (typed: string) => {
        await field.fill(typed);
        await page.getByRole('button', { name: w.lookUp }).click();
      };

      // The person at once, then "arrived".
      const who = language === 'fr' ? codes.aicha : codes.hassan;
      await lookUp(sloppy(who));
      await result.getByRole('heading', { name: language === 'fr' ? 'Aicha Bennani' : 'Hassan Ait Ali' }).waitFor();
      expect(await overflowingText(page)).toEqual([]);
      await screenshot(page, `desk-person-${language}-phone`);
      await result.getByRole('button', { name: w.arrived }).click();
      await result.getByText(w.checkedIn).waitFor();
      expect(await lowContrastText(page)).toEqual([]);
      await screenshot(page, `desk-arrived-${language}-phone`);
      const status = async (code: string) => (await cb.t.db.selectFrom('appointments').select('status').where('code', '=', code).executeTakeFirstOrThrow()).status;
      expect(await status(who)).toBe('attended');

      // Twice: harmless, and said.
      await lookUp(who);
      await result.getByRole('button', { name: w.arrived }).click();
      await result.getByText(w.already).waitFor();

      // Surgery: the fasting reminder.
      await lookUp(codes.fadma);
      await result.getByText(w.fasting).waitFor();

      // Refusals.
      await lookUp(codes.omar);
      await result.getByText(w.otherDay).waitFor();
      expect(await status(codes.omar)).toBe('booked');
      await lookUp(codes.lahcen);
      await result.getByText(w.cancelled).waitFor();
      await lookUp('K7F');
      await result.getByText(w.malformed).waitFor();
      const nobody = ['AAAAAA', 'BBBBBB', 'CCCCCC'].find((c) => !Object.values(codes).includes(c)) ?? 'AAAAAA';
      await lookUp(nobody);
      await result.getByText(w.unknown).waitFor();
      expect(await overflowingText(page)).toEqual([]);
      expect(await lowContrastText(page)).toEqual([]);
      await screenshot(page, `desk-refused-${language}-phone`);
      await context.close();
    });
  }
});

// A service's queue in the browser, on a doctor's phone, in French and Arabic: the people the desk checked
// in, next first; "seen" moves a person to the seen; "operated" in surgery says the check-ins start; the
// page picks up a new arrival by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { inTransaction } from '../../src/db/transaction.ts';
import { DateTime } from 'luxon';
import { localDay } from '../../src/domain/clock.ts';
import { checkIn } from '../../src/domain/venue/index.ts';
import { addPerson, book, somebody } from '../support/capacity-world.ts';
import { type ConsoleBrowser, inLanguage, langAndDir, LAPTOP, lowContrastText, overflowingText, PHONE, screenshot, startConsoleBrowser } from '../support/console-browser.ts';
import { addConsoleStaff } from '../support/console-staff.ts';
import { importNouaceurDay } from '../support/desk-world.ts';

let cb: ConsoleBrowser;
let campaignId: number;
let organisationId: number;
let desk: { kind: 'staff'; id: number };
const PASSWORD = 'bloc-operatoire-2027';
const ZONE = 'Africa/Casablanca';
const today = localDay(new Date(), ZONE);

async function slot(service: string): Promise<number> {
  return (await cb.t.db.selectFrom('slots').select('id').where('campaign_id', '=', campaignId).where('service', '=', service).where('day', '=', today).executeTakeFirstOrThrow()).id;
}

/**
 * Booked, then checked in at the desk `minutesAgo` minutes before noon today: a fixed hour of the day, so
 * the arrivals never fall before midnight (the desk's clock would bound them to the day's start).
 */
async function arrives(name: string, service: string, minutesAgo: number): Promise<void> {
  const { code } = await book(cb.t.db, await addPerson(cb.t.db, { ...somebody(name), commune: 'Dar Bouazza' }), await slot(service));
  const now = DateTime.fromISO(today, { zone: ZONE }).set({ hour: 12 }).toJSDate();
  const at = new Date(now.getTime() - minutesAgo * 60_000);
  await inTransaction(cb.t.db, (trx) => checkIn(trx, desk, organisationId, { campaignId, day: today, code, clientId: crypto.randomUUID(), at }, { now, zone: ZONE }));
}

beforeAll(async () => {
  cb = await startConsoleBrowser();
  campaignId = await importNouaceurDay(cb.t.db, 'nouaceur-queues', today);
  organisationId = (await cb.t.db.selectFrom('campaigns').select('organisation_id').where('id', '=', campaignId).executeTakeFirstOrThrow()).organisation_id;
  desk = { kind: 'staff', id: (await addConsoleStaff(cb.t.db, { name: 'Amina Desk', role: 'desk', email: 'amina@nouaceur.ma', password: PASSWORD })).id };
  await addConsoleStaff(cb.t.db, { name: 'Dr Alami', role: 'medical', email: 'alami@nouaceur.ma', password: PASSWORD });
});
afterAll(async () => {
  await cb.close();
});

const WORDS = {
  fr: {
    switchTo: 'اللغة: Français', queueLink: 'File d’attente : 2', title: 'File d’attente', toSee: /^À voir/, seenList: 'Vus', seen: 'Vu(e)', operated: 'Opéré(e)',
    service: 'Service', surgery: 'Chirurgie', twoWaiting: '2 en attente', oneWaiting: '1 en attente', seenAt: /Vu\(e\) à/, checkinsStart: /opération enregistrée\. Les suivis par message commencent/,
    people: { first: 'Hassan Ait Ali', second: 'Aicha Bennani', operated: 'Fadma Ouhmad', late: 'Omar El Fassi' },
  },
  ar: {
    switchTo: 'Langue: العربية', queueLink: 'طابور الفحص: 2', title: 'طابور الفحص', toSee: /^في انتظار الفحص/, seenList: 'تمّ فحصهم', seen: 'تمّ الفحص', operated: 'أُجريت العملية',
    service: 'الخدمة', surgery: 'الجراحة', twoWaiting: 'في الانتظار: 2', oneWaiting: 'في الانتظار: 1', seenAt: /فُحص على الساعة/, checkinsStart: /سُجّلت العملية\. تبدأ رسائل المتابعة/,
    people: { first: 'Zahra Amghar', second: 'Karim Bouzid', operated: 'Lahcen Id Brahim', late: 'Naima Talbi' },
  },
} as const;

/** The card of one person in one of the two lists. */
const card = (page: Page, list: RegExp | string, name: string) => page.getByRole('list', { name: list }).getByRole('listitem').filter({ hasText: name });

describe("a service's queue", () => {
  for (const language of ['fr', 'ar'] as const) {
    it(`calls the checked-in in order, marks them seen and operated, and keeps up with the desk (${language}, phone)`, async () => {
      const w = WORDS[language];
      // The morning so far: whoever an earlier test checked in has been seen.
      await cb.t.db.updateTable('appointments').set({ seen_at: new Date() }).where('campaign_id', '=', campaignId).where('status', '=', 'attended').where('seen_at', 'is', null).execute();
      // Same window: the one who arrived first comes first, though checked in second.
      await arrives(w.people.second, 'dental', 10);
      await arrives(w.people.first, 'dental', 40);
      await arrives(w.people.operated, 'surgery', 30);

      const { context, page } = await cb.open(PHONE, language);
      await cb.signIn(page, 'alami@nouaceur.ma', PASSWORD);
      await inLanguage(page, language);
      // Medical staff open on their alerts; the campaigns are in the menu.
      await page.getByRole('navigation').getByRole('link', { name: language === 'ar' ? 'الحملات' : 'Campagnes' }).click();
      await page.getByRole('link', { name: language === 'ar' ? 'قافلة النواصر' : 'Caravane de Nouaceur' }).click();
      // From the campaign's figures: today's dental queue, with its count.
      await page.getByRole('link', { name: w.queueLink }).first().click();
      await page.getByRole('heading', { name: w.title, level: 1 }).waitFor();
      expect(await langAndDir(page)).toEqual([language, language === 'ar' ? 'rtl' : 'ltr']);
      const toSee = page.getByRole('list', { name: w.toSee });
      await toSee.getByRole('listitem').first().waitFor();
      expect(await page.getByRole('heading', { level: 2, name: w.toSee }).textContent()).toContain(w.twoWaiting);
      expect(await toSee.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining(w.people.first), expect.stringContaining(w.people.second)]);

      // Seen: the person moves below, the count goes down.
      await card(page, w.toSee, w.people.second).getByRole('button', { name: w.seen }).click();
      await card(page, w.seenList, w.people.second).getByText(w.seenAt).waitFor();
      expect(await toSee.getByRole('listitem').count()).toBe(1);
      expect(await page.getByRole('heading', { level: 2, name: w.toSee }).textContent()).toContain(w.oneWaiting);

      // The desk checks someone in: the page shows them within its 5 seconds.
      await arrives(w.people.late, 'dental', 1);
      await card(page, w.toSee, w.people.late).waitFor({ timeout: 8_000 });
      expect(await overflowingText(page)).toEqual([]);
      expect(await lowContrastText(page)).toEqual([]);
      await screenshot(page, `queue-${language}-phone`);

      // Surgery: "operated" records the procedure, says the check-ins start, and the person moves below.
      await page.getByLabel(w.service).selectOption({ label: w.surgery });
      await page.waitForURL(/service=surgery/);
      await card(page, w.toSee, w.people.operated).getByRole('button', { name: w.operated }).click();
      await page.getByText(w.checkinsStart).waitFor();
      await card(page, w.seenList, w.people.operated).waitFor();
      const operated = await cb.t.db
        .selectFrom('appointments as a')
        .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
        .select(['a.procedure_done_at', (eb) => eb.selectFrom('notifications as n').whereRef('n.appointment_id', '=', 'a.id').select((x) => x.fn.countAll<string>().as('n')).as('checkins')])
        .where('b.full_name', '=', w.people.operated)
        .executeTakeFirstOrThrow();
      expect(operated.procedure_done_at).not.toBeNull();
      expect(Number(operated.checkins)).toBeGreaterThan(0);
      expect(await overflowingText(page)).toEqual([]);
      expect(await lowContrastText(page)).toEqual([]);
      await screenshot(page, `queue-surgery-${language}-phone`);
      // The same page on a laptop at the venue's table.
      await page.setViewportSize(LAPTOP);
      expect(await overflowingText(page)).toEqual([]);
      await screenshot(page, `queue-surgery-${language}-laptop`);
      await context.close();
    });
  }
});

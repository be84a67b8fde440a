// Post-operative alerts and the audit log in the browser, in French and Arabic, on a phone and a laptop:
// a villager booked through the chat engine is operated, answers their first check-in "unbearable pain"
// through the same engine, the alert appears on the medical staff's open page, and they call, take it
// and write a note; the coordinator then finds those acts in the audit log, filtered by member, kind and day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DateTime } from 'luxon';
import { localDay } from '../../src/domain/clock.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { fireNotification } from '../../src/scheduling/fire-notification.ts';
import { DEFAULT_QUIET_HOURS } from '../../src/scheduling/quiet-hours.ts';
import { type ConsoleBrowser, inLanguage, langAndDir, LAPTOP, lowContrastText, overflowingText, PHONE, screenshot, startConsoleBrowser } from '../support/console-browser.ts';
import { addConsoleStaff } from '../support/console-staff.ts';
import { addDays } from '../support/conversation-harness.ts';
import { importNouaceurDay } from '../support/desk-world.ts';
import { bookAsVillager, SimulatorVillager } from '../support/simulator-villager.ts';

const ZONE = 'Africa/Casablanca';
const today = localDay(new Date(), ZONE);
const tomorrow = addDays(today, 1);
const noonOf = (day: string) => DateTime.fromISO(day, { zone: ZONE }).set({ hour: 12 }).toJSDate();
const PASSWORD = 'suivi-post-operatoire';
let cb: ConsoleBrowser;
let medicalToken = '';
let medicalId = 0;

beforeAll(async () => {
  cb = await startConsoleBrowser();
  await importNouaceurDay(cb.t.db, 'nouaceur-alerts', today);
  const medical = await addConsoleStaff(cb.t.db, { name: 'Dr Alami', role: 'medical', email: 'alami@nouaceur.ma', password: PASSWORD });
  medicalToken = medical.token;
  medicalId = medical.id;
  await addConsoleStaff(cb.t.db, { name: 'Khadija', role: 'coordinator', email: 'khadija@nouaceur.ma', password: PASSWORD });
});
afterAll(async () => {
  await cb.close();
});

const WORDS = {
  fr: {
    switchTo: 'اللغة: Français', nav: 'Alertes', waiting: (n: number) => `${n} sans prise en charge`, title: 'Alertes après opération', urgent: 'Urgent', day: 'J+1', reason: 'Douleur : Insupportable',
    call: 'Appeler le', take: 'Je prends en charge', taken: /Prise en charge par \u2068Dr Alami\u2069/, noteLabel: 'Ajouter une note', note: 'Appelé, vient au centre de santé', addNote: 'Ajouter la note',
    checkin: /Suivi J\+1/, pain: 'Insupportable ⚠ signe inquiétant', person: { name: 'Brahim Oulad', phone: '+212661000101' },
    audit: 'Journal', auditTitle: 'Journal d’audit', staff: 'Membre de l’équipe', kind: 'Type d’action', dayLabel: 'Jour', acknowledged: 'Alerte prise en charge', shown: 'Téléphone d’un patient affiché (alerte)', empty: 'Aucune entrée pour ces filtres.',
  },
  ar: {
    switchTo: 'Langue: العربية', nav: 'التنبيهات', waiting: (n: number) => `${n} دون تكفّل`, title: 'تنبيهات ما بعد العملية', urgent: 'عاجل', day: 'اليوم 1 بعد العملية', reason: 'الألم: لا يُحتمل',
    call: 'اتصل بالرقم', take: 'أتكفّل به', taken: /تكفّل به \u2068Dr Alami\u2069/, noteLabel: 'إضافة ملاحظة', note: 'اتصلت به، سيأتي إلى المركز الصحي', addNote: 'أضف الملاحظة',
    checkin: /متابعة اليوم 1/, pain: 'لا يُحتمل ⚠ علامة مقلقة', person: { name: 'Fadma Ait Ali', phone: '+212661000202' },
    audit: 'السجل', auditTitle: 'سجل العمليات', staff: 'عضو الفريق', kind: 'نوع العملية', dayLabel: 'اليوم', acknowledged: 'التكفّل بتنبيه', shown: 'عرض هاتف مريض (تنبيه)', empty: 'لا توجد عمليات بهذه التصفية.',
  },
} as const;

/**
 * Booked through the simulator for surgery tomorrow, operated (as if yesterday), then their first check-in
 * fires and they answer it through the same engine: unbearable pain, then the other questions.
 */
async function operatedAndInPain(person: { name: string; phone: string }): Promise<number> {
  const v = new SimulatorVillager(cb.base, person.phone);
  const age = 58;
  await bookAsVillager(v, { locale: 'fr', name: person.name, sex: 'male', age, commune: "Kelâat M'Gouna", campaign: 'Caravane de Nouaceur', service: 'surgery', day: tomorrow, window: '08:00-10:00' });
  const appointment = await cb.t.db.selectFrom('appointments as a').innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id').select(['a.id', 'b.contact_id']).where('b.full_name', '=', person.name).executeTakeFirstOrThrow();
  // The simulator's page is no chat a check-in can go to: the same person also writes on Telegram.
  await cb.t.db.insertInto('contact_identities').values({ channel: 'telegram', external_id: person.phone.slice(-9), contact_id: appointment.contact_id }).execute();
  const done = await cb.app.inject({ method: 'POST', url: `/admin/api/appointments/${appointment.id}/procedure-done`, headers: { authorization: `Bearer ${medicalToken}` } });
  expect(done.statusCode).toBe(200);
  await cb.t.db.updateTable('appointments').set({ procedure_done_at: noonOf(addDays(today, -1)) }).where('id', '=', appointment.id).execute();
  const day1 = await cb.t.db.selectFrom('notifications').select('id').where('appointment_id', '=', appointment.id).where('label', '=', 'day_1').executeTakeFirstOrThrow();
  const fire = { db: cb.t.db, t: createTranslator(loadResources()), zone: ZONE, quiet: DEFAULT_QUIET_HOURS };
  expect((await fireNotification(fire, day1.id, noonOf(tomorrow))).kind).toBe('sent');
  for (const answer of ['4', '2', '2', '2', '1']) await v.send(answer);
  return appointment.id;
}

async function signedIn(size: typeof PHONE | typeof LAPTOP, language: 'fr' | 'ar', login: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const { context, page } = await cb.open(size, language);
  await cb.signIn(page, login, PASSWORD);
  await inLanguage(page, language);
  return { page, close: () => context.close() };
}

/** Open alerts nobody has taken yet, in the database: what the header's badge must show. */
async function alertsWaiting(): Promise<number> {
  const row = await cb.t.db.selectFrom('staff_alerts').select((eb) => eb.fn.countAll<string>().as('n')).where('acknowledged_at', 'is', null).where('resolved_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function looksRight(page: Page, language: 'fr' | 'ar', name: string): Promise<void> {
  expect(await langAndDir(page)).toEqual([language, language === 'ar' ? 'rtl' : 'ltr']);
  expect(await overflowingText(page)).toEqual([]);
  expect(await lowContrastText(page)).toEqual([]);
  await screenshot(page, name);
}

describe('medical alerts and the audit log', () => {
  for (const language of ['fr', 'ar'] as const) {
    it(`shows a red-flag answer as an urgent alert on the open page, with the answers and the phone, and takes it (${language})`, async () => {
      const w = WORDS[language];
      const { page, close } = await signedIn(PHONE, language, 'alami@nouaceur.ma');
      await page.getByRole('link', { name: w.nav }).click();
      await page.getByRole('heading', { name: w.title, level: 1 }).waitFor();
      await page.evaluate('window.qafilaMarker = "no reload"');
      // The patient answers while the page is open: the alert arrives by itself within the page's 15 seconds.
      const appointmentId = await operatedAndInPain(w.person);
      const card = page.getByRole('list', { name: w.title }).getByRole('listitem').filter({ hasText: w.person.name });
      await card.waitFor({ timeout: 20_000 });
      expect(await page.evaluate<string>('window.qafilaMarker')).toBe('no reload');
      // The header counts the alerts nobody has taken, live too.
      const waiting = await alertsWaiting();
      expect(waiting).toBeGreaterThan(0);
      await page.getByRole('navigation').getByRole('link', { name: `${w.nav} ${w.waiting(waiting)}`, exact: true }).waitFor({ timeout: 20_000 });
      expect(await card.textContent()).toContain(w.urgent);
      expect(await card.textContent()).toContain(w.day);
      expect(await card.textContent()).toContain(w.reason);
      await looksRight(page, language, `alerts-${language}-phone`);
      await page.setViewportSize(LAPTOP);
      await looksRight(page, language, `alerts-${language}-laptop`);
      await page.setViewportSize(PHONE);

      await card.getByRole('link', { name: w.person.name }).click();
      const call = page.getByRole('link', { name: `${w.call} ${w.person.phone}` });
      expect(await call.getAttribute('href')).toBe(`tel:${w.person.phone}`);
      const checkin = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: w.checkin }) });
      expect(await checkin.getByRole('definition').first().textContent()).toBe(w.pain);
      await page.getByRole('button', { name: w.take }).click();
      await page.getByText(w.taken).waitFor();
      const left = await alertsWaiting();
      expect(left).toBe(waiting - 1);
      await page.getByRole('navigation').getByRole('link', { name: left > 0 ? `${w.nav} ${w.waiting(left)}` : w.nav, exact: true }).waitFor({ timeout: 20_000 });
      await page.getByLabel(w.noteLabel).fill(w.note);
      await page.getByRole('button', { name: w.addNote }).click();
      await page.getByRole('listitem').filter({ hasText: w.note }).waitFor();
      await looksRight(page, language, `alert-detail-${language}-phone`);
      await page.setViewportSize(LAPTOP);
      await looksRight(page, language, `alert-detail-${language}-laptop`);
      await close();

      const alert = await cb.t.db.selectFrom('staff_alerts').select(['id', 'kind', 'acknowledged_by', 'details']).where('appointment_id', '=', appointmentId).executeTakeFirstOrThrow();
      expect(alert).toMatchObject({ kind: 'red_flag', acknowledged_by: medicalId, details: { question: 'pain', answer: 3 } });
      const logged = await cb.t.db.selectFrom('audit_log').select('action').where('entity', '=', 'staff_alert').where('entity_id', '=', String(alert.id)).orderBy('id').execute();
      expect(logged.map((l) => l.action)).toEqual(['staff_alert.phone_shown', 'staff_alert.acknowledge', 'staff_alert.note']);
    });

    it(`lets the coordinator filter the audit log by member, kind and day (${language})`, async () => {
      const w = WORDS[language];
      const { page, close } = await signedIn(PHONE, language, 'khadija@nouaceur.ma');
      await page.getByRole('link', { name: w.audit }).click();
      await page.getByRole('heading', { name: w.auditTitle, level: 1 }).waitFor();
      const entries = page.getByRole('list', { name: w.auditTitle }).getByRole('listitem');
      await entries.first().waitFor();
      await page.getByLabel(w.staff).selectOption({ label: 'Dr Alami' });
      await page.getByLabel(w.kind).selectOption({ label: w.acknowledged });
      await page.waitForURL(/kind=staff_alert.acknowledge/);
      await entries.first().waitFor();
      const acknowledgements = await cb.t.db.selectFrom('audit_log').select('id').where('action', '=', 'staff_alert.acknowledge').where('actor', '=', `staff:${medicalId}`).execute();
      await expect.poll(() => entries.count()).toBe(acknowledgements.length);
      for (const text of await entries.allTextContents()) expect(text).toContain(w.acknowledged);
      await page.getByLabel(w.dayLabel, { exact: true }).fill(today);
      await page.waitForURL(new RegExp(`day=${today}`));
      await expect.poll(() => entries.count()).toBe(acknowledgements.length);
      await looksRight(page, language, `audit-${language}-phone`);
      await page.setViewportSize(LAPTOP);
      await looksRight(page, language, `audit-${language}-laptop`);
      // Yesterday, nobody took any alert.
      await page.getByLabel(w.dayLabel, { exact: true }).fill(addDays(today, -1));
      await page.getByText(w.empty).waitFor();
      await close();
    });
  }
});

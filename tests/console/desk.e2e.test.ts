// The check-in desk in the browser, on a phone, in French and Arabic: a code typed as people type it
// finds the person at once; "arrived" records it; a second time says so; and every refusal is plain.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { localDay } from '../../src/domain/clock.ts';
import { addPerson, book, cancel } from '../support/capacity-world.ts';
import { addDays } from '../support/conversation-harness.ts';
import { cameraBrowser, type ConsoleBrowser, inLanguage, langAndDir, lowContrastText, overflowingText, PHONE, screenshot, startConsoleBrowser } from '../support/console-browser.ts';
import { addConsoleStaff } from '../support/console-staff.ts';
import { pngToY4m } from '../support/fake-camera.ts';
import { importNouaceurDay } from '../support/desk-world.ts';

let cb: ConsoleBrowser;
let campaignId: number;
const PASSWORD = 'accueil-nouaceur-2027';
const today = localDay(new Date(), 'Africa/Casablanca');
const codes = { aicha: '', omar: '', fadma: '', hassan: '', lahcen: '', zahra: '' };
/** 20 people for the offline morning, one more two desks both check in, one left unsent at sign-out, one after a reload offline. */
const crowd: string[] = [];

async function codeOf(appointmentId: number): Promise<string> {
  return (await cb.t.db.selectFrom('appointments').select('code').where('id', '=', appointmentId).executeTakeFirstOrThrow()).code;
}
async function slot(service: string, day: string): Promise<number> {
  return (await cb.t.db.selectFrom('slots').select('id').where('campaign_id', '=', campaignId).where('service', '=', service).where('day', '=', day).executeTakeFirstOrThrow()).id;
}

beforeAll(async () => {
  cb = await startConsoleBrowser();
  campaignId = await importNouaceurDay(cb.t.db, 'nouaceur-day', today);
  const person = (name: string, phone: string) => addPerson(cb.t.db, { name, sex: 'female', birthYear: 1971, commune: 'Dar Bouazza', phone });
  codes.aicha = await codeOf((await book(cb.t.db, await person('Aicha Bennani', '+212612000001'), await slot('dental', today))).id);
  codes.hassan = await codeOf((await book(cb.t.db, await person('Hassan Ait Ali', '+212612000002'), await slot('dental', today))).id);
  codes.omar = await codeOf((await book(cb.t.db, await person('Omar El Fassi', '+212612000003'), await slot('dental', addDays(today, 1)))).id);
  codes.fadma = await codeOf((await book(cb.t.db, await person('Fadma Ouhmad', '+212612000004'), await slot('surgery', today))).id);
  codes.zahra = await codeOf((await book(cb.t.db, await person('Zahra Amghar', '+212612000006'), await slot('dental', today))).id);
  const lahcen = await book(cb.t.db, await person('Lahcen Id Brahim', '+212612000005'), await slot('dental', today));
  codes.lahcen = await codeOf(lahcen.id);
  await cancel(cb.t.db, lahcen.id);
  await addConsoleStaff(cb.t.db, { name: 'Amina Desk', role: 'desk', email: 'amina@nouaceur.ma', password: PASSWORD });
  await addConsoleStaff(cb.t.db, { name: 'Youssef Desk', role: 'desk', email: 'youssef@nouaceur.ma', password: PASSWORD });
  const dental = await slot('dental', today);
  for (let i = 0; i < 23; i++) {
    const id = (await book(cb.t.db, await person(`Personne ${i + 1}`, `+2126130${String(i).padStart(5, '0')}`), dental)).id;
    crowd.push(await codeOf(id));
  }
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
      await inLanguage(page, language);
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

const DESK_WORDS = {
  fr: { switchTo: 'اللغة: Français', loaded: /rendez-vous ce jour-là/, code: 'Code de confirmation', lookUp: 'Chercher', arrived: 'Arrivé(e)', kept: (c: string) => new RegExp(`Hors ligne : arrivée .?${c}.? notée`), sentOne: 'Réseau revenu : 1 arrivée(s) envoyée(s).', firstWas: (by: string) => new RegExp(`déjà enregistré\\(e\\) à .* par .?${by}`, 'i') },
  ar: { switchTo: 'Langue: العربية', loaded: /عدد المواعيد في هذا اليوم/, code: 'رمز التأكيد', lookUp: 'بحث', arrived: 'وصل', kept: (c: string) => new RegExp(`بدون شبكة: سُجّل وصول .?${c}.? على هذا الجهاز`), sentOne: 'عادت الشبكة. الوصولات المرسلة: 1.', firstWas: (by: string) => new RegExp(`سُجّل وصوله من قبل .*${by}`) },
} as const;

/** A desk volunteer's phone on the campaign's desk page, the day's bookings loaded. */
async function openDesk(login: string, language: 'fr' | 'ar' = 'fr') {
  const w = DESK_WORDS[language];
  const { context, page } = await cb.open(PHONE, language);
  await cb.signIn(page, login, PASSWORD);
  // The member's saved language wins over the browser's: switch when it differs.
  await inLanguage(page, language);
  await page.goto(`${cb.base}/console/campaigns/${campaignId}/desk`);
  await page.getByText(w.loaded).waitFor();
  return { context, page };
}

/** Fills the walk-in form as a volunteer does; the fields left out keep what the last family member had. */
async function addWalkIn(page: Page, person: { name: string; sex: 'Femme' | 'Homme'; age: string; commune?: string; phone?: string }) {
  const form = page.getByRole('form', { name: 'Sans rendez-vous' });
  await form.getByLabel('Nom et prénom').fill(person.name);
  await form.getByRole('radio', { name: person.sex }).check();
  await form.getByLabel('Âge').fill(person.age);
  if (person.commune) await form.getByLabel('Commune').fill(person.commune);
  if (person.phone) {
    await form.getByLabel('Téléphone (facultatif)').fill(person.phone);
    await form.getByRole('checkbox', { name: /accepte sur papier/ }).check();
  }
  await form.getByRole('button', { name: 'Inscrire et marquer arrivé(e)' }).click();
}

describe('walk-ins at the desk', () => {
  it('registers a family of three without retyping the phone and commune, a missing name said beside its field', async () => {
    const { context, page } = await openDesk('amina@nouaceur.ma');
    await page.getByRole('button', { name: 'Inscrire une personne sans rendez-vous' }).click();
    const form = page.getByRole('form', { name: 'Sans rendez-vous' });
    await form.getByRole('button', { name: 'Inscrire et marquer arrivé(e)' }).click();
    await form.getByText('Écrivez le nom.').waitFor();
    expect(await form.getByLabel('Nom et prénom').getAttribute('aria-invalid')).toBe('true');

    await addWalkIn(page, { name: 'Khadija Family', sex: 'Femme', age: '38', commune: 'Sidi Hajjaj', phone: '0661 00 08 88' });
    const result = page.getByRole('region', { name: 'Résultat' });
    await result.getByText(/Khadija Family.? est inscrit\(e\) et arrivé\(e\)/).waitFor();
    expect(await form.getByLabel('Téléphone (facultatif)').inputValue()).toBe('0661 00 08 88');
    expect(await form.getByLabel('Commune').inputValue()).toBe('Sidi Hajjaj');
    await addWalkIn(page, { name: 'Yassine Family', sex: 'Homme', age: '12' });
    await result.getByText(/Yassine Family.? est inscrit\(e\)/).waitFor();
    await addWalkIn(page, { name: 'Salma Family', sex: 'Femme', age: '7' });
    await result.getByText(/Salma Family.? est inscrit\(e\)/).waitFor();
    expect(await overflowingText(page)).toEqual([]);
    await screenshot(page, 'desk-walk-in-fr-phone');

    const family = await cb.t.db
      .selectFrom('appointments as a')
      .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
      .innerJoin('contacts as c', 'c.id', 'b.contact_id')
      .select(['b.full_name', 'b.commune', 'c.phone_e164', 'a.status'])
      .where('b.full_name', 'like', '% Family')
      .orderBy('a.id')
      .execute();
    expect(family).toEqual([
      { full_name: 'Khadija Family', commune: 'Sidi Hajjaj', phone_e164: '+212661000888', status: 'attended' },
      { full_name: 'Yassine Family', commune: 'Sidi Hajjaj', phone_e164: '+212661000888', status: 'attended' },
      { full_name: 'Salma Family', commune: 'Sidi Hajjaj', phone_e164: '+212661000888', status: 'attended' },
    ]);
    await context.close();
  });
});

describe('the desk offline', () => {
  const attended = async (list: string[]) => Number((await cb.t.db.selectFrom('appointments').select((eb) => eb.fn.countAll<string>().as('n')).where('code', 'in', list).where('status', '=', 'attended').executeTakeFirstOrThrow()).n);
  const deskRows = async (list: string[]) =>
    cb.t.db.selectFrom('desk_checkins as d').innerJoin('appointments as a', 'a.id', 'd.appointment_id').select(['a.code', 'd.outcome']).where('a.code', 'in', list).execute();

  async function checkInOffline(page: Page, code: string, language: 'fr' | 'ar' = 'fr') {
    const w = DESK_WORDS[language];
    await page.getByLabel(w.code).fill(code);
    await page.getByRole('button', { name: w.lookUp }).click();
    await page.getByRole('button', { name: w.arrived }).click();
    // The code sits in its own direction (isolated) inside the sentence, its dash unbreakable.
    await page.getByText(w.kept(`${code.slice(0, 3)}\u2011${code.slice(3)}`)).waitFor();
  }

  it('keeps 20 check-ins through a dropped network and sends each once, even when an answer is lost', async () => {
    const twenty = crowd.slice(0, 20);
    const { context, page } = await openDesk('amina@nouaceur.ma');
    await context.setOffline(true);
    for (const code of twenty) await checkInOffline(page, code);
    await page.getByText('Hors ligne — 20 en attente d’envoi.').waitFor();
    // And a mother and her son with no booking, registered offline.
    await page.getByRole('button', { name: 'Inscrire une personne sans rendez-vous' }).click();
    await addWalkIn(page, { name: 'Itto Offline', sex: 'Femme', age: '61', commune: 'Ouled Saleh', phone: '0661000777' });
    await page.getByText(/Hors ligne : .?Itto Offline.? est noté\(e\)/).waitFor();
    await addWalkIn(page, { name: 'Moha Offline', sex: 'Homme', age: '9' });
    await page.getByText(/Hors ligne : .?Moha Offline.? est noté\(e\)/).waitFor();
    await page.getByText('Hors ligne — 22 en attente d’envoi.').waitFor();
    // Checked in twice on this device: said, and not queued again.
    await page.getByLabel('Code de confirmation').fill(twenty[0] ?? '');
    await page.getByRole('button', { name: 'Chercher' }).click();
    await page.getByText('Hors ligne — 22 en attente d’envoi.').waitFor();
    expect(await overflowingText(page)).toEqual([]);
    expect(await lowContrastText(page)).toEqual([]);
    await screenshot(page, 'desk-offline-fr-phone');
    expect(await attended(twenty)).toBe(0);

    // The first batch reaches the server but its answer is lost on the way back: the desk sends it again.
    let lost = 0;
    await page.route('**/checkins/batch', async (route) => {
      if (lost > 0) return route.continue();
      lost += 1;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await context.setOffline(false);
    await page.getByText('Réseau revenu : 22 arrivée(s) envoyée(s).').waitFor({ timeout: 30_000 });
    expect(lost).toBe(1);
    expect(await attended(twenty)).toBe(20);
    const walkIns = await cb.t.db.selectFrom('appointments as a').innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id').select(['b.full_name', 'b.commune', 'a.status']).where('b.full_name', 'like', '% Offline').orderBy('b.full_name').execute();
    expect(walkIns).toEqual([
      { full_name: 'Itto Offline', commune: 'Ouled Saleh', status: 'attended' },
      { full_name: 'Moha Offline', commune: 'Ouled Saleh', status: 'attended' },
    ]);
    const rows = await deskRows(twenty);
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => r.code)).size).toBe(20);
    await screenshot(page, 'desk-back-online-fr-phone');
    await context.close();
  });

  it('opens again when reloaded without a network, from the day it held, and sends what it kept once back', async () => {
    const code = crowd[22] ?? '';
    const { context, page } = await openDesk('amina@nouaceur.ma');
    // The page's files are kept once its service worker is ready.
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await context.setOffline(true);
    await page.reload();
    await page.getByText(DESK_WORDS.fr.loaded).waitFor();
    await checkInOffline(page, code);
    await screenshot(page, 'desk-reloaded-offline-fr-phone');
    await context.setOffline(false);
    await page.getByText(DESK_WORDS.fr.sentOne).waitFor({ timeout: 30_000 });
    expect(await attended([code])).toBe(1);
    await context.close();
  });

  it('asks before signing out with arrivals not sent, and leaves nothing of them on the device', async () => {
    const code = crowd[21] ?? '';
    const { context, page } = await openDesk('amina@nouaceur.ma');
    await context.setOffline(true);
    await checkInOffline(page, code);
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.accept();
    });
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/\/console\/sign-in$/);
    expect(asked).toEqual([expect.stringContaining('1 arrivée(s) notée(s) hors ligne ne sont pas encore envoyées')]);
    const left = await page.evaluate<string[]>('indexedDB.databases().then((all) => all.map((d) => d.name || ""))');
    expect(left).not.toContain('qafila-desk');
    await context.setOffline(false);
    expect(await attended([code])).toBe(0);
    await context.close();
  });

  it('reconciles two offline desks that check the same person in: the first arrival stays, the other is told', async () => {
    const code = crowd[20] ?? '';
    const amina = await openDesk('amina@nouaceur.ma');
    // Youssef's desk reads Arabic.
    const youssef = await openDesk('youssef@nouaceur.ma', 'ar');
    await amina.context.setOffline(true);
    await youssef.context.setOffline(true);
    await checkInOffline(amina.page, code);
    await checkInOffline(youssef.page, code, 'ar');
    expect(await overflowingText(youssef.page)).toEqual([]);
    await screenshot(youssef.page, 'desk-offline-ar-phone');
    await amina.context.setOffline(false);
    await amina.page.getByText(DESK_WORDS.fr.sentOne).waitFor({ timeout: 30_000 });
    await youssef.context.setOffline(false);
    await youssef.page.getByText(DESK_WORDS.ar.sentOne).waitFor({ timeout: 30_000 });
    await youssef.page.getByText(DESK_WORDS.ar.firstWas('Amina Desk')).waitFor();
    await screenshot(youssef.page, 'desk-back-online-ar-phone');
    expect(await attended([code])).toBe(1);
    const arrival = await cb.t.db.selectFrom('appointments as a').innerJoin('staff as s', 's.id', 'a.arrived_by').select('s.name').where('a.code', '=', code).executeTakeFirstOrThrow();
    expect(arrival.name).toBe('Amina Desk');
    await amina.context.close();
    await youssef.context.close();
  });
});

describe('the desk scanning a QR code', () => {
  it("reads the QR picture the bot sent the villager through the phone's camera, and checks them in", async () => {
    // The very picture the villager was sent (the simulator's QR route serves the bot's image of a code).
    const picture = Buffer.from(await (await fetch(`${cb.base}/simulator/api/qr/${codes.zahra}.png`)).arrayBuffer());
    const video = pngToY4m(picture, join(mkdtempSync(join(tmpdir(), 'qafila-camera-')), 'qr.y4m'));
    const browser = await cameraBrowser(video);
    try {
      const context = await browser.newContext({ viewport: PHONE, locale: 'fr-MA', timezoneId: 'Africa/Casablanca' });
      await context.grantPermissions(['camera'], { origin: cb.base });
      const page = await context.newPage();
      await cb.signIn(page, 'amina@nouaceur.ma', PASSWORD);
      await inLanguage(page, 'fr');
      await page.goto(`${cb.base}/console/campaigns/${campaignId}/desk`);
      await page.getByText(/rendez-vous ce jour-là/).waitFor();
      await page.getByRole('button', { name: 'Scanner le QR code' }).click();
      const result = page.getByRole('region', { name: 'Résultat' });
      await result.getByRole('heading', { name: 'Zahra Amghar' }).waitFor({ timeout: 20_000 });
      await screenshot(page, 'desk-scanned-fr-phone');
      await result.getByRole('button', { name: 'Arrivé(e)' }).click();
      await result.getByText(/Arrivée enregistrée à/).waitFor();
      expect((await cb.t.db.selectFrom('appointments').select('status').where('code', '=', codes.zahra).executeTakeFirstOrThrow()).status).toBe('attended');
      await context.close();
    } finally {
      await browser.close();
    }
  });
});

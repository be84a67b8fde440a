// The voice prompts page in French and Arabic, at 390x844 and 1280x800: a coordinator sends a recording,
// hears it (Chromium decodes the Ogg/Opus file and finds its length), sees the refusals of an MP3, a stereo
// file, one too long and one too big in their language, and deletes it.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { langAndDir, LAPTOP, lowContrastText, overflowingText, PHONE, screenshot, SCREENSHOTS, startConsoleBrowser, type ConsoleBrowser } from '../support/console-browser.ts';
import { addConsoleStaff } from '../support/console-staff.ts';
import { mp3Bytes, silentOpus } from '../support/ogg-opus-writer.ts';

let cb: ConsoleBrowser;
const PASSWORD = 'voix-du-douar-2027';

beforeAll(async () => {
  cb = await startConsoleBrowser();
  for (const [email, locale] of [['fr@test.ma', 'fr'], ['ar@test.ma', 'ar']] as const) {
    const { id } = await addConsoleStaff(cb.t.db, { name: locale === 'ar' ? 'خديجة بنعلي' : 'Khadija Benali', role: 'coordinator', email, password: PASSWORD });
    await cb.t.db.updateTable('staff').set({ locale }).where('id', '=', id).execute();
  }
});
afterAll(async () => {
  await cb?.close();
});

const WORDS = {
  fr: { nav: 'Messages vocaux', file: 'Fichier pour « Menu principal », Darija (écriture arabe)', saved: 'Voix enregistrée.', deleted: 'Voix supprimée.', remove: 'Supprimer la voix de « Menu principal », Darija (écriture arabe)', recorded: /Voix de 4 s/, mp3: /Fichier refusé : ce n’est pas un enregistrement Ogg Opus \(un MP3 peut-être\)/, stereo: /stéréo/, long: /plus de 60 secondes/, big: /dépasse 512 Ko/ },
  ar: { nav: 'الرسائل الصوتية', file: 'ملف «القائمة الرئيسية»، الدارجة (بالحروف العربية)', saved: 'تم حفظ التسجيل.', deleted: 'تم حذف التسجيل.', remove: 'حذف تسجيل «القائمة الرئيسية»، الدارجة (بالحروف العربية)', recorded: /تسجيل مدته 4 ثانية/, mp3: /رُفض الملف: هذا ليس تسجيلا بصيغة Ogg Opus \(ربما MP3\)/, stereo: /ستيريو/, long: /أكثر من 60 ثانية/, big: /أكبر من 512 كيلوبايت/ },
};

describe('the voice prompts page', () => {
  for (const language of ['fr', 'ar'] as const) {
    for (const [sizeName, size] of [['phone', PHONE], ['laptop', LAPTOP]] as const) {
      it(`uploads, plays, refuses and deletes in ${language} at ${size.width}x${size.height}`, async () => {
        await cb.t.db.deleteFrom('voice_prompts').execute();
        const w = WORDS[language];
        const { context, page } = await cb.open(size, language);
        const problems: string[] = [];
        page.on('pageerror', (e) => void problems.push(e.message));
        page.on('console', (m) => void (m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(m.text())));
        await cb.signIn(page, `${language}@test.ma`, PASSWORD);
        await page.getByRole('link', { name: w.nav }).click();
        await page.getByRole('heading', { name: w.nav, level: 1 }).waitFor();
        const file = page.getByLabel(w.file);
        const send = (name: string, buffer: Buffer) => file.setInputFiles({ name, mimeType: 'audio/ogg', buffer });

        await send('menu.ogg', silentOpus({ durationMs: 4_000 }));
        await page.getByRole('status').filter({ hasText: w.saved }).waitFor();
        await page.getByText(w.recorded).waitFor();
        // The browser decodes the recording the server keeps, to the sample: a real Ogg/Opus file of 4 seconds.
        const seconds = await page.evaluate<number>(`(async () => {
          const bytes = await (await fetch(document.querySelector('audio').src)).arrayBuffer();
          const decoded = await new OfflineAudioContext(1, 48000, 48000).decodeAudioData(bytes);
          return decoded.duration;
        })()`);
        expect(seconds).toBeCloseTo(4, 1);

        for (const [name, bytes, reason] of [
          ['voice.mp3', mp3Bytes(), w.mp3],
          ['stereo.ogg', silentOpus({ channels: 2, durationMs: 3_000 }), w.stereo],
          ['long.ogg', silentOpus({ durationMs: 75_000 }), w.long],
          ['big.ogg', silentOpus({ durationMs: 2_000, commentBytes: 600_000 }), w.big],
        ] as const) {
          await send(name, bytes);
          await page.getByRole('alert').filter({ hasText: reason }).waitFor();
        }
        expect((await langAndDir(page))[1]).toBe(language === 'ar' ? 'rtl' : 'ltr');
        if (size === PHONE) expect(await overflowingText(page)).toEqual([]);
        expect(await lowContrastText(page)).toEqual([]);
        await screenshot(page, `voice-prompts-${language}-${sizeName}`);
        // The whole page is eight cards tall on a phone: the first screen, with the refusal, is kept apart.
        await page.getByRole('alert').scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SCREENSHOTS, `voice-prompts-${language}-${sizeName}-refusal.png`) });
        // The refused files changed nothing: the recording is still the first one.
        await page.getByText(w.recorded).waitFor();

        await page.getByRole('button', { name: w.remove }).click();
        await page.getByRole('status').filter({ hasText: w.deleted }).waitFor();
        expect(await cb.t.db.selectFrom('voice_prompts').select('id').execute()).toEqual([]);
        expect(problems).toEqual([]);
        await context.close();
      });
    }
  }
});

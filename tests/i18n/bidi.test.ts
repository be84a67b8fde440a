// Latin names, codes and phone numbers inside Arabic-script messages keep their order (Unicode
// isolates), and ranges of days and times are said in words, never with an arrow that points
// backwards right to left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FSI, PDI, isolateIn } from '../../src/i18n/bidi.ts';
import { formatDayRange, formatWindow } from '../../src/i18n/dates.ts';
import { createTranslator, loadResources } from '../../src/i18n/translator.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { bookEyeConsultation, conversationDeps, seedConversationCampaigns, Villager } from '../support/conversation-harness.ts';

const iso = (text: string) => `${FSI}${text}${PDI}`;

describe('isolates', () => {
  it('wraps Latin text and phone numbers in Arabic-script locales only', () => {
    expect(isolateIn('ar', "Hôpital de proximité de Kelâat M'Gouna")).toBe(iso("Hôpital de proximité de Kelâat M'Gouna"));
    expect(isolateIn('ary', '9WY-YX6')).toBe(iso('9WY-YX6'));
    expect(isolateIn('ary', '+212 6 12 34 56 78')).toBe(iso('+212 6 12 34 56 78'));
    for (const latin of ['fr', 'ary-Latn'] as const) expect(isolateIn(latin, 'Tinghir')).toBe('Tinghir');
  });

  it('leaves Arabic text, counts and text already isolated alone', () => {
    expect(isolateIn('ar', 'مستوصف تنغير')).toBe('مستوصف تنغير');
    expect(isolateIn('ar', '25')).toBe('25');
    expect(isolateIn('ar', iso('Tinghir'))).toBe(iso('Tinghir'));
  });

  it('is applied by the translator to every Latin value of an Arabic-script message', () => {
    const t = createTranslator(loadResources());
    expect(t('ar', 'register:venue', { place: 'Centre de santé', campaign: 'قافلة تنغير' })).toContain(iso('Centre de santé'));
    expect(t('fr', 'register:venue', { place: 'Centre de santé', campaign: 'Caravane' })).not.toContain(FSI);
  });
});

describe('ranges in words', () => {
  it('says days "from … to …" in every locale', () => {
    expect(formatDayRange('2026-12-17', '2026-12-22', 'ary')).toBe('من الخميس 17 دجنبر حتى التلات 22 دجنبر');
    expect(formatDayRange('2026-12-17', '2026-12-22', 'fr')).toBe('du jeudi 17 décembre au mardi 22 décembre');
    expect(formatDayRange('2026-12-17', '2026-12-17', 'ar')).not.toMatch(/من|حتى/);
  });

  it('says times "from … to …" in every locale', () => {
    expect(formatWindow('08:00:00', '12:30:00', 'ar')).toBe('من 08:00 حتى 12:30');
    expect(formatWindow('08:00', '12:30', 'ary')).toBe('من 08:00 حتى 12:30');
    expect(formatWindow('08:00', '12:30', 'fr')).toBe('de 08:00 à 12:30');
    expect(formatWindow('08:00', '12:30', 'ary-Latn')).toBe('mn 08:00 7ta 12:30');
  });
});

describe('an Arabic-script conversation', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seedConversationCampaigns(t.db);
  });
  afterAll(async () => t?.drop());

  it.each(['ar', 'ary'] as const)('isolates the venue, the commune and the code, with no arrow, in %s', async (locale) => {
    const v = new Villager(conversationDeps(t.db), `+21261700000${locale.length}`);
    await v.onboard(locale);
    await v.choose('campaigns');
    await v.send('Tinghir');
    expect(v.lastText()).toContain(iso('Centre de santé'));
    expect(v.lastText()).not.toContain('→');
    expect(v.lastText()).toMatch(/من .+ حتى /);
    await v.send('0');
    await bookEyeConsultation(v, { name: 'Fatima Zahra', sex: 'female', age: 40, day: '2026-12-14' });
    const code = await t.db.selectFrom('appointments').select('code').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const text = v.all.map((r) => r.text).join('\n');
    expect(text).toContain(iso(`${code.code.slice(0, 3)}-${code.code.slice(3)}`));
    expect(text).toContain(iso('Fatima Zahra'));
    expect(text).toContain('من 09:00 حتى 12:00');
  });
});

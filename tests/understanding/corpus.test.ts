// Understanding on villagers' messages: the corpus it was built with, and a held-out set it was not tuned on.
import { describe, expect, it } from 'vitest';
import { INTENTS, normalizeText } from '../../src/understanding/index.ts';
import { loadCorpus, scoreCorpusYielding, writingOf, type Score } from './corpus-score.ts';

const corpus = loadCorpus(new URL('./corpus.jsonl', import.meta.url).pathname);
/** Once held out; its misses were read and fixed, so it is tuning data now. */
const reviewed = loadCorpus(new URL('./reviewed.jsonl', import.meta.url).pathname);
/** Tachelhit written for the n-gram table to learn from; the rules were not fitted to it line by line. */
const training = loadCorpus(new URL('./training.jsonl', import.meta.url).pathname);
/** Darija in Latin letters by twenty-four writers, written for the table to learn from, as training.jsonl is. */
const trainingArabizi = loadCorpus(new URL('./training-arabizi.jsonl', import.meta.url).pathname);
/** French by nine writers, written for the table to learn from. */
const trainingFrench = loadCorpus(new URL('./training-french.jsonl', import.meta.url).pathname);
/** Tachelhit the rules' thresholds were chosen on and their misses read; the table never learns it (see VALIDATION_FILE). */
const validation = loadCorpus(new URL('./validation.jsonl', import.meta.url).pathname);
/** The measuring part: written before the system answered it, never tuned on. */
const unseen = loadCorpus(new URL('./unseen.jsonl', import.meta.url).pathname);

function report(name: string, score: Score): void {
  const rows = Object.entries(score.perIntent).map(([intent, e]) => `${intent.padEnd(16)} ${e.correct}/${e.n}`);
  process.stderr.write(`${name}: intent ${(score.intentAccuracy * 100).toFixed(1)}%, locale ${(score.localeAccuracy * 100).toFixed(1)}%, all fields ${(score.fullAccuracy * 100).toFixed(1)}%\n  ${rows.join('\n  ')}\n`);
}

describe('the corpus', () => {
  it('holds at least 400 messages covering every intent in every locale and script', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(400);
    for (const intent of INTENTS) expect(corpus.filter((l) => l.intent === intent).length, intent).toBeGreaterThanOrEqual(10);
    const pairs = new Set(corpus.map((l) => `${l.locale}/${l.script}`));
    expect(pairs).toEqual(new Set(['ary/arab', 'ary/latn', 'ar/arab', 'fr/latn', 'shi/latn', 'shi/arab']));
    // Tachelhit typed in Tifinagh is read through its Latin letters.
    expect(corpus.some((l) => l.locale === 'shi' && /[\u2D30-\u2D7F]/u.test(l.text))).toBe(true);
    expect(corpus.some((l) => /[٠-٩]/.test(l.text))).toBe(true);
    expect(corpus.some((l) => /[۰-۹]/.test(l.text))).toBe(true);
    expect(corpus.some((l) => /👍|👎/u.test(l.text))).toBe(true);
  });

  it('is understood: every intent at 95% or better, intent, locale, script and entities together at 97%', async () => {
    const score = await scoreCorpusYielding(corpus);
    report('corpus', score);
    for (const [intent, e] of Object.entries(score.perIntent)) expect(e.accuracy, intent).toBeGreaterThanOrEqual(0.95);
    expect(score.fullAccuracy).toBeGreaterThanOrEqual(0.97);
  });
});

describe('the reviewed messages (held out once, tuned on since)', () => {
  it('are understood: intent and locale right at 97% or better', async () => {
    const score = await scoreCorpusYielding(reviewed);
    report('reviewed', score);
    expect(score.intentAccuracy).toBeGreaterThanOrEqual(0.97);
    expect(score.localeAccuracy).toBeGreaterThanOrEqual(0.97);
  });
});

describe('the lines the table is taught from', () => {
  it('are Tachelhit, and understood at 90% or better (intent) and 93% (locale)', async () => {
    expect(training.length).toBeGreaterThanOrEqual(1000);
    expect(training.filter((l) => l.locale !== 'shi').map((l) => l.text)).toEqual([]);
    const score = await scoreCorpusYielding(training);
    report('training', score);
    expect(score.intentAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(score.localeAccuracy).toBeGreaterThanOrEqual(0.93);
  });

  it('are Darija in Latin letters in training-arabizi.jsonl, understood at 93% or better (intent and locale)', async () => {
    expect(trainingArabizi.length).toBeGreaterThanOrEqual(300);
    expect(trainingArabizi.filter((l) => writingOf(l) !== 'ary-Latn').map((l) => l.text)).toEqual([]);
    const score = await scoreCorpusYielding(trainingArabizi);
    report('training-arabizi', score);
    expect(score.intentAccuracy).toBeGreaterThanOrEqual(0.93);
    expect(score.localeAccuracy).toBeGreaterThanOrEqual(0.93);
  });
});

describe('the French lines the table is taught from', () => {
  it('are French in training-french.jsonl, understood at 85% or better (intent) and 95% (locale)', async () => {
    expect(trainingFrench.length).toBeGreaterThanOrEqual(600);
    expect(trainingFrench.filter((l) => l.locale !== 'fr').map((l) => l.text)).toEqual([]);
    const score = await scoreCorpusYielding(trainingFrench);
    report('training-french', score);
    expect(score.intentAccuracy).toBeGreaterThanOrEqual(0.85);
    expect(score.localeAccuracy).toBeGreaterThanOrEqual(0.95);
  });
});

describe('the validation lines (tuned on, never taught to the table)', () => {
  it('are new writers\' Tachelhit, Darija in Latin letters and French, understood at 93% or better (intent) and 95% (locale)', async () => {
    expect(validation.length).toBeGreaterThanOrEqual(1200);
    expect(validation.filter((l) => l.locale === 'shi').length).toBeGreaterThanOrEqual(1000);
    expect(validation.filter((l) => writingOf(l) === 'ary-Latn').length).toBeGreaterThanOrEqual(190);
    expect(validation.filter((l) => l.locale === 'fr').length).toBeGreaterThanOrEqual(60);
    const taught = new Set([...corpus, ...reviewed, ...training, ...trainingArabizi, ...trainingFrench].map((l) => normalizeText(l.text)));
    expect(validation.filter((l) => taught.has(normalizeText(l.text))).map((l) => l.text)).toEqual([]);
    const score = await scoreCorpusYielding(validation);
    report('validation', score);
    expect(score.intentAccuracy).toBeGreaterThanOrEqual(0.93);
    expect(score.localeAccuracy).toBeGreaterThanOrEqual(0.95);
  });
});

describe('messages neither the rules nor the n-gram table were tuned on', () => {
  it('are at least 40 per way of writing, none of them also in the tuning part', () => {
    const tuning = new Set([...corpus, ...reviewed, ...training, ...trainingArabizi, ...trainingFrench, ...validation].map((l) => normalizeText(l.text)));
    for (const writing of ['fr', 'ar', 'ary', 'ary-Latn', 'shi']) expect(unseen.filter((l) => writingOf(l) === writing).length, writing).toBeGreaterThanOrEqual(40);
    expect(unseen.filter((l) => tuning.has(normalizeText(l.text))).map((l) => l.text)).toEqual([]);
  });

  // The aim is 95% of intents and 97% of locales in each way of writing, and every way meets it: Tachelhit (95.9% of 787
  // messages by twelve writers, locales 97.0%), Darija in Latin letters (96.1% of 458, locales 98.0%), French (96.4% of
  // 391, locales 98.2%; the newest 218, by three writers set aside for measuring before the French rules were reworked,
  // 95.4%), Arabic-script Darija and MSA (97.8%). No floor is lowered.
  const INTENT_FLOOR: Readonly<Record<string, number>> = {};
  const LOCALE_FLOOR: Readonly<Record<string, number>> = {};
  it('get the right intent at least 95% of the time and the locale 97% in each way of writing (floors aside)', async () => {
    const score = await scoreCorpusYielding(unseen);
    report('unseen', score);
    for (const [writing, e] of Object.entries(score.perLocale)) {
      expect(e.intent, writing).toBeGreaterThanOrEqual(INTENT_FLOOR[writing] ?? 0.95);
      expect(e.locale, writing).toBeGreaterThanOrEqual(LOCALE_FLOOR[writing] ?? 0.97);
    }
  });
});

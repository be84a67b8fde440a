// Scores understanding against a JSONL corpus: per-intent accuracy and the misses, for tests and benches.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { UnderstandingSchema, understand, type Understanding } from '../../src/understanding/index.ts';

export const CorpusLineSchema = z.object({
  text: z.string(),
  intent: UnderstandingSchema.shape.intent,
  locale: UnderstandingSchema.shape.locale,
  script: UnderstandingSchema.shape.script,
  entities: UnderstandingSchema.shape.entities.optional(),
});
export type CorpusLine = z.infer<typeof CorpusLineSchema>;

export function loadCorpus(path: string): CorpusLine[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const parsed = CorpusLineSchema.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}

export interface Miss {
  line: CorpusLine;
  got: Understanding;
}

export interface Tally {
  n: number;
  correct: number;
  accuracy: number;
}

/** The ways villagers write, named as the locales the conversation answers in (Tachelhit in any script is `shi`). */
export function writingOf(line: Pick<CorpusLine, 'locale' | 'script'>): string {
  return line.locale === 'ary' && line.script === 'latn' ? 'ary-Latn' : line.locale;
}

export interface Score {
  total: number;
  intentAccuracy: number;
  localeAccuracy: number;
  fullAccuracy: number;
  perIntent: Record<string, Tally>;
  /** Intent and locale accuracy for each way of writing (fr, ar, ary, ary-Latn, shi). */
  perLocale: Record<string, { n: number; intent: number; locale: number }>;
  misses: Miss[];
}

/** Intent right counts for intent accuracy; intent, locale, script and every expected entity for full. */
export function scoreCorpus(lines: readonly CorpusLine[]): Score {
  const perIntent: Score['perIntent'] = {};
  const misses: Miss[] = [];
  const perLocale: Record<string, { n: number; intentOk: number; localeOk: number }> = {};
  let localeOk = 0;
  let intentOk = 0;
  let fullOk = 0;
  for (const line of lines) {
    const got = understand(line.text);
    const entry = (perIntent[line.intent] ??= { n: 0, correct: 0, accuracy: 0 });
    entry.n++;
    const intentRight = got.intent === line.intent;
    const expected = line.entities ?? {};
    const entitiesRight = Object.entries(expected).every(([k, v]) => got.entities[k as keyof Understanding['entities']] === v);
    const localeRight = got.locale === line.locale && got.script === line.script;
    const full = intentRight && localeRight && entitiesRight;
    const byLocale = (perLocale[writingOf(line)] ??= { n: 0, intentOk: 0, localeOk: 0 });
    byLocale.n++;
    if (intentRight) byLocale.intentOk++;
    if (localeRight) {
      byLocale.localeOk++;
      localeOk++;
    }
    if (intentRight) {
      entry.correct++;
      intentOk++;
    }
    if (full) fullOk++;
    else misses.push({ line, got });
  }
  for (const e of Object.values(perIntent)) e.accuracy = ratio(e.correct, e.n);
  const locales = Object.fromEntries(Object.entries(perLocale).map(([k, v]) => [k, { n: v.n, intent: ratio(v.intentOk, v.n), locale: ratio(v.localeOk, v.n) }]));
  const n = lines.length;
  return { total: n, intentAccuracy: intentOk / n, localeAccuracy: localeOk / n, fullAccuracy: fullOk / n, perIntent, perLocale: locales, misses };
}

function ratio(part: number, whole: number): number {
  return Math.round((part / whole) * 1000) / 1000;
}

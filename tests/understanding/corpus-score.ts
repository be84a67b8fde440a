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
  const tally = newTally();
  for (const line of lines) addLine(tally, line);
  return finish(tally, lines.length);
}

/** Lines scored between two turns of the event loop in `scoreCorpusYielding`. */
const LINES_PER_TURN = 200;

/**
 * `scoreCorpus`, letting the event loop turn every LINES_PER_TURN lines. A test that holds its worker for a minute (some
 * thousand lines on a loaded machine) makes the worker's own calls to vitest's main process time out, and the run fails
 * although every test passed.
 */
export async function scoreCorpusYielding(lines: readonly CorpusLine[]): Promise<Score> {
  const tally = newTally();
  for (let i = 0; i < lines.length; i++) {
    addLine(tally, lines[i] as CorpusLine);
    if (i % LINES_PER_TURN === LINES_PER_TURN - 1) await turnOfTheEventLoop();
  }
  return finish(tally, lines.length);
}

/** Resolves after the event loop has handled what came in meanwhile (timers, messages from other processes). */
export function turnOfTheEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** What scoring has counted so far. */
interface Running {
  perIntent: Score['perIntent'];
  misses: Miss[];
  perLocale: Record<string, { n: number; intentOk: number; localeOk: number }>;
  localeOk: number;
  intentOk: number;
  fullOk: number;
}

function newTally(): Running {
  return { perIntent: {}, misses: [], perLocale: {}, localeOk: 0, intentOk: 0, fullOk: 0 };
}

function addLine(t: Running, line: CorpusLine): void {
  const got = understand(line.text);
  const entry = (t.perIntent[line.intent] ??= { n: 0, correct: 0, accuracy: 0 });
  entry.n++;
  const intentRight = got.intent === line.intent;
  const expected = line.entities ?? {};
  const entitiesRight = Object.entries(expected).every(([k, v]) => got.entities[k as keyof Understanding['entities']] === v);
  const localeRight = got.locale === line.locale && got.script === line.script;
  const full = intentRight && localeRight && entitiesRight;
  const byLocale = (t.perLocale[writingOf(line)] ??= { n: 0, intentOk: 0, localeOk: 0 });
  byLocale.n++;
  if (intentRight) byLocale.intentOk++;
  if (localeRight) {
    byLocale.localeOk++;
    t.localeOk++;
  }
  if (intentRight) {
    entry.correct++;
    t.intentOk++;
  }
  if (full) t.fullOk++;
  else t.misses.push({ line, got });
}

function finish(t: Running, n: number): Score {
  for (const e of Object.values(t.perIntent)) e.accuracy = ratio(e.correct, e.n);
  const locales = Object.fromEntries(Object.entries(t.perLocale).map(([k, v]) => [k, { n: v.n, intent: ratio(v.intentOk, v.n), locale: ratio(v.localeOk, v.n) }]));
  return { total: n, intentAccuracy: t.intentOk / n, localeAccuracy: t.localeOk / n, fullAccuracy: t.fullOk / n, perIntent: t.perIntent, perLocale: locales, misses: t.misses };
}

function ratio(part: number, whole: number): number {
  return Math.round((part / whole) * 1000) / 1000;
}

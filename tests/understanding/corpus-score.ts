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

export interface Score {
  total: number;
  intentAccuracy: number;
  fullAccuracy: number;
  perIntent: Record<string, { n: number; correct: number; accuracy: number }>;
  misses: Miss[];
}

/** Intent right counts for intent accuracy; intent, locale, script and every expected entity for full. */
export function scoreCorpus(lines: readonly CorpusLine[]): Score {
  const perIntent: Score['perIntent'] = {};
  const misses: Miss[] = [];
  let intentOk = 0;
  let fullOk = 0;
  for (const line of lines) {
    const got = understand(line.text);
    const entry = (perIntent[line.intent] ??= { n: 0, correct: 0, accuracy: 0 });
    entry.n++;
    const intentRight = got.intent === line.intent;
    const expected = line.entities ?? {};
    const entitiesRight = Object.entries(expected).every(([k, v]) => got.entities[k as keyof Understanding['entities']] === v);
    const full = intentRight && got.locale === line.locale && got.script === line.script && entitiesRight;
    if (intentRight) {
      entry.correct++;
      intentOk++;
    }
    if (full) fullOk++;
    else misses.push({ line, got });
  }
  for (const e of Object.values(perIntent)) e.accuracy = Math.round((e.correct / e.n) * 1000) / 1000;
  return { total: lines.length, intentAccuracy: intentOk / lines.length, fullAccuracy: fullOk / lines.length, perIntent, misses };
}

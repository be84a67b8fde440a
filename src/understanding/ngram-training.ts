// Turns tuning-corpus lines into the second opinion's tables: one for intents, one for Darija vs MSA in Arabic script,
// one for the language of Latin-script text.
import { z } from 'zod';
import { IntentSchema, UnderstoodLocaleSchema } from './intents.ts';
import { trainNgramModel } from './ngram-classifier.ts';
import type { NgramTables } from './second-opinion.ts';

/**
 * What the tables learn from: the tuning part only. tests/understanding/unseen.jsonl is for measuring.
 * training.jsonl holds Tachelhit, training-arabizi.jsonl Darija in Latin letters and training-french.jsonl French, written
 * for the table to learn from: more writers teach it more of the words the next writer may use, where the rules are
 * fitted line by line to corpus.jsonl and reviewed.jsonl.
 */
export const TUNING_FILES = [
  'tests/understanding/corpus.jsonl',
  'tests/understanding/reviewed.jsonl',
  'tests/understanding/training.jsonl',
  'tests/understanding/training-arabizi.jsonl',
  'tests/understanding/training-french.jsonl',
] as const;
/**
 * Messages the rules' thresholds on the table were chosen on, and their misses read, but which the table never learns:
 * its confidence on them is what it will be on a new writer's message, as a threshold needs. Tuning data all the same.
 */
export const VALIDATION_FILE = 'tests/understanding/validation.jsonl';

const LineSchema = z.object({ text: z.string(), intent: IntentSchema, locale: UnderstoodLocaleSchema, script: z.enum(['arab', 'latn']) });

export function trainNgramTables(jsonLines: readonly string[]): NgramTables {
  const lines = jsonLines.filter((l) => l.trim() !== '').map((l) => LineSchema.parse(JSON.parse(l)));
  return {
    intents: trainNgramModel(lines.map((l) => ({ text: l.text, label: l.intent }))),
    arabicLocale: trainNgramModel(lines.filter((l) => l.script === 'arab').map((l) => ({ text: l.text, label: l.locale }))),
    latinLocale: trainNgramModel(lines.filter((l) => l.script === 'latn').map((l) => ({ text: l.text, label: l.locale }))),
  };
}

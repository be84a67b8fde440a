// A small multinomial naive Bayes over character n-grams and whole words: the learned second opinion next to the rules. Pure, but
// for a memo of each word's sums that changes no answer.
import { z } from 'zod';
import { normalizeText, tokenize } from './normalize.ts';

/** Word-bounded character n-grams of these lengths: short enough to survive misspellings, long enough to mean something. */
const GRAM_LENGTHS = [2, 3, 4] as const;
/**
 * Each word is also a feature whole ("#sjjl"), counted as this many n-grams: a word seen whole says more than
 * the pieces it shares with other words ("sjjl" and "sjjlx" are one request, "ssfd" only looks like them).
 */
const WHOLE_WORD_WEIGHT = 2;
/**
 * Each pair of neighbouring words is a feature too ("#ur rix"), counted as this many n-grams: "ur rix" (I don't want)
 * and "rix ad" (I want to) share their words but not their meaning. Chosen like ALPHA below: over the same six
 * readings, pairs at 2 named 93.6% of the Tachelhit tuning lines against 92.5% without them (1: 92.9%, 3: 93.9%),
 * and on new writers' lines (256) 94.1% against 92.6% (3: 93.8%).
 */
const WORD_PAIR_WEIGHT = 2;
/**
 * Add-alpha smoothing: an n-gram never seen with a label is unlikely, not impossible. Chosen by training without
 * each sixth of the Tachelhit tuning lines in turn and reading that sixth: with whole words and 0.05, the table
 * alone names 92.0% of them, against 87.5% with n-grams only and 0.5 (0.1: 91.8%, 0.02: 91.6%).
 */
const ALPHA = 0.05;

export const NgramModelSchema = z.object({
  labels: z.array(z.string()),
  /** Training messages per label (the prior). */
  docs: z.array(z.number().int().min(0)),
  /** All n-gram occurrences per label (the likelihood's denominator). */
  totals: z.array(z.number().int().min(0)),
  /** n-gram -> flat [labelIndex, count, labelIndex, count, ...], only labels it was seen with. */
  grams: z.record(z.string(), z.array(z.number().int().min(0))),
});
export type NgramModel = z.infer<typeof NgramModelSchema>;

export interface Verdict {
  label: string;
  /** Probability of the best label after scaling scores by message length; 0..1. */
  confidence: number;
  /** Best minus second-best probability. */
  margin: number;
}

/** One word's features: its n-grams and itself whole. */
function wordFeatures(token: string, out: string[]): void {
  const word = `<${token}>`;
  for (const n of GRAM_LENGTHS) for (let i = 0; i + n <= word.length; i++) out.push(word.slice(i, i + n));
  // Normalised text has no "#": the whole word cannot be taken for an n-gram.
  for (let k = 0; k < WHOLE_WORD_WEIGHT; k++) out.push(`#${token}`);
}

/** Two neighbouring words as one feature; a word has no space, so a pair is never taken for a word. */
function wordPair(first: string, second: string): string {
  return `#${first} ${second}`;
}

/**
 * @example ngrams('rdv') // ['<r', 'rd', 'dv', 'v>', '<rd', 'rdv', 'dv>', '<rdv', 'rdv>', '#rdv', '#rdv']
 */
export function ngrams(normalized: string): string[] {
  const out: string[] = [];
  const tokens = tokenize(normalized);
  for (const token of tokens) wordFeatures(token, out);
  for (let i = 0; i + 1 < tokens.length; i++) for (let k = 0; k < WORD_PAIR_WEIGHT; k++) out.push(wordPair(tokens[i] ?? '', tokens[i + 1] ?? ''));
  return out;
}

/** Counts n-grams per label; labels are sorted so the same examples always give the same table. */
export function trainNgramModel(examples: ReadonlyArray<{ text: string; label: string }>): NgramModel {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const docs = labels.map(() => 0);
  const totals = labels.map(() => 0);
  const counts = new Map<string, Map<number, number>>();
  for (const { text, label } of examples) {
    const li = index.get(label) ?? 0;
    docs[li] = (docs[li] ?? 0) + 1;
    for (const g of ngrams(normalizeText(text))) {
      const perLabel = counts.get(g) ?? new Map<number, number>();
      perLabel.set(li, (perLabel.get(li) ?? 0) + 1);
      counts.set(g, perLabel);
      totals[li] = (totals[li] ?? 0) + 1;
    }
  }
  const grams: Record<string, number[]> = {};
  for (const g of [...counts.keys()].sort()) {
    const perLabel = counts.get(g) ?? new Map<number, number>();
    grams[g] = [...perLabel.entries()].sort((a, b) => a[0] - b[0]).flat();
  }
  return { labels, docs, totals, grams };
}

/** A model with its logarithms worked out once: classifying then only adds. */
export interface Classifier {
  labels: readonly string[];
  logPrior: Float64Array;
  /** log(ALPHA / (total + ALPHA * V)) per label: the score of an n-gram never seen with it. */
  logUnseen: Float64Array;
  /** Each label's score for the message being read: one array for every message, as reading is never interleaved. */
  scores: Float64Array;
  /**
   * n-gram -> flat [labelIndex, gain, ...] for the labels it was seen with; the gain is
   * log(count + ALPHA) − log(ALPHA), what being seen adds over the unseen score. Flat numbers: a
   * Tachelhit message meets about 80 known n-grams and 900 of these pairs.
   */
  gains: ReadonlyMap<string, readonly number[]>;
  /**
   * Where in `memo` each word seen so far has its sums: villagers reuse the same few hundred words, so most words of a
   * message are added from there, not n-gram by n-gram.
   */
  words: Map<string, number>;
  /**
   * Per word, its sum of gains per label, then its count of known n-grams, then its number among the words of pairs (-1
   * if in none). One block of numbers, not an array per word: reading a message then touches a few cache lines, not a
   * scattered array for each word.
   */
  memo: { sums: Float64Array; used: number };
  /** The words that are in a pair the table knows, numbered. */
  pairWords: ReadonlyMap<string, number>;
  /**
   * Pairs of words by their numbers (first × the count of pair words + second) -> where `pairGains` holds how many
   * labels the pair was seen with, then each label and its gain, WORD_PAIR_WEIGHT times over: a message's pairs are
   * looked up by number, without building their names.
   */
  pairs: ReadonlyMap<number, number>;
  pairGains: Float64Array;
}

/** Past this many words the memo starts afresh, so an odd stream of unique words cannot grow it for ever. */
export const MAX_MEMO_WORDS = 50_000;

export function prepareClassifier(model: NgramModel): Classifier {
  const vocabulary = Object.keys(model.grams).length;
  const docs = model.docs.reduce((a, b) => a + b, 0);
  const logAlpha = Math.log(ALPHA);
  const gains = new Map<string, number[]>();
  const pairGains: Array<[string, string, number[]]> = [];
  for (const [gram, seen] of Object.entries(model.grams)) {
    const pairs: number[] = [];
    for (let k = 0; k + 1 < seen.length; k += 2) pairs.push(seen[k] ?? 0, Math.log((seen[k + 1] ?? 0) + ALPHA) - logAlpha);
    const space = gram.indexOf(' ');
    if (space < 0) gains.set(gram, pairs);
    else pairGains.push([gram.slice(1, space), gram.slice(space + 1), pairs]);
  }
  const pairWords = new Map<string, number>();
  for (const [first, second] of pairGains) for (const w of [first, second]) if (!pairWords.has(w)) pairWords.set(w, pairWords.size);
  const wordPairs = new Map<number, number>();
  const flat = new Float64Array(pairGains.reduce((n, [, , pairs]) => n + 1 + pairs.length, 0));
  let at = 0;
  for (const [first, second, pairs] of pairGains) {
    wordPairs.set((pairWords.get(first) ?? 0) * pairWords.size + (pairWords.get(second) ?? 0), at);
    flat[at++] = pairs.length / 2;
    for (let k = 0; k + 1 < pairs.length; k += 2) {
      flat[at++] = pairs[k] ?? 0;
      flat[at++] = WORD_PAIR_WEIGHT * (pairs[k + 1] ?? 0);
    }
  }
  return {
    labels: model.labels,
    logPrior: Float64Array.from(model.docs, (d) => Math.log(d / docs)),
    logUnseen: Float64Array.from(model.totals, (t) => logAlpha - Math.log(t + ALPHA * vocabulary)),
    scores: new Float64Array(model.labels.length),
    gains,
    words: new Map(),
    memo: { sums: new Float64Array(FIRST_MEMO_WORDS * (model.labels.length + 2)), used: 0 },
    pairWords,
    pairs: wordPairs,
    pairGains: flat,
  };
}

/** Room for this many words at first; the memo's block doubles as more are seen, up to MAX_MEMO_WORDS. */
const FIRST_MEMO_WORDS = 1024;

/**
 * Where in the memo's block one word's gains per label are, followed by how many of its n-grams the table knows and its
 * number among pair words; worked out and added to the memo the first time the word is seen.
 */
function wordGains(classifier: Classifier, token: string): number {
  const known = classifier.words.get(token);
  if (known !== undefined) return known;
  const { words, memo, labels } = classifier;
  const stride = labels.length + 2;
  if (words.size >= MAX_MEMO_WORDS) {
    words.clear();
    memo.used = 0;
  }
  if (memo.used + stride > memo.sums.length) {
    const grown = new Float64Array(memo.sums.length * 2);
    grown.set(memo.sums);
    memo.sums = grown;
  }
  const at = memo.used;
  const sums = memo.sums;
  sums.fill(0, at, at + stride);
  sums[at + labels.length + 1] = classifier.pairWords.get(token) ?? -1;
  const features: string[] = [];
  wordFeatures(token, features);
  for (const g of features) {
    const pairs = classifier.gains.get(g);
    if (pairs === undefined) continue;
    sums[at + labels.length] = (sums[at + labels.length] ?? 0) + 1;
    for (let k = 0; k + 1 < pairs.length; k += 2) {
      const li = at + (pairs[k] ?? 0);
      sums[li] = (sums[li] ?? 0) + (pairs[k + 1] ?? 0);
    }
  }
  memo.used += stride;
  words.set(token, at);
  return at;
}

/**
 * The most likely label of an already-normalised text, or undefined when it has no n-gram the model knows.
 * Scores are divided by the number of n-grams so that long messages are not made falsely certain.
 */
export function classify(classifier: Classifier, normalized: string): Verdict | undefined {
  const { labels, logPrior, logUnseen, scores } = classifier;
  scores.set(logPrior);
  let known = 0;
  const count = classifier.pairWords.size;
  let previous = -1;
  const { pairGains } = classifier;
  for (const token of tokenize(normalized)) {
    const at = wordGains(classifier, token);
    // Read after wordGains, which may have grown the block.
    const sums = classifier.memo.sums;
    for (let li = 0; li < scores.length; li++) scores[li] = (scores[li] ?? 0) + (sums[at + li] ?? 0);
    known += sums[at + labels.length] ?? 0;
    const current = sums[at + labels.length + 1] ?? -1;
    const pair = previous >= 0 && current >= 0 ? classifier.pairs.get(previous * count + current) : undefined;
    if (pair !== undefined) {
      known += WORD_PAIR_WEIGHT;
      const seen = pairGains[pair] ?? 0;
      for (let k = 0; k < seen; k++) {
        const li = pairGains[pair + 1 + 2 * k] ?? 0;
        scores[li] = (scores[li] ?? 0) + (pairGains[pair + 2 + 2 * k] ?? 0);
      }
    }
    previous = current;
  }
  // Each known n-gram scores every label as unseen, plus its gain where it was seen.
  for (let li = 0; li < scores.length; li++) scores[li] = (scores[li] ?? 0) + known * (logUnseen[li] ?? 0);
  if (known === 0) return undefined;
  const scale = 1 / Math.sqrt(known);
  let best = 0;
  for (let li = 0; li < scores.length; li++) {
    scores[li] = (scores[li] ?? 0) * scale;
    if ((scores[li] ?? 0) > (scores[best] ?? 0)) best = li;
  }
  // Probabilities relative to the best label's, whose own weight is exp(0) = 1.
  const top = scores[best] ?? 0;
  let sum = 0;
  let second = 0;
  for (let li = 0; li < scores.length; li++) {
    const w = Math.exp((scores[li] ?? 0) - top);
    sum += w;
    if (li !== best && w > second) second = w;
  }
  const confidence = 1 / sum;
  return { label: labels[best] ?? '', confidence, margin: confidence - second / sum };
}

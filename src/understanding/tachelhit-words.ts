// Word classes the Tachelhit patterns are made of: a verb in any person, or a set of words in any spelling.
import type { Intent } from './intents.ts';
import { foldSpelling } from './lexicon.ts';
import { normalizeText } from './normalize.ts';

export type WordClass = ReadonlySet<string> | RegExp;

/**
 * A word as the ear spells it: the lexicon's spelling fold (`foldSpelling`: "ou" as "u", no inner "e", doubled letters once,
 * an opening ئ as ي), and also "o" as "u" and no Arabic article ("الميساجات", "لميساجات" as "ميساجات"), so one entry
 * covers "lma3lomat", "lma3lumat" and "المعلومات" alike.
 *
 * @example foldWord('lmessagat') // 'lmsagat'
 */
export function foldWord(word: string): string {
  const known = folds.get(word);
  if (known !== undefined) return known;
  const folded = foldSpelling(word.replace(/o/g, 'u').replace(/^ا?ل(?=[\u0621-\u064A]{3})/, ''));
  if (folds.size >= MAX_FOLDS) folds.clear();
  folds.set(word, folded);
  return folded;
}

/** Words are tested against many classes, and villagers reuse the same few hundred: each is folded once. */
const folds = new Map<string, string>();
/** Past this many words the memo starts afresh, so an odd stream of unique words cannot grow it for ever. */
const MAX_FOLDS = 50_000;

/** A set of words, matched in any of the spellings `foldWord` makes one (written as villagers do: "لائحة" is normalised). */
export const words = (...list: string[]): ReadonlySet<string> => new Set(list.map((w) => foldWord(normalizeText(w))));

/** Verb person and aspect around a stem: "ad", "t-", "tt-", "i-", "n-" in front; "-gh", "-m", "-n", "-at", "-in" behind. */
export const verb = (stems: string, arabic: string): RegExp =>
  new RegExp(`^(?:(?:ad|d|a)?(?:i|y|t|n)?(?:tt|t)?(?:${stems})(?:gh|x|m|mt|n|nt|at|amt|t|in|an|d|a)?|(?:اد|د)?(?:ا|ي|ت|ن)?(?:تت|ت)?(?:${arabic})(?:غ|م|ن|نت|ات|ت|ين|ان|د|ا)?)$`);

/** Whether `token` belongs to `c`: a set by its folded spelling, a verb as written or folded (pass `folded` when testing many classes). */
export function inClass(c: WordClass, token: string, folded: string = foldWord(token)): boolean {
  return c instanceof RegExp ? c.test(token) || c.test(folded) : c.has(folded);
}

/** Word classes in order, each within `gap` words of the one before, that together ask for `intent`. */
export interface Pattern {
  intent: Intent;
  steps: readonly WordClass[];
  gap: number;
  /** Negated before or inside ("ur … ad iyi d tazznm"), the pattern says the opposite, and is not heard. */
  positive?: true;
  /** Made of words Darija shares ("الجرح تفتح", "numero ghalat"): heard, but no sign the message is Tachelhit. */
  shared?: true;
  /** A word right before the first step that makes it another word ("من أجل" is "for", not "postpone"). */
  notAfter?: WordClass;
  /** How many more words before the first step `notAfter` is looked for ("ma fllas ar iyi d ttaznm": why, not please). */
  notAfterGap?: number;
  /** A word that may not sit between the steps: "max" (why) opens another clause ("ur sjjlgh, max iyi ttazznm"). */
  notBetween?: WordClass;
  /** A word right after the last step that undoes it ("ur isawal s …"). */
  unless?: WordClass;
  /** Said in a long message too: the pattern is a whole request, not a one-word answer ("what must we do"). */
  anyLength?: true;
  /** A question whose form says all it asks ("is ittusjjl baba"): the learned table does not put another intent in its place. */
  sure?: true;
}

// Tachelhit requests heard through word classes in order ("ur" … "iyi" … a "send" verb in any person), where the
// lexicon's fixed phrases cannot list every person, spelling and word between them; and the French requests heard the
// same way (french-patterns.ts).
import { FRENCH_PATTERNS } from './french-patterns.ts';
import type { Intent } from './intents.ts';
import { NEG } from './tachelhit-classes.ts';
import { DOUBT_PATTERNS } from './tachelhit-doubt-patterns.ts';
import { FOLLOW_UP_PATTERNS } from './tachelhit-follow-up-patterns.ts';
import { INJURY_PATTERNS } from './tachelhit-injury-patterns.ts';
import { QUESTION_PATTERNS } from './tachelhit-question-patterns.ts';
import { REQUEST_PATTERNS } from './tachelhit-request-patterns.ts';
import { SAFETY_PATTERNS } from './tachelhit-safety-patterns.ts';
import { VISIT_PATTERNS } from './tachelhit-visit-patterns.ts';
import { foldWord, inClass, type Pattern, type WordClass } from './tachelhit-words.ts';

const PATTERNS: readonly Pattern[] = [...SAFETY_PATTERNS, ...INJURY_PATTERNS, ...REQUEST_PATTERNS, ...VISIT_PATTERNS, ...QUESTION_PATTERNS, ...FOLLOW_UP_PATTERNS, ...DOUBT_PATTERNS, ...FRENCH_PATTERNS];

export interface PatternMatch {
  intent: Intent;
  /** Whether the words are Darija's too, so say nothing of the language. */
  shared: boolean;
  /** A whole request, heard in a message of any length. */
  anyLength: boolean;
  /** A question whose form the learned table may not overrule. */
  sure: boolean;
  /** First and last word the pattern spans. */
  from: number;
  to: number;
}

/** Every class a pattern names, by position: a word is tested against each once, then looked up. */
const CLASSES: readonly WordClass[] = [...new Set([...PATTERNS.flatMap((p) => [...p.steps, p.unless, p.notAfter, p.notBetween]), NEG])].filter((c) => c !== undefined);
const CLASS_INDEX = new Map(CLASSES.map((c, i) => [c, i]));
const indexOf = (c: WordClass | undefined): number => (c === undefined ? -1 : (CLASS_INDEX.get(c) ?? -1));
const NEG_INDEX = indexOf(NEG);

/** A pattern with its classes as positions, worked out once. */
interface Compiled {
  pattern: Pattern;
  steps: readonly number[];
  unless: number;
  notAfter: number;
  notBetween: number;
}
const COMPILED: readonly Compiled[] = PATTERNS.map((p) => ({
  pattern: p,
  steps: p.steps.map(indexOf),
  unless: indexOf(p.unless),
  notAfter: indexOf(p.notAfter),
  notBetween: indexOf(p.notBetween),
}));

/**
 * Each pattern listed under one of its step classes, the one fewest patterns share: a message holds about twenty classes,
 * and the patterns listed under them are few, where "not" alone is a step of dozens.
 */
const ANCHORED: readonly number[][] = anchorPatterns();

function anchorPatterns(): number[][] {
  const sharing = new Uint16Array(CLASSES.length);
  for (const p of COMPILED) for (const s of new Set(p.steps)) sharing[s] = (sharing[s] ?? 0) + 1;
  const anchored: number[][] = CLASSES.map(() => []);
  COMPILED.forEach((p, i) => {
    // A pattern of no steps matches nothing, and is listed nowhere.
    const anchor = p.steps.reduce((best, s) => ((sharing[s] ?? 0) < (sharing[best] ?? 0) ? s : best), p.steps[0] ?? -1);
    if (anchor >= 0) anchored[anchor]?.push(i);
  });
  return anchored;
}

/**
 * The classes a word is in: as bits by position, for the patterns' look-ups, and as a list, to find which patterns to try.
 * Forty bytes of bits stay beside the word's other data, where a byte per class would be stored apart and fetched apart.
 */
interface WordClasses {
  bits: Int32Array;
  list: readonly number[];
}

/** Villagers reuse the same few hundred words: each word's classes are worked out once. */
const memo = new Map<string, WordClasses>();
const WORDS_OF_BITS = Math.ceil(CLASSES.length / 32);
const NONE = new Int32Array(WORDS_OF_BITS);

function classesOf(token: string): WordClasses {
  const cached = memo.get(token);
  if (cached !== undefined) return cached;
  const bits = new Int32Array(WORDS_OF_BITS);
  const list: number[] = [];
  const folded = foldWord(token);
  CLASSES.forEach((c, i) => {
    if (!inClass(c, token, folded)) return;
    bits[i >> 5] = (bits[i >> 5] ?? 0) | (1 << (i & 31));
    list.push(i);
  });
  if (memo.size > 50_000) memo.clear();
  const found = { bits, list };
  memo.set(token, found);
  return found;
}

/** Whether the word at `at` is in class `c` (-1 and places outside the message are in none). */
function has(words: readonly WordClasses[], c: number, at: number): boolean {
  return c >= 0 && (((words[at]?.bits ?? NONE)[c >> 5] ?? 0) & (1 << (c & 31))) !== 0;
}

/** Which classes the message holds: kept between calls, cleared after each. */
const present = new Uint8Array(CLASSES.length);

/**
 * Every pattern the words follow, at its first place.
 *
 * @example tachelhitPatterns(['ur', 'sul', 'iyi', 'tazznm']) // [{ intent: 'stop', shared: false, anyLength: false, sure: false, from: 0, to: 3 }]
 */
export function tachelhitPatterns(tokens: readonly string[]): PatternMatch[] {
  const words = tokens.map(classesOf);
  // Most messages hold few of the classes: only a pattern each of whose step classes some word has is looked for.
  const held: number[] = [];
  for (const word of words) {
    for (const c of word.list) {
      if (present[c] === 1) continue;
      present[c] = 1;
      held.push(c);
    }
  }
  const candidates: number[] = [];
  for (const c of held) for (const i of ANCHORED[c] ?? []) if (allPresent(COMPILED[i]?.steps ?? [])) candidates.push(i);
  for (const c of held) present[c] = 0;
  // In the patterns' own order, which is the order of what they are heard as.
  candidates.sort((a, b) => a - b);
  const found: PatternMatch[] = [];
  for (const i of candidates) {
    const p = COMPILED[i];
    const m = p === undefined ? undefined : firstMatch(words, p);
    if (m) found.push(m);
  }
  return found.some((m) => m.intent === 'help') ? found.filter((m) => !openedByComplaint(m, found, words)) : found;
}

function allPresent(steps: readonly number[]): boolean {
  for (let s = 0; s < steps.length; s++) if (present[steps[s] ?? 0] !== 1) return false;
  return true;
}

/**
 * "ur kn ssingh, maf ar iyi tarram" (I don't know you, why do you write to me): a "not knowing" that a complaint opens on
 * is of the writer, not of what to do, so no help is asked.
 */
function openedByComplaint(m: PatternMatch, found: readonly PatternMatch[], words: readonly WordClasses[]): boolean {
  return m.intent === 'help' && has(words, NEG_INDEX, m.from) && found.some((c) => c.intent === 'maybe_stop' && c.from === m.from);
}

function firstMatch(words: readonly WordClasses[], c: Compiled): PatternMatch | undefined {
  const p = c.pattern;
  const length = words.length;
  const first = c.steps[0];
  if (first === undefined) return undefined;
  for (let start = 0; start < length; start++) {
    if (!has(words, first, start)) continue;
    let at = start;
    for (let s = 1; s < c.steps.length && at >= 0; s++) {
      const step = c.steps[s] ?? -1;
      let next = -1;
      for (let k = at + 1; k <= at + 1 + p.gap && k < length; k++) {
        if (has(words, step, k)) { next = k; break; }
        if (has(words, c.notBetween, k)) break;
      }
      at = next;
    }
    if (at < 0) continue;
    if (has(words, c.unless, at + 1)) continue;
    if (after(words, c.notAfter, start, p.notAfterGap ?? 0)) continue;
    if (p.positive && negated(words, start, at)) continue;
    return { intent: p.intent, shared: p.shared === true, anyLength: p.anyLength === true, sure: p.sure === true, from: start, to: at };
  }
  return undefined;
}

/** A "not" up to three words before the pattern or inside it ("wakha ur rad d ashkgh" is no promise). */
function negated(words: readonly WordClasses[], from: number, to: number): boolean {
  for (let k = from - 3; k <= to; k++) if (has(words, NEG_INDEX, k)) return true;
  return false;
}

/** A `notAfter` word right before `start`, or up to `gap` words further back. */
function after(words: readonly WordClasses[], c: number, start: number, gap: number): boolean {
  for (let k = start - 1; k >= start - 1 - gap; k--) if (has(words, c, k)) return true;
  return false;
}

// Loads the per-language lexicons (plain JSON a Darija or Tachelhit speaker can extend) into one phrase index.
import { z } from 'zod';
import { SERVICE_CODES, type ServiceCode } from '../domain/service-codes.ts';
import { IntentSchema, UNDERSTOOD_LOCALES, UnderstoodLocaleSchema, type Intent, type UnderstoodLocale } from './intents.ts';
import { boundedDistance, toleratedEdits } from './edit-distance.ts';
import { normalizeText, tokenize } from './normalize.ts';
import { verbStem } from './verb-stems.ts';
import fr from './lexicons/fr.json' with { type: 'json' };
import ar from './lexicons/ar.json' with { type: 'json' };
import ary from './lexicons/ary.json' with { type: 'json' };
import aryLatn from './lexicons/ary-latn.json' with { type: 'json' };
import shi from './lexicons/shi.json' with { type: 'json' };

const phrases = z.array(z.string().min(1));
export const LexiconFileSchema = z.object({
  markers: phrases,
  intents: z.partialRecord(IntentSchema, phrases),
  services: z.partialRecord(z.enum(SERVICE_CODES), phrases),
  numbers: z.record(z.string(), z.number().int().min(0)),
  numberPrefixes: phrases,
  back: phrases,
  languages: z.partialRecord(UnderstoodLocaleSchema, phrases),
  /** Verb stems whose other persons ("tkksm", "nkttb", "sifdat") are read as the stem; each must be a lexicon word. */
  verbStems: phrases.optional(),
  /**
   * People's names that lie close to a lexicon word ("Mimouna" to "msmouma", poisoned; "Mbarka" to "barka", enough): kept
   * as written, never read as that word, and no evidence of the language (Amazigh and Arab villagers share them).
   */
  names: phrases.optional(),
});
export type LexiconFile = z.infer<typeof LexiconFileSchema>;

/** Which language a lexicon speaks: its matches count as evidence for that locale. */
export type LexiconLanguage = UnderstoodLocale;

export type PhraseMeaning =
  | { kind: 'intent'; intent: Intent }
  | { kind: 'service'; service: ServiceCode }
  | { kind: 'language'; language: LexiconLanguage }
  | { kind: 'back' }
  | { kind: 'prefix' }
  | { kind: 'marker' };

export interface Phrase {
  tokens: readonly string[];
  meaning: PhraseMeaning;
  source: LexiconLanguage;
}

export interface Lexicon {
  /** Phrases by their first token. */
  byFirst: ReadonlyMap<string, readonly Phrase[]>;
  /**
   * byFirst's lists narrowed by the word after: under each second word, the one-word phrases and those that go on with
   * it, in byFirst's order. "ur" opens over a hundred phrases, and a message's "ur" is followed by one word.
   */
  byFirstTwo: ReadonlyMap<string, FollowedBy>;
  numbers: ReadonlyMap<string, number>;
  /** Every word of every phrase, by length, for fuzzy look-up. */
  vocabulary: ReadonlyMap<number, readonly string[]>;
  known: ReadonlySet<string>;
  /** Words found only in emergency phrases: a typo close to one of them is read as it, whatever else it is close to. */
  urgent: ReadonlySet<string>;
  /** Every letter of the vocabulary: a token with more letters outside it than it may have typos matches nothing. */
  alphabet: ReadonlySet<string>;
  /** Edits tolerated for each vocabulary word, worked out once. */
  tolerance: ReadonlyMap<string, number>;
  /** Verb stems (kks, kttb, sifd): a token that is one with person affixes is read as the stem. */
  verbStems: ReadonlySet<string>;
  /** Names kept as written (see LexiconFileSchema); not `known`, so a message of names alone is still no request. */
  names: ReadonlySet<string>;
  /** Vocabulary words by their spelling folded (doubles once, "ou" as u, "sh" as ch, no "e" inside): the first word of the lexicons wins. */
  bySpelling: ReadonlyMap<string, string>;
}

export interface FollowedBy {
  /** The one-word phrases: all that can match where the next word opens no phrase of this first word. */
  alone: readonly Phrase[];
  bySecond: ReadonlyMap<string, readonly Phrase[]>;
}

export function buildLexicon(files: ReadonlyArray<[LexiconLanguage, unknown]>): Lexicon {
  const byFirst = new Map<string, Phrase[]>();
  const numbers = new Map<string, number>();
  const seen = new Set<string>();
  const verbStems = new Set<string>();
  const names = new Set<string>();
  const add = (text: string, meaning: PhraseMeaning, source: LexiconLanguage) => {
    const tokens = tokenize(normalizeText(text));
    // People glue two-word phrases together ("rendezvous", "rendevous", "lmaw3iddyali").
    if (tokens.length === 2) addTokens([tokens.join('')], meaning, source);
    addTokens(tokens, meaning, source);
  };
  const addTokens = (tokens: readonly string[], meaning: PhraseMeaning, source: LexiconLanguage) => {
    const first = tokens[0];
    if (first === undefined) return;
    const list = byFirst.get(first) ?? [];
    // The same phrase written twice in one lexicon ("ابدأ", "إبدأ") is one piece of evidence.
    const key = `${source}|${tokens.join(' ')}|${JSON.stringify(meaning)}`;
    if (seen.has(key)) return;
    seen.add(key);
    list.push({ tokens, meaning, source });
    byFirst.set(first, list);
  };
  for (const [source, raw] of files) {
    const file = LexiconFileSchema.parse(raw);
    for (const m of file.markers) add(m, { kind: 'marker' }, source);
    for (const [intent, list] of Object.entries(file.intents)) for (const p of list ?? []) add(p, { kind: 'intent', intent: IntentSchema.parse(intent) }, source);
    for (const [service, list] of Object.entries(file.services)) {
      const code = SERVICE_CODES.find((s) => s === service);
      if (code) for (const p of list ?? []) add(p, { kind: 'service', service: code }, source);
    }
    for (const [language, list] of Object.entries(file.languages)) {
      const code = UNDERSTOOD_LOCALES.find((l) => l === language);
      if (code) for (const p of list ?? []) add(p, { kind: 'language', language: code }, source);
    }
    for (const p of file.back) add(p, { kind: 'back' }, source);
    for (const p of file.numberPrefixes) add(p, { kind: 'prefix' }, source);
    for (const v of file.verbStems ?? []) verbStems.add(normalizeText(v));
    for (const n of file.names ?? []) for (const t of tokenize(normalizeText(n))) names.add(t);
    for (const [word, n] of Object.entries(file.numbers)) {
      numbers.set(normalizeText(word), n);
      add(word, { kind: 'marker' }, source);
    }
  }
  const words = new Set<string>([...numbers.keys()]);
  for (const list of byFirst.values()) for (const p of list) for (const t of p.tokens) words.add(t);
  const vocabulary = new Map<number, string[]>();
  for (const w of words) vocabulary.set(w.length, [...(vocabulary.get(w.length) ?? []), w]);
  const alphabet = new Set<string>();
  const tolerance = new Map<string, number>();
  const bySpelling = new Map<string, string>();
  for (const w of words) {
    for (const c of w) alphabet.add(c);
    tolerance.set(w, toleratedEdits(w));
    const s = foldSpelling(w);
    if (!bySpelling.has(s)) bySpelling.set(s, w);
  }
  return { byFirst, byFirstTwo: bySecondWord(byFirst), numbers, vocabulary, known: words, urgent: urgentWords(byFirst, numbers), alphabet, tolerance, bySpelling, verbStems, names };
}

function bySecondWord(byFirst: ReadonlyMap<string, readonly Phrase[]>): Map<string, FollowedBy> {
  const index = new Map<string, FollowedBy>();
  for (const [first, list] of byFirst) {
    const seconds = new Set(list.flatMap((p) => p.tokens.slice(1, 2)));
    const bySecond = new Map([...seconds].map((second) => [second, list.filter((p) => p.tokens.length === 1 || p.tokens[1] === second)]));
    index.set(first, { alone: list.filter((p) => p.tokens.length === 1), bySecond });
  }
  return index;
}

function urgentWords(byFirst: ReadonlyMap<string, readonly Phrase[]>, numbers: ReadonlyMap<string, number>): Set<string> {
  const urgent = new Set<string>();
  const other = new Set<string>(numbers.keys());
  for (const list of byFirst.values()) {
    for (const p of list) for (const t of p.tokens) (p.meaning.kind === 'intent' && p.meaning.intent === 'emergency' ? urgent : other).add(t);
  }
  for (const t of other) urgent.delete(t);
  return urgent;
}

/** The lexicons shipped in lexicons/*.json. */
export const DEFAULT_LEXICON = buildLexicon([
  ['fr', fr],
  ['ar', ar],
  ['ary', ary],
  ['ary', aryLatn],
  ['shi', shi],
]);

/**
 * The lexicon word a typed token stands for ("bghiit" -> "bghit", "nsajl" -> "nsajel"),
 * or the token itself. Results, known words' included, are memoised: villagers reuse the same few hundred words, so
 * most tokens take one look-up. The memo belongs to `lexicon`: another lexicon reads a token otherwise.
 */
export function canonicalWord(lexicon: Lexicon, token: string, memo: Map<string, string>): string {
  const cached = memo.get(token);
  if (cached !== undefined) return cached;
  const word = lexicon.known.has(token) || lexicon.names.has(token) || /^\d+$/.test(token) ? token : closestWord(lexicon, token);
  if (memo.size > MAX_MEMO_WORDS) memo.clear();
  memo.set(token, word);
  return word;
}

/** Past this many words a memo starts afresh, so an odd stream of unique words cannot grow it for ever. */
const MAX_MEMO_WORDS = 50_000;

function closestWord(lexicon: Lexicon, token: string): string {
  const bare =
    withoutClitic(lexicon, token) ??
    sameWhenSpeltAsHeard(lexicon, token) ??
    withoutParticle(lexicon, token) ??
    verbStem(token, lexicon.verbStems, (w) => sameWhenSpeltAsHeard(lexicon, w));
  if (bare !== undefined) return bare;
  let best = token;
  let bestRank = Infinity;
  const tokenMax = toleratedEdits(token);
  let foreign = 0;
  for (const c of token) if (!lexicon.alphabet.has(c)) foreign++;
  // Short tokens tolerate no typo, and letters no lexicon word has are each one: nothing can match.
  const lengths = tokenMax === 0 || foreign > tokenMax ? 0 : 5;
  for (let len = token.length - 2; len < token.length - 2 + lengths; len++) {
    for (const word of lexicon.vocabulary.get(len) ?? []) {
      const max = Math.min(lexicon.tolerance.get(word) ?? 0, tokenMax);
      if (max === 0) continue;
      const d = boundedDistance(token, word, max);
      // Safety first: "nazif" near both a booking word and an emergency word is the emergency.
      const rank = lexicon.urgent.has(word) ? d - 100 : d;
      if (d <= max && rank < bestRank) {
        best = word;
        bestRank = rank;
      }
    }
  }
  return best;
}

/**
 * Tachelhit doubles consonants that phones type once or twice at will ("tsjlm" for "tsjjlm", "bdl" for
 * "bddl"), and French-taught writers add what the ear hears ("smoutl", "7bes", "idamen", "tashk" for
 * "tachk"): no typo, so it is read before any edit distance. What folds to two letters is left alone.
 */
function sameWhenSpeltAsHeard(lexicon: Lexicon, token: string): string | undefined {
  const folded = foldSpelling(token);
  return folded.length < 3 ? undefined : lexicon.bySpelling.get(folded);
}

/** Also an opening "i" in Arabic script, written ا, إ, ئ or ي ("ئتنفاس", "يتنفاس"), as ي; the article "ال" stays. */
export function foldSpelling(word: string): string {
  return word
    .replace(/ou/g, 'u')
    .replace(/sh/g, 'ch')
    .replace(/(?<=[a-z0-9])e(?=[a-z0-9])/g, '')
    .replace(/^ا(?!ل)/, 'ي')
    .replace(/(\p{L})\1+/gu, '$1');
}

/** Tachelhit writers glue "d" (hither) and "g" (in) to the next word: "dtashk" is "d" + "tashk", "gl9afila" "g" + "l9afila". */
function withoutParticle(lexicon: Lexicon, token: string): string | undefined {
  const m = /^(d|g)([a-z0-9]{4,})$/.exec(token);
  if (!m) return undefined;
  const rest = m[2] ?? '';
  return lexicon.known.has(rest) ? rest : sameWhenSpeltAsHeard(lexicon, rest);
}

/** Arabic glues "and", "with", "to", "in" to the next word: "بالدم" is "ب" + "الدم", "والقافلة" "و" + "القافلة". */
function withoutClitic(lexicon: Lexicon, token: string): string | undefined {
  const m = /^(و|ب|ل|ف|ك)(.{3,})$/.exec(token);
  if (!m) return undefined;
  const rest = m[2] ?? '';
  // "للطبيب" is "ل" + "الطبيب" with the alef dropped.
  for (const candidate of [rest, `ا${rest}`, `ال${rest}`]) if (lexicon.known.has(candidate)) return candidate;
  return undefined;
}

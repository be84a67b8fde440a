// Script by letter count; language by the weight of evidence (markers, lexicon matches, Arabizi digits).
import type { LexiconLanguage } from './lexicon.ts';

export interface Evidence {
  fr: number;
  ar: number;
  ary: number;
  shi: number;
}

/** A digit inside a Latin word stands for a letter in Arabizi: 3 = ع, 7 = ح, 9 = ق, 2 = ء, 5 = خ. */
const ARABIZI_WORD = /^(?=.*[a-z])(?=.*[23579]).+$/;

/** Words the normaliser puts in place of emoji; they are not writing. */
const EMOJI_WORDS = /\b(thumbsup|thumbsdown|thankshands|sos)\b/g;
/** What every emoji word contains: a text without it has none to take out. */
const IN_EMOJI_WORDS = /thumbs|thankshands|sos/;

/**
 * @param borrowed French words ("rendez-vous", "dentiste") an Arabic-script writer drops into Darija: they do not make
 * the message Latin ("بغيت rendez-vous عند dentiste" is Darija in Arabic script).
 */
export function detectScript(normalized: string, borrowed: ReadonlySet<string> = new Set()): 'arab' | 'latn' {
  if (IN_EMOJI_WORDS.test(normalized)) normalized = normalized.replace(EMOJI_WORDS, ' ');
  const arabic = countBetween(normalized, 0x0600, 0x06ff);
  const written = arabic > 0 && borrowed.size > 0 ? normalized.split(' ').filter((t) => !borrowed.has(t)).join(' ') : normalized;
  const latin = countBetween(written, 0x61, 0x7a);
  // Digits or emoji alone say nothing; most villagers write Arabic script.
  return latin > arabic ? 'latn' : 'arab';
}

/** How many code units of `text` lie between `from` and `to`: Arabic letters, or a to z, counted without building a list of them. */
function countBetween(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= from && c <= to) n++;
  }
  return n;
}

export function arabiziWeight(tokens: readonly string[]): number {
  return tokens.filter((t) => ARABIZI_WORD.test(t)).length * 2;
}

/**
 * @param words the same evidence counted once per word (see word-evidence.ts): Tachelhit is also judged on it, as
 * Darija's larger lexicon matches one word in several phrases.
 *
 * Tachelhit when its own words outweigh Darija's and the others': Tachelhit speakers borrow Darija words
 * ("tbib", "l9afila", "salam") that count for both, so a tie is Darija, the language most villagers write.
 * Otherwise, Latin script is French or Arabizi Darija: Darija when its evidence is at least France's, French
 * otherwise ("ok", "stop"); Arabic script is MSA or Darija: Darija unless MSA weighs more.
 */
export function decideLocale(script: 'arab' | 'latn', evidence: Evidence, words: Evidence = evidence): LexiconLanguage {
  if (isTachelhit(script, evidence) || isTachelhit(script, words)) return 'shi';
  // Darija writers borrow French nouns ("rendez-vous", "l'écho"); French writers rarely borrow Darija.
  if (script === 'latn') return evidence.ary > 0 && evidence.ary >= evidence.fr ? 'ary' : 'fr';
  return evidence.ar > evidence.ary ? 'ar' : 'ary';
}

export function isTachelhit(script: 'arab' | 'latn', evidence: Evidence): boolean {
  // Arabizi digits say "not French", not which of Darija and Tachelhit: they are counted for both.
  const others = script === 'latn' ? Math.max(evidence.ary, evidence.fr) : Math.max(evidence.ary, evidence.ar);
  return evidence.shi > 0 && evidence.shi > others;
}

/** First person singular ("sawlgh", "fhimgh", "ساولغ"): Tachelhit's "-ɣ" ending, which Darija and French verbs never have. */
const FIRST_PERSON_LATIN = /^[a-z0-9]{2,}gh$/;
/** Arabic-script "-غ", except nouns that end in it: "الفراغ", "دماغ", "بلاغ" (alef before it), "مبلغ", "تبليغ". */
const FIRST_PERSON_ARABIC = /^(?!ال)[\u0621-\u064A]{2,}غ$/;
const ARABIC_GH_NOUN = /(اغ|با?لي?غ)$/;

/** A verb with Tachelhit's "me" glued on ("ariyi", "ajjiyi", "ارايي"): Darija says "liya", "ليا". */
const GLUED_ME = /^[a-z0-9]{2,}iyi$|^[\u0621-\u064A]{2,}ايي$/;

/**
 * "You all" in Latin script, with no vowel written: "tktbm", "tsjjlm", "ktbtm" (Darija says "ktbtu", "katsjlu"). Darija's
 * own "t-" verbs whose stem ends in "m" ("tfhm", "tkhdm", "t9dm") are left out; Arabic script, which writes no short
 * vowels, is left out too ("تفهم", "تكلم").
 */
const YOU_ALL_LATIN = /^(?!t(?:fhm|khdm|xdm|qdm|9dm|3lm|slm|hkm|7km|lzm|kl+m|rjm|rsm|hrm|7rm)$)(?:tt?[bcdfghjklmnqrstwxyz]{2,5}m|[bcdfghjklmnqrstwxyz]{2,5}tm)t?$/;
/**
 * First person written "-x" for "-ɣ" after a consonant: "ssinx", "sjjlx", "fhimx". Darija's negative "-x" follows "t", a
 * vowel or an opening "ma" ("mafhmtx", "mabghix"); French's follows a vowel ("prix", "deux").
 */
const FIRST_PERSON_X = /^(?!ma)[a-z0-9]{2,}[bcdfghjklmnpqrsvwyz]x$/;
/** The passive, which Darija forms with "t-" alone: "ittusjjl" (he was registered), "ttuqiydgh", "tttuktb". */
const PASSIVE = /^(?:i|t)?ttu[bcdfghjklmnqrsvwxyz3-9][a-z0-9]{2,}$/;
/** "My" glued on a noun: "ismino", "babatinou", "tamghartinu" (Darija says "smiti", "bba dyali"). */
const GLUED_MY = /^[a-z]{3,}(?:inu|ino|inou)$/;

/** A word in a verb form only Tachelhit writes: counted as Tachelhit evidence when no phrase claims it. */
export function isTachelhitVerb(token: string): boolean {
  const known = verbs.get(token);
  if (known !== undefined) return known;
  const verb = hasTachelhitVerbForm(token);
  if (verbs.size >= MAX_MEMO_WORDS) verbs.clear();
  verbs.set(token, verb);
  return verb;
}

/** Words are weighed several times per message, and villagers reuse the same few hundred: each is tested once. */
const verbs = new Map<string, boolean>();
/** Past this many words the memo starts afresh, so an odd stream of unique words cannot grow it for ever. */
const MAX_MEMO_WORDS = 50_000;

function hasTachelhitVerbForm(token: string): boolean {
  return (
    FIRST_PERSON_LATIN.test(token) ||
    (FIRST_PERSON_ARABIC.test(token) && !ARABIC_GH_NOUN.test(token)) ||
    GLUED_ME.test(token) ||
    FIRST_PERSON_X.test(token) ||
    YOU_ALL_LATIN.test(token) ||
    PASSIVE.test(token) ||
    GLUED_MY.test(token)
  );
}

/**
 * A word opening on ؤ, ئ or a bare ء before its vowel: Tachelhit's way of writing an opening "u" or "i" ("ؤر", "ئيي",
 * "ءيدامن"), which Arabic words never have.
 */
const HAMZA_OPENING = /(?:^|[^\u0600-\u06FF])(?:[ؤئ]|ء[ياوؤ])/g;

/** How many words the writer opened Tachelhit's way, read before normalising folds ؤ and ئ away. */
export function tachelhitOpenings(text: string): number {
  return text.match(HAMZA_OPENING)?.length ?? 0;
}

/** A word in Tifinagh, which only Amazigh is written in: read before normalising folds it into Latin letters. */
const TIFINAGH_WORD = /[\u2D30-\u2D7F]+/g;

/** How many words are written in Tifinagh ("ⵉⴱⴱⵉ ⵜ ⵓⵍⴼⵙⴰ"): each as sure a sign of Tachelhit as a ؤ or ئ opening. */
export function tifinaghWords(text: string): number {
  return text.match(TIFINAGH_WORD)?.length ?? 0;
}

/**
 * Tachelhit's own grammar and everyday words, which a Darija writer never borrows (unlike "lmaw3id", "tbib", "bzaf"
 * that Tachelhit writers borrow from Darija): negation, "me", "my" (also "انو", as Arabic script writes it plain), "I want", "what", "where", "when", "thanks", "is" ("iga"),
 * "on you" ("ghifk"), "yesterday" ("idgam"), Arabic script's lone "س" (with), "غ" (in), "ن" (of), which Arabic glues on,
 * and the kin named in Tachelhit.
 */
const TACHELHIT_CORE = new Set([
  'ur', 'our', 'ور', 'iyi', 'ayi', 'ايي', 'inu', 'inou', 'اينو', 'ينو', 'nnun', 'nns', 'nnk', 'نون', 'righ', 'rix', 'ريغ', 'mad', 'mayd', 'ماد', 'mani',
  'manig', 'ماني', 'mlmi', 'ملمي', 'مليمي', 'nkki', 'نكي', 'tanmmirt', 'tanmirt', 'تانميرت', 'azul', 'ازول', 'manzakin', 'مانزاكين', 'uhu', 'اوهو',
  'ghurun', 'غورون', 'ghurk', 'ghuri', 'nagh', 'ناغ', 'zg', 'ghila', 'غيلا', 'wddi', 'ad', 'اد', 'nngh', 'نغ', 'iga', 'tga', 'ايكا', 'تكا', 'ayd', 'ghifk',
  'غيفك', 'idgam', 'اضكام', 'س', 'غ', 'ن', 'انو',
  // Kin a villager books for, in words Darija does not have ("gma", my brother; "ultma", my sister; "iwi", my son).
  'gma', 'ultma', 'iwi', 'yiwi', 'tamghart', 'argaz', 'tarwa', 'ايوي', 'ولتما', 'تامغارت', 'تاروا',
  // "my" written apart ("smiyt nu", "mama ino"), "I want" cut short ("ri ad sajlgh"), "whether" ("is ttusjjl"), "how" ("mamnk").
  'nu', 'nnu', 'nou', 'ino', 'ri', 'is', 'mamnk', 'mamk', 'manik', 'مامنك', 'مامك',
  // "No" and "yes" as only Tachelhit says them: "uhu" in any vowel ("ohu la"), "yes" with its doubled "y" ("iyyeh wakha",
  // "ييه واخا"; Darija writes "iyeh", "ايه"), and "I want" with "3" for "ɣ" ("ri3").
  'ohu', 'oho', 'uhuu', 'iyyeh', 'ayyeh', 'ييه', 'اييه', 'ri3',
  // Arabic script's "nns" (his, her), "ar" before a verb (is doing), "bahra" (very), "yaḍnin" (other), "ayad" (this), "nkni"
  // (we), "dɣi" (now), "ɣilad" (now): a Tachelhit writer keeps them among Darija words ("السكر نس ار يتّالي بهرا").
  'نس', 'ار', 'بهرا', 'bahra', 'ياضنين', 'يضنين', 'yadnin', 'yadni', 'اياد', 'ayad', 'نكني', 'nkni', 'دغي', 'dghi', 'غيلاد', 'ghilad',
]);

/** A word that is Tachelhit's alone, and so weighs more than a loanword both languages write. */
export function isTachelhitCore(token: string): boolean {
  return TACHELHIT_CORE.has(token) || isTachelhitVerb(token);
}

/**
 * Tachelhit dictated to a phone set to French comes out as words French never writes: "inou", "ino" (inu, my), "mellemi",
 * "mélimi" (mlmi, when), "rig", "ric", "rigade" (riɣ, riɣ ad), "isa" (is), "tarades" (tarat, messages), "achka", "à dache" (ashk, come).
 * French words the ear also makes of Tachelhit ("ours", "rate", "radar", "soul") are left out: French writes them.
 */
const VOICED_WORDS = new Set([
  'inou', 'ino', 'innou', 'inno', 'inu', 'mellemi', 'melimi', 'mellimi', 'mlimi', 'mlmi', 'malmi', 'mellmi', 'rig', 'ric', 'rigad', 'rigade', 'ricad',
  'ricade', 'isa', 'tarades', 'tarade', 'tarat', 'achka', 'tachka', 'dachka', 'rachka', 'dache', 'adache', 'thas',
  // "My" written apart ("rendez-vous ni nu"): French writes "nu" (bare) too rarely to mind among other traces.
  'nu', 'nou',
]);
/** Two French words the ear makes of one Tachelhit word: "mal mi" (mlmi), "ou rare", "ou rase" (ur rad). */
const VOICED_PAIRS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['mal', new Set(['mi'])],
  ['mel', new Set(['mi'])],
  ['ou', new Set(['rare', 'rase', 'rad', 'rade'])],
]);

/** How many traces of Tachelhit dictated to a French keyboard the words hold ("rendez-vous inou … mal mi": two). */
export function voicedTachelhit(tokens: readonly string[]): number {
  let traces = 0;
  tokens.forEach((t, i) => {
    if (VOICED_WORDS.has(t) || VOICED_PAIRS.get(t)?.has(tokens[i + 1] ?? '') === true) traces++;
  });
  return traces;
}

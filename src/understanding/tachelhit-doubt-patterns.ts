// Doubt about the messages themselves ("is this real or a scam?", "is it lies?", "who are you?"): a villager who fears a
// fraud may want them stopped, so the rules ask, never stop at once.
import { NEG, WHO } from './tachelhit-classes.ts';
import { verb, words, type Pattern } from './tachelhit-words.ts';

/**
 * A fraud or its author, as villagers write it: Tachelhit's "nnsb", Darija's "nsba", "nnsaba", "نصابة", French "arnaque",
 * "escroc". The bare verb "نصب", "nsb" is left out: it also sets up a tent.
 */
const SCAM = new RegExp(
  [
    '^(?:l|n)?n?s+a?b+(?:a|in|at)$|^nn?s+a?b$|^(?:l|n)?n?s+a+b+(?:in|a|at)?$',
    '^(?:ال|ل)?نص+اب(?:ه|ين|ات)?$|^(?:ال|ل)?نصبه$',
    '^arna(?:q|k)(?:ue|e)?(?:s|urs?)?$|^escro(?:c|cs|querie)$|^scam(?:s|mers?)?$|^fake$',
  ].join('|'),
);
/** Lies: "lkdub", Tachelhit's "tikrkas", "الكذوب", French "mensonge"; "batel" is also "free of charge", so is left out. */
const LIES = words('kdub', 'lkdub', 'kdoub', 'lkdoub', 'tikrkas', 'tikerkas', 'tkrkas', 'krkas', 'كذوب', 'الكذوب', 'تيكركاس', 'كركاس', 'mensonge', 'mensonges');
/** True, real: Darija's "bsa7", "بصح", Tachelhit's "tidt" (the truth), French "vrai". */
const REAL = words(
  'bsa7', 'bsah', 'bs7', 'bss7', 'bssa7', 'bsaa7', 'sa7i7', 'sahih', 's7i7', 'bssah', 'tidt', 'ttidt', 'vrai', 'vraiment', 'reel', 'real', 'بصح', 'بالصح', 'صحيح',
  'تيدت', 'تديت',
);
/** "Or", in every language villagers mix: "ola", "wla", "ulla", "ولا", "ou". */
const OR = words('ola', 'ula', 'wla', 'wala', 'wlla', 'ulla', 'walla', 'wlla', 'ou', 'or', 'ولا', 'ولاه', 'والا', 'اولا');

/** You, the writers, as a pronoun: "kunni", "kyyi", "ntuma"; "ntta" (he) is left out, as "chkun ntta" asks who someone is. */
const YOU = words('kunni', 'kunnint', 'kyyi', 'kiyi', 'kmmi', 'ntuma', 'ntouma', 'كوني', 'كونينت', 'كيي', 'كمي', 'نتوما');
/** You are, in any person: "tgit", "tgam", "tgim" ("ma tgam": what are you). */
const YOU_ARE = words('tgit', 'tgid', 'tgam', 'tgim', 'tgamt', 'تكيت', 'تكيد', 'تكام', 'تكيم', 'تكامت');
const YOU_ARE_OR_YOU: ReadonlySet<string> = new Set([...YOU, ...YOU_ARE]);
/** You as an object: "ur kn ssingh" (I don't know you), "ur km nssin". */
const YOU_OBJECT = words('kn', 'kun', 'kwn', 'km', 'kem', 'kmm', 'كن', 'كون', 'كم');
/** Knowing someone, in any person: "ssingh", "nssn", Darija's "n3rf". */
const KNOW = verb('ssn|ssin|3rf|3raf', 'سن|سين|عرف');

export const DOUBT_PATTERNS: readonly Pattern[] = [
  { intent: 'maybe_stop', steps: [SCAM], gap: 0, shared: true },
  { intent: 'maybe_stop', steps: [LIES], gap: 0, shared: true },
  // "wach had lkaravana bsa7 ola chi 7aja d lflus", "is tidt ola tikrkas": real, or something else.
  // "bsa7 ola la" (true or not) may ask whether a visit is really coming: no doubt of the messages is said.
  { intent: 'maybe_stop', steps: [REAL, OR], gap: 2, shared: true, unless: words('la', 'lla', 'لا', 'non', 'uhu', 'oho', 'lala') },
  // A stranger writing: "chkun ntuma?", "mad tgam kunni?", "ur ssingh ma tgam", "ur kn ssingh" (who are you, I don't know you).
  { intent: 'maybe_stop', steps: [WHO, YOU], gap: 1, shared: true },
  { intent: 'maybe_stop', steps: [NEG, KNOW, WHO, YOU_ARE_OR_YOU], gap: 1 },
  { intent: 'maybe_stop', steps: [NEG, YOU_OBJECT, KNOW], gap: 0 },
];

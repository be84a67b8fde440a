// Folds the many ways people write the same word into one form, for matching (not for display).

const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/g;
const TATWEEL = /\u0640/g;
const LATIN_ACCENTS = /[\u0300-\u036F]/g;
const ARABIC_INDIC_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Emoji people answer with; kept as words so the lexicons can name them. */
const EMOJI_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/\u{1F44D}[\u{1F3FB}-\u{1F3FF}]?/gu, ' thumbsup '],
  [/\u{1F44E}[\u{1F3FB}-\u{1F3FF}]?/gu, ' thumbsdown '],
  [/\u{1F64F}[\u{1F3FB}-\u{1F3FF}]?/gu, ' thankshands '],
  [/\u{1F198}/gu, ' sos '],
];

/**
 * Tifinagh (IRCAM) letter by letter into the Latin letters Tachelhit is typed with on phones: the emphatics
 * lose their dot (ⴹ d, ⵟ t), ⵖ is "gh", ⵄ "3" and ⵃ "7" as in Arabizi, ⵛ "ch", ⵅ "kh", ⵯ (labialised) "w".
 */
const FOLD_TIFINAGH: Record<string, string> = {
  'ⴰ': 'a', 'ⴱ': 'b', 'ⴳ': 'g', 'ⴷ': 'd', 'ⴹ': 'd', 'ⴻ': 'e', 'ⴼ': 'f', 'ⴽ': 'k', 'ⵀ': 'h', 'ⵃ': '7', 'ⵄ': '3', 'ⵅ': 'kh', 'ⵇ': 'q',
  'ⵉ': 'i', 'ⵊ': 'j', 'ⵍ': 'l', 'ⵎ': 'm', 'ⵏ': 'n', 'ⵓ': 'u', 'ⵔ': 'r', 'ⵕ': 'r', 'ⵖ': 'gh', 'ⵙ': 's', 'ⵚ': 's', 'ⵛ': 'ch', 'ⵜ': 't',
  'ⵟ': 't', 'ⵡ': 'w', 'ⵢ': 'y', 'ⵣ': 'z', 'ⵥ': 'z', 'ⵯ': 'w', '⵰': ' ', '\u2D7F': '',
};
const TIFINAGH = /[\u2D30-\u2D7F]/g;
/** Latin letters of Tachelhit (and of Berber keyboards) that have no accent to drop: written as on phones. */
const FOLD_BERBER_LATIN: Record<string, string> = { 'ɣ': 'gh', 'Ɣ': 'gh', 'ɛ': '3', 'Ɛ': '3', 'ḥ': '7', 'Ḥ': '7', 'ʷ': 'w' };
const BERBER_LATIN = /[ɣƔɛƐḥḤʷ]/g;

/** Morocco writes "g" as ڭ, گ or ݣ ("زݣ", from) and "v" as ڤ ("لكاراڤانا"): the letters Arabic has for them. */
const FOLD_ARABIC: Record<string, string> = { 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه', 'ؤ': 'و', 'ئ': 'ي', 'ک': 'ك', 'ی': 'ي', 'ڭ': 'ك', 'گ': 'ك', 'ݣ': 'ك', 'ڤ': 'ف' };

/**
 * @example normalizeText('Salaaam 3afak!!') // 'salam 3afak'
 * @example normalizeText('شكـــرا ٢')       // 'شكرا 2'
 * @example normalizeText('ⴰⵣⵓⵍ, riɣ ad ḥbsɣ') // 'azul righ ad 7bsgh'
 */
export function normalizeText(input: string): string {
  return foldCharByChar(input) ?? foldStepByStep(input);
}

/**
 * The words of a normalised text. Understanding a message and its second opinion each ask for the same text's words: the
 * last text's are kept, so they are shared, and read only.
 */
export function tokenize(normalized: string): readonly string[] {
  if (normalized !== lastText) {
    lastWords = normalized === '' ? [] : normalized.split(' ');
    lastText = normalized;
  }
  return lastWords;
}

let lastText: string | undefined;
let lastWords: readonly string[] = [];

/** The folding itself, one pass per concern: any text at all, and the reference the character table is built from. */
function foldStepByStep(input: string): string {
  return finish(foldArabicLettersAndAccents(foldWordOpenings(foldCharacters(input))));
}

/** Everything that depends on one character alone, up to what the word-opening rules look at. */
function foldCharacters(input: string): string {
  let t = input.normalize('NFKC').replace(INVISIBLE, ' ');
  for (const [pattern, word] of EMOJI_WORDS) t = t.replace(pattern, word);
  return t
    .replace(TIFINAGH, (c) => FOLD_TIFINAGH[c] ?? c)
    // Before accents go: ḥ is 7, not h; ḍ, ṭ, ẓ, ṣ, ṛ lose their dot below with the other accents.
    .replace(BERBER_LATIN, (c) => FOLD_BERBER_LATIN[c] ?? c)
    .replace(ARABIC_INDIC_DIGIT, (d) => String((d.codePointAt(0) ?? 0) & 0xf))
    .replace(ARABIC_MARKS, '')
    .replace(TATWEEL, '');
}

function foldWordOpenings(t: string): string {
  return t
    // Tachelhit in Arabic script opens a word in "i" with ئ ("ئيي", "ئخصا"), which Arabic never does: it is an alef,
    // as "إ" is, and not a "ي" that would merge "ئيي" into one letter.
    .replace(/(?<![\u0600-\u06FF])ئ/g, 'ا')
    // Others write that opening as a bare hamza before its vowel ("ءيدامن", "ءاس", "ءولفسا"): the same alef, or a waw.
    .replace(/(?<![\u0600-\u06FF])ء(?=ي)/g, 'ا')
    .replace(/(?<![\u0600-\u06FF])ء(?=[اوؤ])/g, '');
}

function foldArabicLettersAndAccents(t: string): string {
  return stripAccents(foldArabicLetters(t));
}

function foldArabicLetters(t: string): string {
  return t.replace(/[أإآٱىةؤئکیڭگݣڤ]/g, (c) => FOLD_ARABIC[c] ?? c);
}

function stripAccents(t: string): string {
  return t.normalize('NFD').replace(LATIN_ACCENTS, '').normalize('NFC');
}

/** Lower case, punctuation as spaces, a letter stretched three times or more written once, single spaces. */
function finish(text: string): string {
  return text
    .toLowerCase()
    // Apostrophes split "l'opération" and "m'inscrire" like a space would.
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    // Elongation: three or more of the same letter become one ("salaaam", "بزاااف").
    .replace(/(\p{L})\1{2,}/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

// The same folding in one pass over the text, for the characters messages are written with: each folds on its
// own, as foldStepByStep folds it alone, and only ئ and ء look at their neighbours. A text with any other
// character (combining accents, which compose with the letter before them; other scripts) takes the passes.

/** How foldStepByStep folds one character when it stands alone. */
interface CharFold {
  /** Its part of the result: lower case, letters and digits, spaces for the rest; '' when it is dropped. */
  readonly out: string;
  /** Dropped before the word-opening rules look (harakat, tatweel), so they see its neighbours as adjacent. */
  readonly dropped: boolean;
  /** What those rules see of it ends in the Arabic block, so a ئ or ء after it does not open a word. */
  readonly arabicEnd: boolean;
  /** The first code unit those rules see of it: a word-opening ء is read by the letter after it. */
  readonly first: number;
  /** 2 for a character beyond the BMP (emoji), else 1. */
  readonly units: number;
}

const YEH_HAMZA = 0x0626; // ئ
const HAMZA = 0x0621; // ء
const ALEF = 'ا';
/** A word-opening ء is an alef before ي, and silent before ا, و or ؤ (foldWordOpenings). */
const HAMZA_AS_ALEF_BEFORE = new Set([0x064a]);
const HAMZA_SILENT_BEFORE = new Set([0x0627, 0x0648, 0x0624]);

/** Code points whose folding does not depend on their neighbours among each other: nothing here composes in NFKC. */
const TABLE_REACH: ReadonlyArray<readonly [number, number]> = [
  [0x0080, 0x02ff], // Latin-1, Latin Extended, IPA (ɣ, ɛ), modifier letters (ʷ)
  [0x0600, 0x06ff], [0x0750, 0x077f], // Arabic, Arabic Supplement (ݣ)
  [0x1e00, 0x1eff], // Latin Extended Additional (ḥ, ḍ, ṭ, ẓ)
  [0x2000, 0x2bff], // punctuation, symbols, arrows, dingbats
  [0x2d30, 0x2d7f], // Tifinagh
  [0x3000, 0x303f], // CJK punctuation (the ideographic space)
  [0xfb00, 0xfb06], // Latin ligatures (ﬁ)
  [0xfe00, 0xfe0f], // variation selectors, which follow emoji
  [0xfeff, 0xfeff], // zero-width no-break space
  [0xff00, 0xffef], // full-width letters and punctuation
  [0x1f000, 0x1faff], // emoji
];
const MARK = /\p{M}/u;
/** Marks NFKC composes with the letter before them (أ, آ, إ, ؤ, ئ): dropping them alone would miss that. */
const COMPOSING_ARABIC_MARK = /[\u0653-\u0655]/;
/** They only choose how an emoji is drawn, and compose with nothing. */
const VARIATION_SELECTOR = /[\uFE00-\uFE0F]/;
const LETTER = /\p{L}/u;

/**
 * Folds of the characters met so far, worked out on first meeting (all of them would slow start-up). By BMP code
 * unit: 0 not met yet, 1 not foldable alone, else BMP_FOLDS[n - 2].
 */
const BMP_FOLD_INDEX = new Uint16Array(0x10000);
const BMP_FOLDS: CharFold[] = [];
const ASTRAL_FOLDS = new Map<number, CharFold | undefined>();

/** The fold of the character at index i, or undefined if the text must take the passes. */
function charFoldAt(text: string, i: number): CharFold | undefined {
  const unit = text.charCodeAt(i);
  if (unit < 0xd800 || unit > 0xdfff) return bmpFold(unit);
  const low = text.charCodeAt(i + 1);
  if (unit > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) return undefined; // a lone surrogate
  const codePoint = ((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  if (!inReach(codePoint)) return undefined; // and the cache stays small
  if (!ASTRAL_FOLDS.has(codePoint)) ASTRAL_FOLDS.set(codePoint, foldAlone(codePoint));
  return ASTRAL_FOLDS.get(codePoint);
}

function bmpFold(unit: number): CharFold | undefined {
  let n = BMP_FOLD_INDEX[unit] ?? 1;
  if (n === 0) {
    const fold = foldAlone(unit);
    if (fold) BMP_FOLDS.push(fold);
    n = fold ? BMP_FOLDS.length + 1 : 1;
    BMP_FOLD_INDEX[unit] = n;
  }
  return n === 1 ? undefined : BMP_FOLDS[n - 2];
}

/** How foldStepByStep folds the character alone, or undefined if its neighbours could change that. */
function foldAlone(codePoint: number): CharFold | undefined {
  if (!inReach(codePoint)) return undefined;
  const char = String.fromCodePoint(codePoint);
  const seen = foldCharacters(char);
  if (!foldsAlone(char, seen)) return undefined;
  // What finish makes of it, but for the spaces, which only count once the neighbours are known.
  const out = foldArabicLettersAndAccents(seen).toLowerCase().replace(/[^\p{L}\p{N}]/gu, ' ');
  if (![...out].every(isPlainOutput)) return undefined;
  const last = seen.charCodeAt(seen.length - 1);
  return { out, dropped: seen === '', arabicEnd: last >= 0x0600 && last <= 0x06ff, first: seen.charCodeAt(0), units: char.length };
}

function foldsAlone(char: string, seen: string): boolean {
  if (VARIATION_SELECTOR.test(char)) return true;
  // Other marks reorder and compose with what precedes them; harakat and the Tifinagh joiner are dropped anyway.
  if (MARK.test(char)) return seen === '' && !COMPOSING_ARABIC_MARK.test(char);
  // Compatibility forms (ｆ, ﬁ, ʷ, ⵯ) are their NFKC letters, provided those are plain themselves: not
  // half-width Hangul, say, whose jamo compose with each other.
  const nfkc = char.normalize('NFKC');
  if (nfkc !== char && ![...nfkc].every(isPlainInput)) return false;
  // Only ئ and ء themselves are read by the word-opening rules.
  if (char !== 'ئ' && char !== 'ء' && /[ئء]/.test(seen)) return false;
  // After NFD, Latin accents go; anything else that decomposes would recompose with its neighbours.
  return !MARK.test(foldArabicLetters(seen).normalize('NFD').replace(LATIN_ACCENTS, ''));
}

/** ASCII, or a character of the table's reach that NFKC keeps and that joins nothing before it. */
function isPlainInput(c: string): boolean {
  const codePoint = c.codePointAt(0) ?? 0;
  return codePoint < 0x80 || (inReach(codePoint) && c.normalize('NFKC') === c && !MARK.test(c));
}

function inReach(codePoint: number): boolean {
  return TABLE_REACH.some(([from, to]) => codePoint >= from && codePoint <= to);
}

/** A space, an ASCII digit or lower-case letter, or another BMP letter: what the single pass knows how to write. */
function isPlainOutput(c: string): boolean {
  return /^[ 0-9a-z]$/.test(c) || (c.length === 1 && c >= '\x80' && LETTER.test(c));
}

/** The result of finish, written one character at a time. */
class Folded {
  private text = '';
  private spaceDue = false;
  private lastLetter = -1;
  private run = 0;

  letter(code: number): void {
    if (code === this.lastLetter) {
      // Three or more of the same letter are written once.
      if (++this.run === 3) this.text = this.text.slice(0, -1);
      if (this.run >= 3) return;
    } else {
      this.lastLetter = code;
      this.run = 1;
    }
    this.write(code);
  }

  digit(code: number): void {
    this.lastLetter = -1;
    this.write(code);
  }

  space(): void {
    this.spaceDue = this.text !== '';
    this.lastLetter = -1;
  }

  /** A fold's output, as classified by isPlainOutput. */
  add(out: string): void {
    for (let i = 0; i < out.length; i++) {
      const code = out.charCodeAt(i);
      if (code === 0x20) this.space();
      else if (code <= 0x39) this.digit(code);
      else this.letter(code);
    }
  }

  toString(): string {
    return this.text;
  }

  private write(code: number): void {
    if (this.spaceDue) {
      this.text += ' ';
      this.spaceDue = false;
    }
    this.text += String.fromCharCode(code);
  }
}

/** foldStepByStep in one pass, or undefined when the text has a character whose fold depends on its neighbours. */
function foldCharByChar(input: string): string | undefined {
  const folded = new Folded();
  let arabicBefore = false;
  for (let i = 0; i < input.length; ) {
    const unit = input.charCodeAt(i);
    if (unit < 0x80) {
      if (unit >= 0x61 && unit <= 0x7a) folded.letter(unit);
      else if (unit >= 0x41 && unit <= 0x5a) folded.letter(unit | 0x20);
      else if (unit >= 0x30 && unit <= 0x39) folded.digit(unit);
      else folded.space();
      arabicBefore = false;
      i++;
      continue;
    }
    const fold = charFoldAt(input, i);
    if (!fold) return undefined;
    if (unit === YEH_HAMZA && !arabicBefore) folded.add(ALEF);
    else if (unit === HAMZA && !arabicBefore) folded.add(hamzaOpening(input, i + 1) ?? fold.out);
    else folded.add(fold.out);
    if (!fold.dropped) arabicBefore = fold.arabicEnd;
    i += fold.units;
  }
  return folded.toString();
}

/** What a word-opening ء is written as, given the text after it; undefined when it stays. */
function hamzaOpening(input: string, after: number): string | undefined {
  let i = after;
  while (input.charCodeAt(i) >= 0x80 && charFoldAt(input, i)?.dropped) i++;
  const unit = input.charCodeAt(i); // NaN past the end
  const first = unit >= 0x80 ? charFoldAt(input, i)?.first : unit;
  if (first === undefined) return undefined;
  if (HAMZA_AS_ALEF_BEFORE.has(first)) return ALEF;
  return HAMZA_SILENT_BEFORE.has(first) ? '' : undefined;
}

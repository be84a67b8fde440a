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
  // Plain ASCII, most Latin messages, has nothing to fold: only case, punctuation and stretched letters.
  if (PRINTABLE_ASCII.test(input)) return finish(input);
  let t = input.normalize('NFKC').replace(INVISIBLE, ' ');
  for (const [pattern, word] of EMOJI_WORDS) t = t.replace(pattern, word);
  t = t
    .replace(TIFINAGH, (c) => FOLD_TIFINAGH[c] ?? c)
    // Before accents go: ḥ is 7, not h; ḍ, ṭ, ẓ, ṣ, ṛ lose their dot below with the other accents.
    .replace(BERBER_LATIN, (c) => FOLD_BERBER_LATIN[c] ?? c)
    .replace(ARABIC_INDIC_DIGIT, (d) => String((d.codePointAt(0) ?? 0) & 0xf))
    .replace(ARABIC_MARKS, '')
    .replace(TATWEEL, '')
    // Tachelhit in Arabic script opens a word in "i" with ئ ("ئيي", "ئخصا"), which Arabic never does: it is an alef,
    // as "إ" is, and not a "ي" that would merge "ئيي" into one letter.
    .replace(/(?<![\u0600-\u06FF])ئ/g, 'ا')
    // Others write that opening as a bare hamza before its vowel ("ءيدامن", "ءاس", "ءولفسا"): the same alef, or a waw.
    .replace(/(?<![\u0600-\u06FF])ء(?=ي)/g, 'ا')
    .replace(/(?<![\u0600-\u06FF])ء(?=[اوؤ])/g, '')
    .replace(/[أإآٱىةؤئکیڭگݣڤ]/g, (c) => FOLD_ARABIC[c] ?? c)
    .normalize('NFD')
    .replace(LATIN_ACCENTS, '')
    .normalize('NFC');
  return finish(t);
}

const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

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

export function tokenize(normalized: string): string[] {
  return normalized === '' ? [] : normalized.split(' ');
}

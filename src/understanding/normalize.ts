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

const FOLD_ARABIC: Record<string, string> = { 'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه', 'ؤ': 'و', 'ئ': 'ي', 'ک': 'ك', 'ی': 'ي', 'ڭ': 'ك', 'گ': 'ك' };

/**
 * @example normalizeText('Salaaam 3afak!!') // 'salam 3afak'
 * @example normalizeText('شكـــرا ٢')       // 'شكرا 2'
 */
export function normalizeText(input: string): string {
  let t = input.normalize('NFKC').replace(INVISIBLE, ' ');
  for (const [pattern, word] of EMOJI_WORDS) t = t.replace(pattern, word);
  t = t
    .replace(ARABIC_INDIC_DIGIT, (d) => String((d.codePointAt(0) ?? 0) & 0xf))
    .replace(ARABIC_MARKS, '')
    .replace(TATWEEL, '')
    .replace(/[أإآٱىةؤئکیڭگ]/g, (c) => FOLD_ARABIC[c] ?? c)
    .normalize('NFD')
    .replace(LATIN_ACCENTS, '')
    .normalize('NFC')
    .toLowerCase()
    // Apostrophes split "l'opération" and "m'inscrire" like a space would.
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    // Elongation: three or more of the same letter become one ("salaaam", "بزاااف").
    .replace(/(\p{L})\1{2,}/gu, '$1');
  return t.replace(/\s+/g, ' ').trim();
}

export function tokenize(normalized: string): string[] {
  return normalized === '' ? [] : normalized.split(' ');
}

// Normalisation folds spelling variants together so one lexicon entry matches them all.
import { describe, expect, it } from 'vitest';
import { normalizeText, tokenize, understand } from '../../src/understanding/index.ts';

describe('normalisation', () => {
  it.each([
    ['Salaaaam!!', 'salam'],
    ['شكـــرا', 'شكرا'],
    ['أريد إلغاء', 'اريد الغاء'],
    ['مدرسة مستشفى', 'مدرسه مستشفي'],
    ['السَّلامُ عَلَيْكُم', 'السلام عليكم'],
    ['٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹', '0123456789 0123456789'],
    ['\u200fرقم\u200e ٢\u202b', 'رقم 2'],
    ["L'opération, c'est quand ?", 'l operation c est quand'],
    ['Réservé Écho', 'reserve echo'],
    ['ｆｕｌｌｗｉｄｔｈ', 'fullwidth'],
  ])('folds %j into %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('tolerates misspellings in proportion to the word length', () => {
    expect(understand('bghiit nsajl').intent).toBe('book');
    expect(understand('rendevous').intent).toBe('book');
    expect(understand('اريد حجز موعد').intent).toBe('book');
    expect(understand('anuler').intent).toBe('cancel');
    // Short words must match exactly: "la" is no, "le" is not.
    expect(understand('le').intent).toBe('unknown');
  });

  it('reads digits in three scripts and number words as choices', () => {
    for (const [text, n] of [['2', 2], ['٢', 2], ['۲', 2], ['wa7ed', 1], ['جوج', 2], ['trois', 3], ['رقم 2', 2], ['numéro 3', 3]] as const) {
      expect(understand(text), text).toMatchObject({ intent: 'choice', entities: { number: n } });
    }
  });

  it('decides the language by the weight of evidence when people mix them', () => {
    expect(understand("bghit rendez-vous m3a l'ophtalmo")).toMatchObject({ intent: 'book', locale: 'ary', script: 'latn', entities: { service: 'ophthalmology' } });
    expect(understand('je veux un rdv pour mon fils')).toMatchObject({ locale: 'fr', entities: { service: 'pediatrics' } });
    expect(understand('هل يمكنني حجز موعد')).toMatchObject({ intent: 'book', locale: 'ar', script: 'arab' });
    expect(understand('واش نقدر نسجل ولدي')).toMatchObject({ intent: 'book', locale: 'ary', script: 'arab' });
  });

  it('puts an emergency before anything else in the same message', () => {
    expect(understand('bghit nlghi lmaw3id, weldi ma kaytnefsch').intent).toBe('emergency');
    expect(understand('stop, urgence!').intent).toBe('emergency');
  });
});

describe('folding Arabic letters', () => {
  it.each([
    ['أ', 'ا'], ['إ', 'ا'], ['آ', 'ا'], ['ٱ', 'ا'], ['ى', 'ي'], ['ة', 'ه'], ['ؤ', 'و'], ['ئ', 'ي'], ['ک', 'ك'], ['ی', 'ي'], ['ڭ', 'ك'], ['گ', 'ك'], ['ݣ', 'ك'], ['ڤ', 'ف'],
  ])('writes %s as %s', (letter, folded) => {
    expect(normalizeText(`ب${letter}ب`)).toBe(`ب${folded}ب`);
  });

  it('writes a word-opening ئ, as Tachelhit spells an initial "i", as an alef, not a yeh that merges with the next', () => {
    expect(normalizeText('ئيي ئخصا بئر')).toBe('ايي اخصا بير');
  });

  it('writes a word-opening bare hamza before its vowel as the same alef, or drops it before a waw', () => {
    expect(normalizeText('ءيدامّن ءيي ءاس ءولفسا')).toBe('ايدامن ايي اس ولفسا');
    expect(normalizeText('السماء صافية')).toBe('السماء صافيه');
  });
});

describe('emoji people answer with', () => {
  it.each([
    ['👍', 'thumbsup'], ['👍🏽', 'thumbsup'], ['👎', 'thumbsdown'], ['👎🏿', 'thumbsdown'], ['🙏', 'thankshands'], ['🙏🏻', 'thankshands'], ['🆘', 'sos'],
  ])('reads %s as the word %s, whatever the skin tone', (emoji, word) => {
    expect(normalizeText(emoji)).toBe(word);
  });

  it('keeps the words glued to an emoji apart from it', () => {
    expect(normalizeText('👍ok👎non🙏merci🆘vite')).toBe('thumbsup ok thumbsdown non thankshands merci sos vite');
  });
});

describe('invisible characters', () => {
  it('separate words like a space: a zero-width space or a bidi mark between two words', () => {
    expect(normalizeText('salam\u200bkhoya')).toBe('salam khoya');
    expect(normalizeText('رقم\u200f٢')).toBe('رقم 2');
  });
});

describe('tokenising', () => {
  it('splits normalised text on spaces, and gives no token for an empty text', () => {
    expect(tokenize('bghit nsajel')).toEqual(['bghit', 'nsajel']);
    expect(tokenize('')).toEqual([]);
  });

  it("gives each text its own words, the last text's kept for whoever asks again", () => {
    const first = tokenize('ur righ');
    expect(tokenize('ur righ')).toBe(first);
    expect(tokenize('bghit nsajel')).toEqual(['bghit', 'nsajel']);
    expect(tokenize('')).toEqual([]);
    expect(tokenize('ur righ')).toEqual(['ur', 'righ']);
  });
});

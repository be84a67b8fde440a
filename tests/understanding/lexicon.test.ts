// Lexicons are plain JSON a Darija speaker can extend: how their phrases are indexed, and how a typed
// word is brought back to the lexicon word it stands for. Pure.
import { describe, expect, it } from 'vitest';
import { buildLexicon, canonicalWord, DEFAULT_LEXICON, type LexiconFile, type LexiconLanguage } from '../../src/understanding/lexicon.ts';
import { understand } from '../../src/understanding/understand.ts';

const file = (over: Partial<LexiconFile>): LexiconFile => ({ markers: [], intents: {}, services: {}, numbers: {}, numberPrefixes: [], back: [], languages: {}, ...over });
const lexiconOf = (source: LexiconLanguage, over: Partial<LexiconFile>) => buildLexicon([[source, file(over)]]);
const canonical = (words: string[], token: string, memo = new Map<string, string>()) => canonicalWord(lexiconOf('ary', { markers: words }), token, memo);

describe('building a lexicon', () => {
  it('indexes each phrase by its first word, with its meaning and the language it speaks', () => {
    const lexicon = buildLexicon([
      ['fr', file({ intents: { cancel: ['Annuler'] }, services: { ophthalmology: ['ophtalmo'] }, back: ['retour'], numberPrefixes: ['numéro'], markers: ['je'] })],
      ['ar', file({ languages: { ar: ['العربية'] } })],
    ]);
    expect(Object.fromEntries(lexicon.byFirst)).toEqual({
      je: [{ tokens: ['je'], meaning: { kind: 'marker' }, source: 'fr' }],
      annuler: [{ tokens: ['annuler'], meaning: { kind: 'intent', intent: 'cancel' }, source: 'fr' }],
      ophtalmo: [{ tokens: ['ophtalmo'], meaning: { kind: 'service', service: 'ophthalmology' }, source: 'fr' }],
      retour: [{ tokens: ['retour'], meaning: { kind: 'back' }, source: 'fr' }],
      numero: [{ tokens: ['numero'], meaning: { kind: 'prefix' }, source: 'fr' }],
      العربيه: [{ tokens: ['العربيه'], meaning: { kind: 'language', language: 'ar' }, source: 'ar' }],
    });
  });

  it('narrows the phrases a word opens by the word after it, keeping one-word phrases and their order', () => {
    const lexicon = lexiconOf('shi', { intents: { stop: ['ur', 'ur righ imsagn', 'ur sul'], no: ['ur righ'] } });
    const ur = lexicon.byFirstTwo.get('ur');
    expect(ur?.alone.map((p) => p.tokens.join(' '))).toEqual(['ur']);
    expect(ur?.bySecond.get('righ')?.map((p) => p.tokens.join(' '))).toEqual(['ur', 'ur righ imsagn', 'ur righ']);
    expect(ur?.bySecond.get('sul')?.map((p) => p.tokens.join(' '))).toEqual(['ur', 'ur sul']);
  });

  it('names each of the three languages a villager can ask for', () => {
    const lexicon = lexiconOf('ary', { languages: { fr: ['fransawiya'], ar: ['fos7a'], ary: ['darija'] } });
    expect(['fransawiya', 'fos7a', 'darija'].map((w) => lexicon.byFirst.get(w)?.[0]?.meaning)).toEqual([
      { kind: 'language', language: 'fr' },
      { kind: 'language', language: 'ar' },
      { kind: 'language', language: 'ary' },
    ]);
  });

  it('also indexes a two-word phrase glued into one word, as people type it ("rendezvous")', () => {
    const lexicon = lexiconOf('fr', { intents: { book: ['rendez vous'] } });
    expect(lexicon.byFirst.get('rendezvous')).toEqual([{ tokens: ['rendezvous'], meaning: { kind: 'intent', intent: 'book' }, source: 'fr' }]);
    expect(lexicon.byFirst.get('rendez')).toEqual([{ tokens: ['rendez', 'vous'], meaning: { kind: 'intent', intent: 'book' }, source: 'fr' }]);
  });

  it('does not glue phrases of three words', () => {
    const lexicon = lexiconOf('fr', { intents: { book: ['prendre rendez vous'] } });
    expect([...lexicon.byFirst.keys()]).toEqual(['prendre']);
  });

  it('keeps a phrase written twice in one lexicon once, since it is one piece of evidence', () => {
    const lexicon = lexiconOf('ary', { intents: { greeting: ['ابدأ', 'إبدأ'] } });
    expect(lexicon.byFirst.get('ابدا')).toHaveLength(1);
  });

  it('keeps the same phrase from two lexicons twice, once for each language', () => {
    const lexicon = buildLexicon([
      ['fr', file({ markers: ['ok'] })],
      ['ary', file({ markers: ['ok'] })],
    ]);
    expect(lexicon.byFirst.get('ok')?.map((p) => p.source)).toEqual(['fr', 'ary']);
  });

  it('keeps a name as written, never read as the word it lies close to, and neither known nor evidence', () => {
    const withName = lexiconOf('ary', { intents: { stop: ['barka'] }, names: ['Mbarka'] });
    expect(canonicalWord(lexiconOf('ary', { intents: { stop: ['barka'] } }), 'mbarka', new Map())).toBe('barka');
    expect(canonicalWord(withName, 'mbarka', new Map())).toBe('mbarka');
    expect(withName.known.has('mbarka')).toBe(false);
    expect([...withName.byFirst.keys()]).toEqual(['barka']);
  });

  it('skips a phrase that is only punctuation', () => {
    expect(lexiconOf('fr', { markers: ['?!', 'oui'] }).byFirst.size).toBe(1);
  });

  it('reads number words, also as evidence of their language, and knows every word for fuzzy look-up by length', () => {
    const lexicon = lexiconOf('fr', { numbers: { Trois: 3, 'vingt et un': 21 }, markers: ['merci'] });
    expect(Object.fromEntries(lexicon.numbers)).toEqual({ trois: 3, 'vingt et un': 21 });
    expect(lexicon.byFirst.get('trois')).toEqual([{ tokens: ['trois'], meaning: { kind: 'marker' }, source: 'fr' }]);
    expect([...lexicon.known].sort()).toEqual(['et', 'merci', 'trois', 'un', 'vingt', 'vingt et un']);
    expect(Object.fromEntries(lexicon.vocabulary)).toEqual({ 2: ['et', 'un'], 5: ['trois', 'merci', 'vingt'], 11: ['vingt et un'] });
  });

  it('refuses a lexicon file with an empty phrase or a negative number', () => {
    expect(() => lexiconOf('fr', { markers: [''] })).toThrow();
    expect(() => lexiconOf('fr', { numbers: { moins: -1 } })).toThrow();
  });

  it('ships the lexicons: French, MSA, Darija in both scripts and Tachelhit', () => {
    const sources = new Set([...DEFAULT_LEXICON.byFirst.values()].flatMap((list) => list.map((p) => p.source)));
    expect(sources).toEqual(new Set(['fr', 'ar', 'ary', 'shi']));
    expect(DEFAULT_LEXICON.byFirst.get('annuler')?.[0]?.source).toBe('fr');
    expect(DEFAULT_LEXICON.byFirst.get('بغيت')?.[0]?.source).toBe('ary');
    expect(DEFAULT_LEXICON.byFirst.get('bghit')?.[0]?.source).toBe('ary');
    expect(DEFAULT_LEXICON.numbers.get('wa7ed')).toBe(1);
    expect(DEFAULT_LEXICON.byFirst.get('tanmmirt')?.[0]?.source).toBe('shi');
    expect(DEFAULT_LEXICON.numbers.get('krad')).toBe(3);
  });
});

describe('the lexicon word a typed word stands for', () => {
  it('is the word itself when the lexicon knows it, or when it is a number', () => {
    expect(canonical(['salam'], 'salam')).toBe('salam');
    expect(canonical(['salam'], '12345')).toBe('12345');
  });

  it('is never a word for a number, even one letter away from it', () => {
    expect(canonical(['a1234'], '1234')).toBe('1234');
  });

  it('is a known word as it is, even one that starts like a clitic: "كاين" (there is) is not "ك" + "اين" (where)', () => {
    expect(canonicalWord(DEFAULT_LEXICON, 'كاين', new Map())).toBe('كاين');
    expect(canonical(['كاين', 'اين'], 'كاين')).toBe('كاين');
  });

  it('is the closest lexicon word within the tolerated edits, digits inside a word included', () => {
    expect(canonical(['salam'], 'salam2')).toBe('salam');
    expect(canonical(['3afak'], '3afk')).toBe('3afak');
    expect(canonical(['bghit'], 'bghiit')).toBe('bghit');
  });

  it('is the token itself when no lexicon word is close enough', () => {
    expect(canonical(['salam'], 'salamat')).toBe('salamat');
    expect(canonical(['rdv'], 'rdx')).toBe('rdx');
  });

  it('reaches lexicon words two letters longer or shorter than the token', () => {
    expect(canonical(['rendezvous'], 'rendzvus')).toBe('rendezvous');
    expect(canonical(['rendzvus'], 'rendezvous')).toBe('rendzvus');
  });

  it('prefers the closest word, and the first of the shortest when two are as close', () => {
    expect(canonical(['annuleraa', 'annuler'], 'annulerr')).toBe('annuler');
    expect(canonical(['annulers', 'annuler'], 'annulerr')).toBe('annuler');
  });

  it('drops a clitic glued to a known word: "و", "ب", "ل", "ف", "ك"', () => {
    expect(['والدم', 'بالدم', 'لالدم', 'فالدم', 'كالدم'].map((t) => canonical(['الدم'], t))).toEqual(['الدم', 'الدم', 'الدم', 'الدم', 'الدم']);
  });

  it('puts back the article after a clitic: "للطبيب" is "ل" + "الطبيب", "بمستشفي" is "ب" + "المستشفي"', () => {
    expect(canonical(['الطبيب'], 'للطبيب')).toBe('الطبيب');
    expect(canonical(['المستشفي'], 'بمستشفي')).toBe('المستشفي');
  });

  it('strips no clitic from a word the lexicon does not know without it', () => {
    expect(canonical(['الدم'], 'بالقلب')).toBe('بالقلب');
  });

  it('strips a clitic only at the start, and only before three letters or more', () => {
    expect(canonical(['طبيب'], 'الطبيب')).toBe('الطبيب');
    expect(canonical(['دم'], 'بدم')).toBe('بدم');
  });

  it('remembers what it found, and forgets everything past 50,000 remembered words', () => {
    const memo = new Map([['xyz', 'bghit']]);
    expect(canonical(['salam'], 'xyz', memo)).toBe('bghit');
    expect(canonical(['salam'], 'salm', memo)).toBe('salam');
    expect(memo.get('salm')).toBe('salam');
    expect(canonical(['الدم'], 'بالدم', memo)).toBe('الدم');
    expect(memo.get('بالدم')).toBe('الدم');

    const full = new Map(Array.from({ length: 50_000 }, (_, i) => [`w${i}`, 'x']));
    canonical(['salam'], 'salm', full);
    expect(full.size).toBe(50_001);
    canonical(['salam'], 'slam', full);
    expect([...full]).toEqual([['slam', 'salam']]);
  });

  it('is looked for in the lexicon it is asked of, whatever another lexicon made of the same word', () => {
    const other = lexiconOf('ary', { intents: { help: ['nsajx'] } });
    expect(understand('nsajl', other).intent).toBe('help');
    expect(understand('nsajl').intent).toBe('book');
  });

  it('remembers known words too, so a word met again takes one look-up', () => {
    const memo = new Map<string, string>();
    expect(canonical(['salam'], 'salam', memo)).toBe('salam');
    expect(memo.get('salam')).toBe('salam');
  });
});

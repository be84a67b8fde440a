// Tachelhit told from Darija by forms Darija never writes: "you all" verbs, "-x" for "I", "my" glued on, kin words.
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/index.ts';
import { isTachelhitCore, isTachelhitVerb } from '../../src/understanding/language-detection.ts';

const locale = (text: string) => understand(text).locale;

describe('Tachelhit word forms', () => {
  it('takes "you all" verbs written without vowels as Tachelhit, not Darija\'s own "t-" verbs', () => {
    for (const verb of ['tktbm', 'tsjjlmt', 'tsfdm', 'ktbtm', 'tzznm']) expect(isTachelhitVerb(verb), verb).toBe(true);
    for (const word of ['tfhm', 'tkhdm', 't9dm', 'tmam', '3likom', 'salam', 'ktbtu']) expect(isTachelhitVerb(word), word).toBe(false);
  });

  it('takes "I" written "-x" after a consonant as Tachelhit, not Darija\'s negative "-x"', () => {
    for (const verb of ['ssinx', 'zdarx', 'fhimx', 'ktbx', 'sawlx']) expect(isTachelhitVerb(verb), verb).toBe(true);
    for (const word of ['mafhmtx', 'mabghix', 'ma3rftx', 'bghitx', 'prix', 'max', 'bax']) expect(isTachelhitVerb(word), word).toBe(false);
  });

  it('takes "my" glued on a noun as Tachelhit', () => {
    for (const word of ['ismino', 'babatinu', 'yemmainou']) expect(isTachelhitVerb(word), word).toBe(true);
    for (const word of ['bino', 'fino', 'smiti']) expect(isTachelhitVerb(word), word).toBe(false);
  });

  it('counts kin named in Tachelhit as its own words, not the Arabic "كما"', () => {
    for (const word of ['gma', 'ultma', 'iwi', 'tamghart', 'تامغارت']) expect(isTachelhitCore(word), word).toBe(true);
    expect(isTachelhitCore('كما')).toBe(false);
  });
});

describe('Tachelhit words written apart', () => {
  it('counts "my", a short "I want", "whether", "how" and the passive as Tachelhit', () => {
    for (const word of ['nu', 'ino', 'ri', 'is', 'mamnk', 'مامنك']) expect(isTachelhitCore(word), word).toBe(true);
    for (const verb of ['ittusjjl', 'ttuqiydgh', 'ttuktb']) expect(isTachelhitVerb(verb), verb).toBe(true);
    for (const word of ['ttuma', 'tsjjl', 'kaytsjjl']) expect(isTachelhitVerb(word), word).toBe(false);
  });

  it.each(['smiyt nu ghalat, 3afak bddlha', 'is ttusjjl khti f lista?', 'salam, ri ad sajal baba ino', 'salam 3alikom, mamnk a tgam'])(
    'reads "%s" as Tachelhit',
    (text) => expect(locale(text)).toBe('shi'),
  );
});

describe('short mixed lines', () => {
  it.each([
    'smiya ghalat li ktbtm, 3afak bddlha',
    'salam 3afak sjjl ultma f tbib dyal snan',
    'salam sjjl iwi 3afak, 12 3am',
    '3afak sjjl babatinu, 60 3am',
    'wach ssinx mnin',
  ])('reads "%s" as Tachelhit', (text) => expect(locale(text)).toBe('shi'));

  it.each([
    'ana ma fhmtx walo',
    'mabghitx had lmsajat',
    'wach tfhm darija',
    'bghit nkhdm',
    'salam 3afak ma bqitch bghit lmsajat',
    'wach khti tsjjlat f lista?',
    '3afak bghit nsjjl mama',
  ])(
    'leaves "%s" Darija',
    (text) => expect(locale(text)).toBe('ary'),
  );
});

// Which script a message is written in and which language it speaks, from normalised text. Pure.
import { describe, expect, it } from 'vitest';
import { arabiziWeight, decideLocale, detectScript } from '../../src/understanding/language-detection.ts';
import { understand } from '../../src/understanding/index.ts';

describe('the script of a message', () => {
  it('is the script with more letters', () => {
    expect(detectScript('bghit موعد')).toBe('latn');
    expect(detectScript('rdv موعد')).toBe('arab');
  });

  it('is Arabic on a tie, as most villagers write Arabic script', () => {
    expect(detectScript('ab عا')).toBe('arab');
  });

  it('is Arabic for digits, emoji or nothing at all', () => {
    expect([detectScript('2'), detectScript(''), detectScript('thumbsup'), detectScript('sos thankshands thumbsdown')]).toEqual(['arab', 'arab', 'arab', 'arab']);
  });

  it('does not count the words that stand for emoji as Latin writing', () => {
    expect(detectScript('thumbsup شكرا')).toBe('arab');
    expect(detectScript('thumbsdown لا')).toBe('arab');
  });

  it('counts a word that only contains an emoji word as writing', () => {
    expect(detectScript('sosa شكر')).toBe('latn');
  });

  it('does not count French words borrowed into Arabic-script Darija as Latin writing', () => {
    const borrowed = new Set(['rendez', 'vous', 'dentiste']);
    expect(detectScript('بغيت rendez vous عند dentiste', borrowed)).toBe('arab');
    expect(detectScript('بغيت rendez vous عند dentiste')).toBe('latn');
    // Without any Arabic letter, French is Latin writing whatever it borrows.
    expect(detectScript('rendez vous dentiste', borrowed)).toBe('latn');
  });

  it('reads code-switched Darija in Arabic script as Darija in Arabic script, whole', () => {
    expect(understand('بغيت rendez-vous عند dentiste')).toMatchObject({ intent: 'book', locale: 'ary', script: 'arab', entities: { service: 'dental' } });
  });

  it('is Latin for Latin letters alone', () => {
    expect(detectScript('salam')).toBe('latn');
    expect(detectScript('3afak')).toBe('latn');
  });
});

describe('the weight of Arabizi words', () => {
  it('is 2 for each Latin word with a digit standing for a letter (2, 3, 5, 7, 9)', () => {
    expect(arabiziWeight(['3afak'])).toBe(2);
    expect(arabiziWeight(['wa7ed', 'mzyan', '9lb', 'b2a', 'kh5'])).toBe(8);
  });

  it('is nothing for plain words, bare numbers, or digits that stand for no letter', () => {
    expect(arabiziWeight(['salam', 'bghit'])).toBe(0);
    expect(arabiziWeight(['123', '7'])).toBe(0);
    expect(arabiziWeight(['a1', 'b4', 'c6', 'd8', 'e0'])).toBe(0);
    expect(arabiziWeight([])).toBe(0);
  });
});

describe('the language of a message', () => {
  const evidence = (fr: number, ar: number, ary: number, shi = 0) => ({ fr, ar, ary, shi });

  it('in Latin script is Darija when its evidence is at least French', () => {
    expect(decideLocale('latn', evidence(1, 0, 1))).toBe('ary');
    expect(decideLocale('latn', evidence(1, 0, 2))).toBe('ary');
    expect(decideLocale('latn', evidence(0, 0, 1))).toBe('ary');
  });

  it('in Latin script is French when French weighs more, or when nothing is known', () => {
    expect(decideLocale('latn', evidence(2, 0, 1))).toBe('fr');
    expect(decideLocale('latn', evidence(0, 0, 0))).toBe('fr');
    expect(decideLocale('latn', evidence(0, 5, 0))).toBe('fr');
  });

  it('in Arabic script is MSA only when MSA weighs more than Darija', () => {
    expect(decideLocale('arab', evidence(0, 2, 1))).toBe('ar');
    expect(decideLocale('arab', evidence(0, 1, 1))).toBe('ary');
    expect(decideLocale('arab', evidence(0, 0, 0))).toBe('ary');
    expect(decideLocale('arab', evidence(3, 0, 0))).toBe('ary');
  });

  it('is Tachelhit only when its own words outweigh Darija, French and MSA, in either script', () => {
    expect(decideLocale('latn', evidence(0, 0, 1, 2))).toBe('shi');
    expect(decideLocale('arab', evidence(0, 1, 1, 2))).toBe('shi');
    // Words both languages use ("tbib", "salam") count for both: a tie is Darija, as most villagers write.
    expect(decideLocale('latn', evidence(0, 0, 2, 2))).toBe('ary');
    expect(decideLocale('latn', evidence(3, 0, 0, 2))).toBe('fr');
    expect(decideLocale('arab', evidence(0, 3, 0, 2))).toBe('ar');
  });

  it('is Tachelhit for Arabic-script Darija words held together by Tachelhit ones ("nns", "ar", "bahra", "yaḍnin")', () => {
    const opinion = { intent: () => undefined, arabicLocale: () => 'ary' as const };
    expect(understand('عمي الحسين مريض، السكر نس ار يطلع بهرا', undefined, opinion).locale).toBe('shi');
    expect(understand('بدلو الموعد ديال ماما ل سيمانة ياضنين', undefined, opinion).locale).toBe('shi');
    // The same in Darija alone stays Darija.
    expect(understand('عمي الحسين مريض، السكر ديالو طالع بزاف', undefined, opinion).locale).toBe('ary');
  });
});

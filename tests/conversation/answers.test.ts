// Reading answers and places: pure functions, no database.
import { describe, expect, it } from 'vitest';
import { birthYearFrom, localeFromUnderstanding, pickOption, readInteger, yesNo } from '../../src/conversation/answers.ts';
import type { Turn } from '../../src/conversation/context.ts';
import { findProvince, nearestProvince } from '../../src/conversation/place-lookup.ts';
import type { Understanding } from '../../src/understanding/intents.ts';
import { understand } from '../../src/understanding/understand.ts';

const turn = (text: string, choice?: string): Turn => ({
  inbound: { channel: 'terminal', from: 'x', text, ...(choice ? { choice } : {}) },
  understanding: understand(text),
  text,
});

describe('answers', () => {
  it('picks an option by number in any digits or words, or by the button pressed', () => {
    const ids = ['a', 'b', 'c'];
    expect(pickOption(turn('2'), ids)).toBe('b');
    expect(pickOption(turn('٣'), ids)).toBe('c');
    expect(pickOption(turn('jouj'), ids)).toBe('b');
    expect(pickOption(turn('', 'c'), ids)).toBe('c');
    expect(pickOption(turn('', 'z'), ids)).toBeUndefined();
    expect(pickOption(turn('4'), ids)).toBeUndefined();
    expect(pickOption(turn('0'), ids)).toBeUndefined();
  });

  it('reads yes and no as words or as 1 and 2', () => {
    expect([yesNo(turn('wakha')), yesNo(turn('لا')), yesNo(turn('1')), yesNo(turn('2')), yesNo(turn('peut-être'))]).toEqual([true, false, true, false, undefined]);
  });

  it('reads numbers standing alone or with a unit, not Arabizi letters inside words', () => {
    expect(readInteger(turn('1985'))).toBe(1985);
    expect(readInteger(turn('65kg'))).toBe(65);
    expect(readInteger(turn('عندي ٣٤ عام'))).toBe(34);
    expect(readInteger(turn('3afak'))).toBeUndefined();
    expect(readInteger(turn('tlata'))).toBe(3);
  });

  it('takes an age or a birth year, judged from today', () => {
    expect(birthYearFrom(34, '2026-12-01')).toBe(1992);
    expect(birthYearFrom(1990, '2026-12-01')).toBe(1990);
    expect(birthYearFrom(2030, '2026-12-01')).toBeUndefined();
    expect(birthYearFrom(500, '2026-12-01')).toBeUndefined();
  });

  it('answers Darija in the script it is written in', () => {
    expect(localeFromUnderstanding(understand('bghit ntsajel'))).toBe('ary-Latn');
    expect(localeFromUnderstanding(understand('بغيت نتسجل'))).toBe('ary');
    expect(localeFromUnderstanding(understand('je veux m’inscrire'))).toBe('fr');
  });

  it('answers Tachelhit in Tachelhit (Latin letters), whatever script it is written in', () => {
    expect(localeFromUnderstanding(understand('riɣ ad sjjlɣ'))).toBe('shi');
    expect(localeFromUnderstanding(understand('ريغ اد سجلغ'))).toBe('shi');
    expect(localeFromUnderstanding(understand('ⴰⵣⵓⵍ'))).toBe('shi');
  });
});

/** A turn with exactly the understanding given, to read one rule at a time. */
const heard = (understanding: Partial<Understanding>, text = ''): Turn => ({
  inbound: { channel: 'terminal', from: 'x', text },
  understanding: { intent: 'unknown', locale: 'fr', script: 'latn', entities: {}, ...understanding },
  text,
});
const pressed = (choice: string): Turn => ({ ...heard({}), inbound: { channel: 'terminal', from: 'x', choice } });

describe('picking an option', () => {
  const ids = ['a', 'b', 'c'];

  it('takes 1 as the first option shown', () => {
    expect(pickOption(heard({ intent: 'choice', entities: { number: 1 } }), ids)).toBe('a');
    expect(pickOption(heard({ intent: 'choice', entities: { number: 3 } }), ids)).toBe('c');
  });

  it('ignores a number said inside another request ("annuler 2" is no choice)', () => {
    expect(pickOption(heard({ intent: 'cancel', entities: { number: 2 } }), ids)).toBeUndefined();
    expect(pickOption(heard({ intent: 'choice' }), ids)).toBeUndefined();
  });

  it('matches a pressed button to numeric ids by their text', () => {
    expect(pickOption(pressed('12'), [7, 12, 30])).toBe(12);
  });

  it('goes by the button pressed, not by a number in the text', () => {
    const both: Turn = { ...heard({ intent: 'choice', entities: { number: 1 } }, '1'), inbound: { channel: 'terminal', from: 'x', text: '1', choice: 'c' } };
    expect(pickOption(both, ids)).toBe('c');
  });
});

describe('yes or no', () => {
  it('reads the yes and no buttons', () => {
    expect([yesNo(pressed('yes')), yesNo(pressed('no')), yesNo(pressed('maybe'))]).toEqual([true, false, undefined]);
  });

  it('reads the yes and no intents, and nothing else', () => {
    expect([yesNo(heard({ intent: 'yes' })), yesNo(heard({ intent: 'no' })), yesNo(heard({ intent: 'thanks' }))]).toEqual([true, false, undefined]);
  });

  it('reads 1 as yes and 2 as no, and 3 as neither', () => {
    const choice = (n: number) => yesNo(heard({ intent: 'choice', entities: { number: n } }));
    expect([choice(1), choice(2), choice(3)]).toEqual([true, false, undefined]);
  });
});

describe('reading a whole number', () => {
  const read = (text: string, number?: number) => readInteger(heard(number === undefined ? {} : { entities: { number } }, text));

  it('takes a number glued to kg, kilo, an or ans', () => {
    expect(['70kg', '70kilo', '34an', '34ans', '70 kg'].map((t) => read(t))).toEqual([70, 70, 34, 34, 70]);
  });

  it('takes the first number of the message', () => {
    expect(read('né en 1990 à 8h')).toBe(1990);
  });

  it('takes up to six digits, and no phone number', () => {
    expect(read('123456')).toBe(123456);
    expect(read('0612345678')).toBeUndefined();
  });

  it('leaves digits that are letters alone: "sa7" (right) and "9lb" (heart) are words', () => {
    expect([read('sa7'), read('9lb'), read('70g')]).toEqual([undefined, undefined, undefined]);
  });

  it('falls back to the number understanding read in words', () => {
    expect(read('tlata', 3)).toBe(3);
    expect(read('', 5)).toBe(5);
  });
});

describe('the locale to answer in', () => {
  it('is Arabic-script or Latin-script Darija, MSA or French, as understood', () => {
    expect(localeFromUnderstanding({ intent: 'unknown', locale: 'ary', script: 'latn', entities: {} })).toBe('ary-Latn');
    expect(localeFromUnderstanding({ intent: 'unknown', locale: 'ary', script: 'arab', entities: {} })).toBe('ary');
    expect(localeFromUnderstanding({ intent: 'unknown', locale: 'ar', script: 'arab', entities: {} })).toBe('ar');
    expect(localeFromUnderstanding({ intent: 'unknown', locale: 'fr', script: 'latn', entities: {} })).toBe('fr');
  });
});

describe('a birth year from an age or a year', () => {
  const TODAY = '2026-12-01';

  it('takes an age up to 120', () => {
    expect([birthYearFrom(0, TODAY), birthYearFrom(120, TODAY)]).toEqual([2026, 1906]);
  });

  it('takes a year from 120 years ago to this year, and nothing in between or after', () => {
    expect([birthYearFrom(1906, TODAY), birthYearFrom(2026, TODAY)]).toEqual([1906, 2026]);
    expect([birthYearFrom(121, TODAY), birthYearFrom(1905, TODAY), birthYearFrom(2027, TODAY)]).toEqual([undefined, undefined, undefined]);
  });

  it('judges from the year of today, not the day', () => {
    expect(birthYearFrom(30, '2030-01-01')).toBe(2000);
  });
});

describe('places in a sentence', () => {
  it('finds the province named anywhere in the text', () => {
    expect(findProvince('fin l9afila f tinghir')).toBe('tinghir');
    expect(findProvince('واش كاينة شي قافلة ف تنغير')).toBe('tinghir');
    expect(findProvince('kelaat mgouna')).toBe('tinghir');
    expect(findProvince('Bonjour')).toBeUndefined();
  });

  it('takes the province whose capital is nearest a shared location', () => {
    expect(nearestProvince({ lat: 33.59, lon: -7.6 })).toBe('casablanca');
    expect(nearestProvince({ lat: 31.51, lon: -5.53 })).toBe('tinghir');
  });
});

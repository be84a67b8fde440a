// Reading answers and places: pure functions, no database.
import { describe, expect, it } from 'vitest';
import { birthYearFrom, localeFromUnderstanding, pickOption, readInteger, yesNo } from '../../src/conversation/answers.ts';
import type { Turn } from '../../src/conversation/context.ts';
import { findProvince, nearestProvince } from '../../src/conversation/place-lookup.ts';
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

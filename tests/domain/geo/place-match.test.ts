// Villagers name their province, a town in it, or misspell either; the right province comes first.
import { describe, expect, it } from 'vitest';
import { matchProvince } from '../../../src/domain/geo/index.ts';

describe('matching a place name to a province', () => {
  it.each([
    ['Tinghir', 'tinghir'],
    ['تنغير', 'tinghir'],
    ['kelaa mgouna', 'tinghir'],
    ["Kelâat M'Gouna", 'tinghir'],
    ['قلعة مكونة', 'tinghir'],
    ['tinghr', 'tinghir'],
    ['Nouaceur', 'nouaceur'],
    ['النواصر', 'nouaceur'],
    ['casa', 'casablanca'],
    ['الدار البيضاء', 'casablanca'],
    ['Ain Chock', 'casablanca'],
    ['ouarzazat', 'ouarzazate'],
    ['Dakhla', 'oued-ed-dahab'],
  ])('reads %j as %s', (text, code) => {
    expect(matchProvince(text)[0]?.code).toBe(code);
  });

  it('finds nothing for words that are not places, or too short to tell', () => {
    expect(matchProvince('football')).toEqual([]);
    expect(matchProvince('ok')).toEqual([]);
    expect(matchProvince('')).toEqual([]);
  });
});

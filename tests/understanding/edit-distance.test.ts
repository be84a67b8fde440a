// How far a typed word may be from a lexicon word and still count as it. Pure.
import { describe, expect, it } from 'vitest';
import { boundedDistance, toleratedEdits } from '../../src/understanding/edit-distance.ts';

describe('edits tolerated for a Latin word', () => {
  it('are none up to 3 letters, where one letter changes the meaning ("la", "le")', () => {
    expect(['la', 'rdv'].map(toleratedEdits)).toEqual([0, 0]);
  });

  it('are one from 4 to 6 letters, and two from 7', () => {
    expect(['stop', 'bghitt', 'annuler', 'rendezvous'].map(toleratedEdits)).toEqual([1, 1, 2, 2]);
  });
});

describe('edits tolerated for an Arabic word', () => {
  it('are none up to 4 letters, not counting the article "ال"', () => {
    expect(['موعد', 'الطبيب'].map(toleratedEdits)).toEqual([0, 0]);
  });

  it('are one from 5 to 7 letters and two from 8, not counting the article', () => {
    expect(['مستشفي', 'الاستشاره', 'المستعجلات'].map(toleratedEdits)).toEqual([1, 1, 2]);
  });

  it('drop the article only at the start of the word: "بالدم" keeps its five letters', () => {
    expect(toleratedEdits('بالدم')).toBe(1);
  });

  it('judge the script by the first letter', () => {
    // Four letters: one edit by the Latin rule, none by the Arabic one.
    expect(toleratedEdits('abcع')).toBe(1);
    expect(toleratedEdits('عabc')).toBe(0);
  });
});

describe('bounded edit distance', () => {
  it('is 0 between equal words and counts one substitution, insertion or deletion each', () => {
    expect(boundedDistance('salam', 'salam', 2)).toBe(0);
    expect(boundedDistance('salam', 'salem', 2)).toBe(1);
    expect(boundedDistance('bghit', 'bghiit', 2)).toBe(1);
    expect(boundedDistance('nsajel', 'nsajl', 2)).toBe(1);
    expect(boundedDistance('kitten', 'sitting', 3)).toBe(3);
  });

  it('counts the edits at the end of the word too', () => {
    expect(boundedDistance('abc', 'abd', 1)).toBe(1);
    expect(boundedDistance('abc', 'ab', 1)).toBe(1);
    expect(boundedDistance('', 'ab', 2)).toBe(2);
    expect(boundedDistance('ab', '', 2)).toBe(2);
  });

  it('gives the distance when it equals the ceiling, and ceiling + 1 beyond it', () => {
    expect(boundedDistance('abcd', 'abxy', 2)).toBe(2);
    expect(boundedDistance('abcd', 'axyz', 2)).toBe(3);
    expect(boundedDistance('abcd', 'wxyz', 1)).toBe(2);
  });

  it('gives up at once when the lengths alone differ by more than the ceiling', () => {
    expect(boundedDistance('a', 'abcd', 2)).toBe(3);
    expect(boundedDistance('abcd', 'a', 1)).toBe(2);
    expect(boundedDistance('abc', 'abcd', 1)).toBe(1);
    expect(boundedDistance('a', 'abcdef', 1)).toBe(2);
  });

  it('does not give up while a later letter can still bring the words back together', () => {
    // After "a", the best cell of the row is 0 though the last one ("a" against "abc") is 2.
    expect(boundedDistance('ab', 'abc', 1)).toBe(1);
    expect(boundedDistance('xbc', 'abc', 1)).toBe(1);
  });

  it('finds the cheapest path, not the first one', () => {
    expect(boundedDistance('ab', 'ba', 2)).toBe(2);
    expect(boundedDistance('abcdef', 'azcdef', 2)).toBe(1);
    expect(boundedDistance('abcdef', 'bcdefa', 2)).toBe(2);
  });
});

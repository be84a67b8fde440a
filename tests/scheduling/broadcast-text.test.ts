// Which text each language reads of a broadcast when the coordinator did not write one for it. Pure.
import { describe, expect, it } from 'vitest';
import { textFor } from '../../src/scheduling/broadcast-text.ts';

describe('a broadcast text for a language without its own', () => {
  it('gives Tachelhit readers the Darija text in Latin letters, then the French one', () => {
    expect(textFor({ fr: 'La caravane arrive.', 'ary-Latn': 'L9afila jaya.', shi: 'L9afila rad d tashk.' }, 'shi')).toBe('L9afila rad d tashk.');
    expect(textFor({ fr: 'La caravane arrive.', 'ary-Latn': 'L9afila jaya.' }, 'shi')).toBe('L9afila jaya.');
    expect(textFor({ fr: 'La caravane arrive.', ar: 'القافلة قادمة.' }, 'shi')).toBe('La caravane arrive.');
  });

  it('gives the Tachelhit text to the other languages only when it is the only one', () => {
    expect(textFor({ ar: 'القافلة قادمة.', shi: 'L9afila rad d tashk.' }, 'fr')).toBe('القافلة قادمة.');
    expect(textFor({ shi: 'L9afila rad d tashk.' }, 'ary')).toBe('L9afila rad d tashk.');
  });
});

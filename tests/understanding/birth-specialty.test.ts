// A birth named as a doctor's ("the birth doctor") is a booking's specialty; a birth said alone is still an emergency.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON, understand } from '../../src/understanding/index.ts';
import { namesBirthSpecialty } from '../../src/understanding/birth-specialty.ts';
import type { SecondOpinion } from '../../src/understanding/second-opinion.ts';

const silent: SecondOpinion = { intent: () => undefined, arabicLocale: () => 'ary' };
const ruleOf = (text: string) => understand(text, DEFAULT_LEXICON, silent).intent;

describe('a birth named as a doctor\'s', () => {
  it.each(['ريغ اد زرغ طبيبة ن لولادة', 'ترا ئلّي اد تزر طبيب ن ولادة'])('is no emergency: "%s"', (text) =>
    expect(ruleOf(text)).not.toBe('emergency'),
  );

  it('needs "of" between: without it, or alone, a birth stays an emergency', () => {
    expect(namesBirthSpecialty(['طبيبه', 'ن', 'لولاده'], 2)).toBe(true);
    expect(namesBirthSpecialty(['tbiba', 'dyal', 'lwilada'], 2)).toBe(true);
    expect(namesBirthSpecialty(['دار', 'ن', 'ولاده'], 2)).toBe(false);
    expect(ruleOf('ولادة')).toBe('emergency');
    expect(ruleOf('زوجتي في حالة ولادة')).toBe('emergency');
  });
});

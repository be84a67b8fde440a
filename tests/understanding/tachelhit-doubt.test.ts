// A villager who doubts the messages ("is this real or a scam?") is asked whether to stop them, never stopped at once.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON, understand } from '../../src/understanding/index.ts';
import type { SecondOpinion } from '../../src/understanding/second-opinion.ts';

const silent: SecondOpinion = { intent: () => undefined, arabicLocale: () => 'ary' };
const ruleOf = (text: string) => understand(text, DEFAULT_LEXICON, silent).intent;

describe('doubt about the messages', () => {
  it.each([
    'is tidt ayd ttinim ola tikrkas?',
    'had lmsajat bsa7 wla chi nsba?',
    'is d nnsaba aya? ur ssinx ma ttinim',
    'ئس تيدت ولا نصابة؟',
    'wach hadchi bsah ola gha lkdub',
    'c\'est une arnaque ou quoi',
    'had lkaravana nnun is d ssa7i7 ola d lkdub',
    'لميساجات اد غايد تّاشكين، بصح ولا كذوب؟',
  ])('is asked about: "%s"', (text) => expect(ruleOf(text)).toBe('maybe_stop'));

  it('is not heard in a hospital, a tent set up, or "is it true or not" of a coming visit', () => {
    expect(ruleOf('mlmi ra tasim s nsbitar')).not.toBe('maybe_stop');
    expect(ruleOf('ghadi ynsbo lkhayma f douar')).not.toBe('maybe_stop');
    expect(ruleOf('wach bsa7 ghadi tjiw ola la')).not.toBe('maybe_stop');
  });
});

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

  it.each(['chkun kunni?', 'ma tgam kunni, ur jju sjjlx', 'ماد تڭيت كيي؟', 'ur km ssinx', 'ؤر كن نسّين', 'ur ssinx ma ntuma', 'ؤر سّينغ ما تڭام'])(
    'asks about a stranger writing ("who are you", "I don\'t know you"): "%s"',
    (text) => expect(ruleOf(text)).toBe('maybe_stop'),
  );

  it('hears "I don\'t know you, why do you write to me" as a complaint, not as asking what to do', () => {
    expect(ruleOf('ur kn ssingh, maf ar iyi ttaram?')).toBe('maybe_stop');
    expect(ruleOf('ur ssinx ma ra sskrgh')).toBe('help');
  });

  it('does not hear "how are you" or who a doctor is as doubt', () => {
    expect(ruleOf('manik a tgit')).toBe('greeting');
    expect(ruleOf('ma tgit labas')).toBe('greeting');
    expect(ruleOf('chkun ntta tbib lli d rad yas?')).not.toBe('maybe_stop');
  });

  it('is not heard in a hospital, a tent set up, or "is it true or not" of a coming visit', () => {
    expect(ruleOf('mlmi ra tasim s nsbitar')).not.toBe('maybe_stop');
    expect(ruleOf('ghadi ynsbo lkhayma f douar')).not.toBe('maybe_stop');
    expect(ruleOf('wach bsa7 ghadi tjiw ola la')).not.toBe('maybe_stop');
  });
});

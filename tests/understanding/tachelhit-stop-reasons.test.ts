// Tachelhit stops said with a complaint or a reason: "you write to me again", and a complaint closed by "I don't want".
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON, understand } from '../../src/understanding/index.ts';
import type { SecondOpinion } from '../../src/understanding/second-opinion.ts';
import { closesWithRefusal } from '../../src/understanding/stop-firmness.ts';

const silent: SecondOpinion = { intent: () => undefined, arabicLocale: () => 'ary' };
const ruleOf = (text: string) => understand(text, DEFAULT_LEXICON, silent).intent;

describe('"do not write to me again", with "you write"', () => {
  it.each([
    'ur iyi ttktabm sul, yemma ur tssn ad tghr',
    'ur sul iyi tkttbm a lkhawa, tilifon ad n jddi',
    'adur iyi tktbm dagh, numero ad n baba ur issin lqraya',
    'ur iyi tktbm abadan 3afakum',
    'ؤر ئيي تكتبم سول عافاكوم، تيليفون ن يما ايد',
    'ور سول ئيي تّكتابم، نمرا ن جدّي ايد',
  ])('is a firm stop, its reason said or not: "%s"', (text) => expect(ruleOf(text)).toBe('stop'));

  it('is a stop only with "again": "ur iyi tktbm" alone may be "you did not list me"', () => {
    expect(ruleOf('ur iyi tktbm f lista')).not.toBe('stop');
  });
});

describe('a complaint closed by "I don\'t want"', () => {
  it.each([
    'bahra n lmsajat kraygat ass, ur sul righ yat',
    'baraka mn rrsayl, ar iyi ttazznm kul ass, ur nri walu',
    'lmsajat bzaf, ur rix',
    'max iyi ttazznm kul ass? ur righ sul',
    'لميساجات بزاف، ؤر ريغ',
    'ماخ ئيي د تّازنم كل ئس؟ ؤر سول ريغ',
  ])('refuses what it complained of: "%s"', (text) => expect(ruleOf(text)).toBe('stop'));

  it('is heard only when the refusal closes the message', () => {
    expect(closesWithRefusal(['bahra', 'n', 'lmsajat', 'ur', 'sul', 'righ', 'yat'], [])).toBe(true);
    expect(closesWithRefusal(['bahra', 'n', 'lmsajat', 'ur', 'righ', 'ad', 'ttun', 'lmaw3id'], [])).toBe(false);
    expect(ruleOf('lmsajat bzaf, ur righ ad ttugh lmaw3id inu')).not.toBe('stop');
  });

  it('leaves a bare "I don\'t want", with no complaint, an answer', () => {
    expect(ruleOf('safi ur rix')).toBe('no');
    expect(ruleOf('ur righ')).toBe('no');
  });
});

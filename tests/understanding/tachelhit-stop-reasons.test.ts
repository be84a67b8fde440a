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

describe('a stop said with a reason, in Darija and French words too', () => {
  it.each([
    // "no more" as one word, "again" after the verb
    'ma3ad tsifdo walo l had nmra, mol tilifun mat lah yrhmo',
    'ورسول تازنم يات ئ نمرا ئد',
    'ur ttarat dagh i numero ad, baba immut lah irhmu',
    'ur tsifidm abadan s tilifon n yemma, ur tssn ad tghr',
    // a wrong number is the reason, not a correction
    'numero ad ghalat, ur iyi sul ttarum',
    'نمرا ئد غالط، ؤر ئيي سول تّارم',
    // French's stop before the messages
    'arrêtez les messages 3afak, yemma ur tssn ad tghr',
    'stoppez vos sms, tilifon ad n jddi',
    // "stop them" in one word
    'ur da ttghrigh lmsajat, hbsatnt',
    'bddattn 3afak',
    // "again" in Arabic script with its alif, and "ever" a few words on
    'لا ؤر ئيي داغ تّازنم، ماشي نكّ',
    'sba7 lkhir, ur iyi d ttazznm lmsajat ar labad',
  ])('is a firm stop: "%s"', (text) => expect(ruleOf(text)).toBe('stop'));

  it('takes the number it is sent to as its object, not as a request for that number', () => {
    expect(ruleOf('يمّا تمّوت، الله ئرحمها. ؤر سول تسيفضم ئ نمرا نس')).toBe('stop');
    expect(ruleOf('ur sul tsifidm i nmra ns, fk iyi nmra n tbib')).toBe('maybe_stop');
  });
});

describe('a stranger\'s messages, in Darija words too', () => {
  it.each(['mnin jbti raqmi?', 'fin lqitu nmrti', 'chkun lli 3tak nmrti', 'ur sjilgh yat, max iyi ttazznm', 'ؤر سجيلغ غ والو'])(
    'are asked about: "%s"',
    (text) => expect(ruleOf(text)).toBe('maybe_stop'),
  );
});

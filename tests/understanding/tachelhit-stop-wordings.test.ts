// Tachelhit stops in the wordings of the Souss, Anti-Atlas and High Atlas: each verb in its persons and spellings, the
// number and the bot in either script, and an order said with its reason, all heard by the rules alone.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON, understand } from '../../src/understanding/index.ts';
import type { SecondOpinion } from '../../src/understanding/second-opinion.ts';

const silent: SecondOpinion = { intent: () => undefined, arabicLocale: () => 'ary' };
const ruleOf = (text: string) => understand(text, DEFAULT_LEXICON, silent).intent;

describe('a stop in the words villagers refuse with', () => {
  it.each([
    // "don't" glued to "ad"
    ['adur iyi tsifidm kra', 'stop'],
    ['ادور ئيي تازنم يات', 'stop'],
    // Darija's "no more" before "want"
    ['ma3ad righ lmsajat nnun', 'stop'],
    ['ماعاد نري ءيميساجن', 'stop'],
    // "need" and "accept" in any person
    ['ur n7taj lmsajat ad', 'stop'],
    ['ur htajgh imesajn nnun', 'stop'],
    ['ؤر نحتاج لميساجات', 'stop'],
    ['ur qbilgh lmisajat ad', 'stop'],
    ['ur sar ntqbal lmsajat', 'stop'],
    // "never write to this number again"
    ['ur sul ad tarum i numero ad', 'stop'],
    ['ur sar ad tazznm kra s tilifun ad', 'stop'],
    // "send" with its long vowel in Arabic script, and "for ever"
    ['ؤر ئيي تّسيفيضم يات', 'stop'],
    ['ur iyi tsifidm ar labad', 'stop'],
    // "stop them", and "stop" in every person said twice
    ['ur da ttghrigh lmsajat, hbsat tent', 'stop'],
    ['bddat tn a wddi', 'stop'],
    ['thbsm ad ur iyi tazznm', 'stop'],
    // French's "take me off", mixed in
    ['retirez moi zg la liste afak', 'stop'],
  ])('hears %j as %s', (text, intent) => {
    expect(ruleOf(text)).toBe(intent);
  });
});

describe('a number or a person taken off the bot, in either script', () => {
  it.each([
    ['كسات نومرو ئنو زگ روبو', 'stop'],
    ['حيدات نمرة ن بابا زغ لبوط', 'stop'],
    ['سحبو نمرو ءينو زگ لبوط ءاد', 'stop'],
    // a group is only ever the messages'
    ['kksat numero inu zg lgroup', 'stop'],
    ['حيدات نمرا ن يمّا زگ لكروب', 'stop'],
  ])('hears %j as %s', (text, intent) => {
    expect(ruleOf(text)).toBe(intent);
  });
});

describe('an order with its reason', () => {
  it.each([
    ['hbsat lmsajat, baba ur issin ad ighr', 'stop'],
    ['kksat numero n baba zg lista nnun, ur issin lktaba, ikkr', 'stop'],
    ['ur righ imisajn nnun, ur dari lwqt', 'stop'],
    ['desabonner afak, nkki gh lkhdma ur dari lwqt', 'stop'],
  ])('stops at once for %j', (text, intent) => {
    expect(ruleOf(text)).toBe(intent);
  });

  it('asks about a stop of the messages of one time of day', () => {
    expect(ruleOf('hbsat lmsajat n tifawt, ar iyi sskrn')).toBe('maybe_stop');
    expect(ruleOf('7bsat imisajn n yid a wddi')).toBe('maybe_stop');
  });

  it('asks about unsubscribing told as a wish, not opening the message as an order', () => {
    expect(ruleOf('je voudrais me désabonner')).toBe('maybe_stop');
  });

  it('asks about a stop said beside another request', () => {
    expect(ruleOf('hbsat lmsajat, mlmi d tusa lkafila?')).not.toBe('stop');
  });

  it('asks about "you did not send her", which reads as "do not send her" too', () => {
    expect(ruleOf('nkki argaz ns, ur as tazznm kra lmsaj')).not.toBe('stop');
  });
});

describe('a stranger\'s messages, asked about', () => {
  it.each([
    ['ماد اك ئفكان نمرو ئنو؟', 'maybe_stop'],
    ['nkkin ur sjjlx g yat, mafllas', 'maybe_stop'],
    ['ur sjjlgh gh walu, mayd iyi tsifidm lmsajat', 'maybe_stop'],
    ['nkki ur sjjlgh f chi, mad iyi d ittarun', 'maybe_stop'],
    ['mani d tufam numero inu?', 'maybe_stop'],
    ['ma yufan nmra n yemma?', 'maybe_stop'],
    ['mani d tkcmm numero inu?', 'maybe_stop'],
    // "I did not sign up", before a "why"
    ['nkki ur sjjlgh, mayd iyi d ittasin lmsajat?', 'maybe_stop'],
    ['ؤر سجّلغ غ والو', 'maybe_stop'],
    // the "not" of "I did not sign up" is not carried past a "why" to "send me"
    ['ؤر سجّلغ ، ماخ ئيي تّازنم ؟', 'maybe_stop'],
    ['ur sjjlx, mafllas iyi ttaznm imisajn', 'maybe_stop'],
  ])('hears %j as %s', (text, intent) => {
    expect(ruleOf(text)).toBe(intent);
  });

  it('still books when a registration is asked for beside "I did not sign up"', () => {
    expect(ruleOf('ur sjjlgh yemma, sjjl tt afak')).toBe('book');
  });

  it('reads "dari" as "to me", not as "write": "no message reaches me" stops nothing', () => {
    expect(ruleOf('ihlk tilifun, ur sar dari lmsaj lli')).not.toBe('stop');
  });
});

// Tachelhit refusals and complaints about the messages, and pills swallowed: word families that must not be lost.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON, understand } from '../../src/understanding/index.ts';
import type { SecondOpinion } from '../../src/understanding/second-opinion.ts';

const intentOf = (text: string) => understand(text).intent;
/** The rules alone, with no learned second opinion to make up for them. */
const silent: SecondOpinion = { intent: () => undefined, arabicLocale: () => 'ary' };
const ruleOf = (text: string) => understand(text, DEFAULT_LEXICON, silent).intent;

describe('Tachelhit refusals', () => {
  it.each([
    ['desabonnini 3afak', 'stop'],
    ['dsabonni iyi zg kullu, safi', 'stop'],
    ['ur dari sul tsifdm yat', 'stop'],
    ['ur iyi dagh ttaram', 'stop'],
    ['ur sar rix yat lmisaj', 'stop'],
    ['ؤر سار تري لميساج', 'stop'],
    ['bbiyat lmsajat nnun', 'stop'],
    ['9t3at lmsajat kullu', 'stop'],
    ['قطعو الميساجات', 'stop'],
    ['hbsat lmsajat, ur da ttghrigh yat', 'stop'],
    ['7bsat lmsajat ad, ur sar ttasin s tilifun inu', 'stop'],
    ['بدات الميساجات ف تيليفون ئنو', 'stop'],
    ['ur righ lmsajat nnun, 7ydat nmra inu', 'stop'],
    ['nkki ur rix lmsajat, kksat numero nu', 'stop'],
  ] as const)('hears "%s" as %s', (text, intent) => expect(intentOf(text)).toBe(intent));

  it('hears "who gave you my number" and "why do you send me" as complaints to ask about, not questions about the caravan', () => {
    expect(ruleOf('mad ak ifkan nmra inu?')).toBe('maybe_stop');
    expect(ruleOf('ماني ايد تلقيت نمرا نو؟')).toBe('maybe_stop');
    expect(ruleOf('magh ar iyi ttaznm?')).toBe('maybe_stop');
  });

  it('hears "uhu" with its reason after it as a "no", in either script, however long', () => {
    expect(ruleOf('أوهو ؤر ئحتاج يات')).toBe('no');
    expect(ruleOf('ala ur da ttgh ddwa ad')).toBe('no');
    // the reason may itself be a stop, which comes first
    expect(ruleOf('uhu, ur iyi sul tazznm')).toBe('stop');
    // Darija's "وهو" (and he) before a Darija negation is no Tachelhit "no"
    expect(ruleOf('وهو مابغاش يجي معانا للقافلة')).not.toBe('no');
  });

  it('hears taking the number off, alone, as erasing it', () => {
    expect(intentOf('7ydat nmra inu')).toBe('delete_data');
    expect(intentOf('msht kullu ghurun')).toBe('delete_data');
  });
});

describe('Tachelhit pills swallowed', () => {
  it.each([
    ['arraw ichcha ddwa n babas', 'emergency'],
    ['تاربات تشا لحبوب ن ئمّاس', 'emergency'],
    ['ichcha lhbub kiggan, mad nskr', 'emergency'],
    ['tarbat tswa sirop kullu', 'emergency'],
  ] as const)('hears "%s" as %s, by the rules alone', (text, intent) => expect(ruleOf(text)).toBe(intent));

  it('does not hear medicine taken as told as an emergency', () => {
    expect(intentOf('ar sswagh ddwa kraygat ass')).not.toBe('emergency');
  });
});

// Tachelhit stops said with more than one sign (off the bot, a service dropped, "never write to me again"), and
// pills swallowed then thrown up: what must stop at once, or be answered as an emergency.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON, understand } from '../../src/understanding/index.ts';
import type { SecondOpinion } from '../../src/understanding/second-opinion.ts';

/** The rules alone, with no learned second opinion to make up for them. */
const silent: SecondOpinion = { intent: () => undefined, arabicLocale: () => 'ary' };
const ruleOf = (text: string) => understand(text, DEFAULT_LEXICON, silent).intent;

describe('Tachelhit stops said firmly', () => {
  it.each([
    // a service or the bot taken off, then "don't send me"
    ['ri ad 7aydgh lkhidma nnun, ur ri ad iyi tsifdm kra', 'stop'],
    ['retirez numero inu zg lbot, ur sul righ yat', 'stop'],
    // my number off, and "I want nothing more"
    ['kksat nimro n yemma, ur sul tra yat', 'stop'],
    ['كست نيمرو ن بابا ور ري كرا', 'stop'],
    // "don't send any more", with no "me"
    ['ad ur sul tazznm kra i nmra ad', 'stop'],
    // "never write to me again", whatever comes around it
    ['baraka tibratin alligh ur sul iyi ttarum', 'stop'],
    ['بركا، ؤر ئي د سول تارام', 'stop'],
    // a stop and then a refusal: "I want nothing", "urssul righ"
    ['bddat tibratin nnun, ur nri walu', 'stop'],
    ['dsabonnix, urssul righ ad iyi tinim kra', 'stop'],
    ['sbddat kulchi a wddi', 'stop'],
    ['ستوب، ور ريغ ئي تّازنم', 'stop'],
    ['ur righ ad sul d ilkmnt lmsajat nnun', 'stop'],
  ])('hears %j as %s', (text, intent) => {
    expect(ruleOf(text)).toBe(intent);
  });

  it('asks about "enough of these" rather than stopping at once', () => {
    expect(ruleOf('baraka mn had lmsajat dyalkom a wddi')).not.toBe('stop');
  });

  it('erases a name and number taken off the service, rather than stopping', () => {
    expect(ruleOf('kks isem inu d nimro inu zg lkhdma nnun')).toBe('delete_data');
  });
});

describe('pills swallowed and thrown up', () => {
  it.each([
    ['ushsha iwi ddwa n yemma, ar itqiya', 'emergency'],
    ['ؤشّا ئيوي لكاشيات ن باباس، ئتقيا', 'emergency'],
    ['tarbat tchcha ga3 lhbub n jddi', 'emergency'],
    ['iswa arba lmbid n lfar', 'emergency'],
  ])('hears %j as %s', (text, intent) => {
    expect(ruleOf(text)).toBe(intent);
  });

  it('hears a death told with a visit called off as the visit, not an emergency', () => {
    expect(ruleOf('immut baba, annuli rdv inu 3afak')).toBe('cancel');
    expect(ruleOf('immut baba, 3afak awid tomobil')).toBe('emergency');
  });
});

describe('a stop verb said of "we"', () => {
  it('is what the villagers will do inside a whole question, not a stop', () => {
    expect(ruleOf('mnshk n tsa3t ad bdun? ad nbdd f sf zik')).toBe('campaigns_info');
  });

  it('is still a stop said alone or as an order', () => {
    expect(ruleOf('bddat')).not.toBe('campaigns_info');
    expect(ruleOf('mnshk n tsa3t ad bdun? bddat tibratin nnun')).toMatch(/stop/);
  });
});

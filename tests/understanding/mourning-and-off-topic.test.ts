// A death already mourned is no emergency, and the market or the weather is no question about the caravan.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON } from '../../src/understanding/lexicon.ts';
import { understand } from '../../src/understanding/index.ts';
import type { Intent } from '../../src/understanding/intents.ts';
import { ARABIZI_BOOKING_OVERRIDE_CONFIDENCE, type SecondOpinion } from '../../src/understanding/second-opinion.ts';
import { isDeathWord, mourns } from '../../src/understanding/mourning.ts';
import { asides, asksForFun, JOKE, MARKET, offTopic } from '../../src/understanding/off-topic.ts';

const intentOf = (text: string) => understand(text).intent;

describe('a death mourned', () => {
  it('is past: the message asks what follows it', () => {
    expect(intentOf('baba immut llah irhmu, kks lmaw3id nns')).toBe('cancel');
    expect(intentOf('yemma tmmut lah irhmha, kksat smitis')).toBe('cancel');
    expect(intentOf('بابا ئمّوت الله يرحمو، كسات الموعد')).toBe('cancel');
  });

  it('is told by a blessing on the dead, not by the thanks that blesses parents', () => {
    expect(mourns(['llah', 'irhmu'])).toBe(true);
    expect(mourns(['يرحمو'])).toBe(true);
    expect(mourns(['lah', 'yrhm', 'lwalidin'])).toBe(false);
    expect(isDeathWord(['immut'])).toBe(true);
    expect(isDeathWord(['ittazzal'])).toBe(false);
  });

  it('is told in Arabic script with the opening ئ and by "the late", so a stop to the dead one\'s number stops', () => {
    expect(mourns(['ارحمو'])).toBe(true);
    expect(mourns(['lmr7um'])).toBe(true);
    expect(mourns(['المرحومه'])).toBe(true);
    expect(intentOf('يما تمّوت، الله ئرحمها. ؤر سول تسيفضم ئ نمرة نس')).toBe('stop');
    expect(intentOf('baba immut, lah irhmo. ur sul tarum i nmra ns 3afakum')).toBe('stop');
  });

  it('is told beside a visit called off by a death, not by the cancel word alone', () => {
    const sureOfEmergency: SecondOpinion = { intent: () => 'emergency', arabicLocale: () => 'ary' };
    // "ikkes" (stung) dictated as "ikes" sounds like "kks" (take off): a scorpion's sting is no visit called off.
    expect(understand('ikes tour ir dame ta marte ino ghi ta dart', DEFAULT_LEXICON, sureOfEmergency).intent).toBe('emergency');
    expect(understand('ئمّي تموت ؤلتماس، ؤر را تاشك، كّسات لموعيد ن س', DEFAULT_LEXICON, sureOfEmergency).intent).toBe('cancel');
  });

  it('leaves a dying person an emergency', () => {
    expect(intentOf('baba rad immt, ur sul ar itnffas')).toBe('emergency');
    expect(intentOf('immut')).toBe('emergency');
  });
});

describe('the market, the weather and football', () => {
  it.each(['mnchk a tsawa tghatt', 'ghuri yat tghatt ad tt zznzgh, mnchk', 'is ra yili unzar ghassad', 'dari krad tghat riɣ ad tnt zznzɣ'])(
    'are not the caravan: "%s"',
    (text) => expect(intentOf(text)).toBe('unknown'),
  );

  it.each(['mnchk a ittnz lluz ghassad', 'mnchk a tswa lluz', 'mnshk a tswa lbotagaz f lhanut', 'manza lbuta lli ttnzn s 40'])(
    'are not the caravan, nor the gas bottle or almonds: "%s"',
    (text) => expect(intentOf(text)).toBe('unknown'),
  );

  it('are off-topic where the table leads and is sure of it, though the rules heard a request; the table says nothing else there', () => {
    const sale = '3ndi zitoun l bi3 kilo b 40 dh ila bghiti';
    const table = (intent: Intent, confidence: number): SecondOpinion => ({ intent: (_, min = 0.75) => (confidence >= min ? intent : undefined), arabicLocale: () => 'ary' });
    expect(understand(sale, DEFAULT_LEXICON, table('help', 0)).intent).toBe('book');
    expect(understand(sale, DEFAULT_LEXICON, table('unknown', ARABIZI_BOOKING_OVERRIDE_CONFIDENCE))).toMatchObject({ intent: 'unknown', approximate: true });
    expect(understand(sale, DEFAULT_LEXICON, table('unknown', ARABIZI_BOOKING_OVERRIDE_CONFIDENCE - 0.01)).intent).toBe('book');
    expect(understand(sale, DEFAULT_LEXICON, table('help', 1)).intent).toBe('book');
  });

  it('are told by their verbs and things, in any person', () => {
    expect(offTopic(['ad', 'zznzgh', 'yat'])).toBe(true);
    expect(offTopic(['ntsgh'])).toBe(true);
    expect(offTopic(['mlmi', 'rad', 'd', 'tashk'])).toBe(false);
    expect(offTopic(['ar', 'ttnzn', 'tifiyi'])).toBe(true);
    expect(offTopic(['mnchk', 'a', 'tswa', 'l3amaliya'])).toBe(false);
  });

  it('are read with jokes in one pass, each flag on its own', () => {
    expect(asides(['mnchk', 'a', 'tswa', 'lluz'])).toBe(MARKET);
    expect(asides(['inni', 'yi', 'yat', 'tnkit'])).toBe(JOKE);
    expect(asides(['inni', 'yi', 'yat', 'tnkit', 'f', 'lluz'])).toBe(MARKET | JOKE);
    expect(asides(['mlmi', 'rad', 'd', 'tashk'])).toBe(0);
  });

  it('are not given to the learned second opinion, however sure it is', () => {
    const sure: SecondOpinion = { intent: () => 'campaigns_info', arabicLocale: () => 'ary' };
    expect(understand('is ra yili unzar ghassad', DEFAULT_LEXICON, sure).intent).toBe('unknown');
    expect(understand('is ra yili lqafila ghassad', DEFAULT_LEXICON, sure).intent).toBe('campaigns_info');
  });

  it.each(['ghur i yan izimr ifulkin i l3id, 1800dh, wanna t iran', 'zznzgh ikrri inu, is ira chi yan?', 'ghuri tixsi d izimr, ira yan ad tn isgh?'])(
    'are not the caravan, nor the Eid\'s ram sold (no eye, "l3in", in "l3id"): "%s"',
    (text) => expect(intentOf(text)).toBe('unknown'),
  );

  it('know the Eid\'s ram, sheep and Darija\'s "kanbi3" (I sell)', () => {
    expect(offTopic(['l7wli', 'zwin'])).toBe(true);
    expect(offTopic(['kanbi3', 'dar'])).toBe(true);
    expect(offTopic(['اكري'])).toBe(true);
    // "the Eid" alone dates a visit, and a ram that struck is still an emergency
    expect(offTopic(['qbl', 'l3id'])).toBe(false);
    expect(intentOf('ikrri iut baba s ixf, ar as ittazzal idammn')).toBe('emergency');
    expect(intentOf('wach lqafila ghatji qbel l3id lkbir?')).toBe('campaigns_info');
  });

  it.each(['inni yi yat tinkitin a robot', 'bghit chi nokta a robot', 'مرحبا، عاود لينا شي نكتة'])(
    'are not the caravan, nor a joke asked of the bot: "%s"',
    (text) => expect(intentOf(text)).toBe('unknown'),
  );

  it('hear a person asked for, or an emergency, beside a joke', () => {
    expect(intentOf('ma bghitch nokat, bghit nhdr m3a chi wa7ed')).toBe('human');
    expect(intentOf('3awnat, tnkit ghila, ar tssuf idammn')).toBe('emergency');
    expect(asksForFun(['mlmi', 'ra', 'tasim'])).toBe(false);
  });

  it('leave the caravan\'s own questions heard', () => {
    expect(intentOf('mnchk ad d tashk lqafila')).toBe('campaigns_info');
  });
});

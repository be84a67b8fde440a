// The learned second opinion's larger say in Tachelhit, whose rules know fewer words than the others'.
import { describe, expect, it } from 'vitest';
import type { Intent } from '../../src/understanding/intents.ts';
import { understand } from '../../src/understanding/index.ts';
import {
  ARABIZI_BOOKING_OVERRIDE_CONFIDENCE, FRENCH_MIN_TOKENS_TO_LEAD, LONG_MESSAGE_LEAVE_EMERGENCY_CONFIDENCE, MIN_CONFIDENCE, MIN_TACHELHIT_STYLE_CONFIDENCE, TABLE_LED_DICTATED_CONFIDENCE, TABLE_LED_EMERGENCY_CONFIDENCE, TABLE_LED_LEAVE_EMERGENCY_CONFIDENCE, TABLE_LED_LONG_HELP_CONFIDENCE, TABLE_LED_MIN_CONFIDENCE, TABLE_LED_OVERRIDE_CONFIDENCE,
  TABLE_LED_PICK_CONFIDENCE, TABLE_LED_STOP_CONFIDENCE, TACHELHIT_STOP_CONFIDENCE, type SecondOpinion,
} from '../../src/understanding/second-opinion.ts';

/** A table that is `confidence` sure of `intent` for every message. */
const sure = (intent: Intent, confidence: number): SecondOpinion => ({
  intent: (_, min = MIN_CONFIDENCE) => (confidence >= min ? intent : undefined),
  arabicLocale: () => 'ary',
});
const silent: SecondOpinion = { intent: () => undefined, arabicLocale: () => 'ary' };

/** `text` is `rules` by the rules alone, `table` (marked approximate) once the table is `confidence` sure of it, and `rules` just below. */
function expectTakenOverAt(text: string, rules: Intent, table: Intent, confidence: number): void {
  expect(understand(text, undefined, silent).intent).toBe(rules);
  expect(understand(text, undefined, sure(table, confidence))).toMatchObject({ intent: table, approximate: true });
  expect(understand(text, undefined, sure(table, confidence - 0.01)).intent).toBe(rules);
}

describe('the second opinion on Tachelhit messages', () => {
  const booking = 'ri ad sjjlgh baba g tbib n walln';
  const nothingHeard = 'tga tafukt ghassad g tmazirt nngh';

  it('answers where the rules heard nothing, less sure than in the other languages', () => {
    expect(understand(nothingHeard, undefined, silent)).toMatchObject({ intent: 'unknown', locale: 'shi' });
    const between = (TABLE_LED_MIN_CONFIDENCE + MIN_CONFIDENCE) / 2;
    expect(understand(nothingHeard, undefined, sure('help', between))).toMatchObject({ intent: 'help', approximate: true });
    expect(understand(nothingHeard, undefined, sure('help', TABLE_LED_MIN_CONFIDENCE - 0.01)).intent).toBe('unknown');
    // Darija in Arabic script keeps the usual confidence.
    expect(understand('انا ف تنغير', undefined, sure('help', between)).intent).toBe('unknown');
  });

  it('puts its intent in place of the rules\' request only when very sure', () => {
    expectTakenOverAt(booking, 'book', 'campaigns_info', TABLE_LED_OVERRIDE_CONFIDENCE);
    // Not in Darija in Arabic script: its rules are trusted.
    expect(understand('بغيت نسجل بّا عند طبيب لعينين', undefined, sure('campaigns_info', 0.99)).intent).toBe('book');
    // Talk of a sale or a job the rules took for a request is off-topic when the table is as sure.
    expectTakenOverAt(booking, 'book', 'unknown', TABLE_LED_OVERRIDE_CONFIDENCE);
    // Where the rules heard nothing, it was off-topic already: no "approximate" is added to it.
    expect(understand(nothingHeard, undefined, sure('unknown', 1))).toEqual(understand(nothingHeard, undefined, silent));
  });

  it('makes an emergency of anything but a stop or a death mourned when sure of one, sooner than of any other request', () => {
    expect(TABLE_LED_EMERGENCY_CONFIDENCE).toBeLessThan(TABLE_LED_OVERRIDE_CONFIDENCE);
    expect(understand(booking, undefined, sure('emergency', TABLE_LED_EMERGENCY_CONFIDENCE))).toMatchObject({ intent: 'emergency', approximate: true });
    expect(understand(booking, undefined, sure('emergency', TABLE_LED_EMERGENCY_CONFIDENCE - 0.01)).intent).toBe('book');
    // A complaint, and talk of the market, are no reason to miss one.
    const complaint = 'kul ass lmsajat nnun, 3yyigh';
    expect(understand(complaint, undefined, silent).intent).toBe('maybe_stop');
    expect(understand(complaint, undefined, sure('emergency', TABLE_LED_EMERGENCY_CONFIDENCE)).intent).toBe('emergency');
    const market = 'ghuri yan ikrri i l3id, is ira yan ad t isgh';
    expect(understand(market, undefined, silent).intent).toBe('unknown');
    expect(understand(market, undefined, sure('emergency', TABLE_LED_EMERGENCY_CONFIDENCE)).intent).toBe('emergency');
    // A stop stays a stop, a death mourned stays past, and Darija's rules are trusted.
    expect(understand('safi ur ri lmsajat nnun, bdd', undefined, sure('emergency', 0.99)).intent).toBe('stop');
    expect(understand('baba immut, llah irḥmu, ur sul ira rdv', undefined, sure('emergency', 0.99)).intent).not.toBe('emergency');
    expect(understand('بغيت نسجل بّا عند طبيب لعينين', undefined, sure('emergency', 0.99)).intent).toBe('book');
  });

  it('never overrides a stop, an emergency, a "maybe stop", a number, a yes or a no, nor undoes what a question about one\'s records asks about', () => {
    expect(understand('safi ur ri lmsajat nnun, bdd', undefined, silent).intent).toBe('stop');
    expect(understand('safi ur ri lmsajat nnun, bdd', undefined, sure('book', 0.99)).intent).toBe('stop');
    expect(understand('idammn ar ttazzaln zg tnzart', undefined, sure('book', 0.99)).intent).toBe('emergency');
    expect(understand('wis sin', undefined, sure('book', 0.99)).intent).toBe('choice');
    // A yes or a no the rules heard stays what it is: a "no" read as "yes" would confirm what the villager refused.
    expect(understand('uhu a sidi', undefined, sure('yes', 0.99)).intent).toBe('no');
    expect(understand('uhu tanmmirt', undefined, sure('thanks', 0.99)).intent).toBe('no');
    expect(understand('iyyeh a sidi', undefined, sure('no', 0.99)).intent).toBe('yes');
    expect(understand('lma3lumat inu', undefined, silent).intent).toBe('my_data');
    expect(understand('lma3lumat inu', undefined, sure('delete_data', 0.99)).intent).toBe('my_data');
    expect(understand('lcode inu afak', undefined, silent).intent).toBe('my_appointments');
    expect(understand('lcode inu afak', undefined, sure('cancel', 0.99)).intent).toBe('my_appointments');
    // Any other request may become one: the conversation confirms a cancellation or an erasure before doing it.
    expect(understand(booking, undefined, sure('cancel', 0.99)).intent).toBe('cancel');
    // A short answer is not read into a long message, as anywhere else.
    expect(understand(booking, undefined, sure('yes', 0.99)).intent).toBe('book');
    // Nor can it stop anyone where the rules heard nothing: it is asked about.
    expect(understand(nothingHeard, undefined, sure('stop', 0.99))).toMatchObject({ intent: 'maybe_stop', approximate: true });
    expect(understand(nothingHeard, undefined, sure('stop', TACHELHIT_STOP_CONFIDENCE - 0.01)).intent).toBe('unknown');
  });

  it('never makes a booking, a blood donation or a subscription of a cancellation or an erasure the rules heard', () => {
    const cancelling = 'ttxil kks rdv n immi g tbib n snan, ur sul tzdar ad d tashk';
    expect(understand(cancelling, undefined, silent).intent).toBe('cancel');
    for (const adding of ['book', 'donate_blood', 'subscribe'] as const) expect(understand(cancelling, undefined, sure(adding, 0.99)).intent).toBe('cancel');
    // Other requests still may take its place, as the table's other intents may.
    expect(understand(cancelling, undefined, sure('reschedule', 0.99)).intent).toBe('reschedule');
  });

  it('picks, when sure, another of the requests the rules heard than the one their order put first', () => {
    // Asked whether one is registered, beside a complaint of no message: the rules' order asks about the complaint.
    const registered = 'is sjjlɣ? ur iyi d yuckin yan lmsaj';
    expectTakenOverAt(registered, 'maybe_stop', 'my_appointments', TABLE_LED_PICK_CONFIDENCE);
    // Never between a yes and a no: "uhu ur riɣ, yah" (no, I don't want it, right) stays a no.
    expect(understand('uhu ur riɣ, yah', undefined, silent).intent).toBe('no');
    expect(understand('uhu ur riɣ, yah', undefined, sure('yes', 1)).intent).toBe('no');
    // Only among what the rules heard: a request they did not hear needs the surer override, which a "maybe stop" never takes.
    expect(understand(registered, undefined, sure('donate_blood', 0.99)).intent).toBe('maybe_stop');
    // Not in Darija in Arabic script, whose rules are trusted.
    const darija = 'فين كاينة القافلة؟ بغيت نسجل مّي';
    expect(understand(darija, undefined, silent).intent).toBe('book');
    expect(understand(darija, undefined, sure('campaigns_info', 1)).intent).toBe('book');
  });

  it('leaves an emergency the rules heard only for another request they heard, and only when surer still', () => {
    expect(TABLE_LED_LEAVE_EMERGENCY_CONFIDENCE).toBeGreaterThan(TABLE_LED_PICK_CONFIDENCE);
    // "yura" (written) misspelt is read as "yuda" (she fell); the message corrects a name.
    const correction = 'ism inu yura ɣlaṭ, Lḥoucine ayd iga machi Lḥassan';
    expectTakenOverAt(correction, 'emergency', 'correct_data', TABLE_LED_LEAVE_EMERGENCY_CONFIDENCE);
    // A request the rules did not hear never takes an emergency's place, nor one they heard beside an emergency well spelt.
    expect(understand('idammn ar ttazzaln zg tnzart', undefined, sure('book', 1)).intent).toBe('emergency');
    expect(understand('salam rix ad sjjlx baba, ur a itnffas mzyan, tzgza ludn nns', undefined, sure('book', 1)).intent).toBe('emergency');
  });

  it('hears a long message ask for help when sure, where the rules hear help in a few words only', () => {
    const lost = 'ma s ira lmsaj ad? ur fhimgh ma ad arugh 1 ula 2';
    expectTakenOverAt(lost, 'unknown', 'help', TABLE_LED_LONG_HELP_CONFIDENCE);
    // Short answers keep their length: a long message is no "yes".
    expect(understand(lost, undefined, sure('yes', 1)).intent).toBe('unknown');
  });

  it('makes a stop of a complaint or a list to leave only when sure it is one', () => {
    const complaint = 'kul ass lmsajat nnun, 3yyigh';
    expectTakenOverAt(complaint, 'maybe_stop', 'stop', TACHELHIT_STOP_CONFIDENCE);
    const erase = 'ssfd numero inu';
    expect(understand(erase, undefined, silent).intent).toBe('delete_data');
    expect(understand(erase, undefined, sure('stop', 0.99)).intent).toBe('stop');
    // A request is no complaint: a sure table does not stop someone who asked to book.
    expect(understand(booking, undefined, sure('stop', 0.99)).intent).toBe('book');
    // Nor in Darija in Arabic script, whose rules know their stops.
    expect(understand('كل نهار هاد الميساجات، عييت', undefined, silent).intent).toBe('maybe_stop');
    expect(understand('كل نهار هاد الميساجات، عييت', undefined, sure('stop', 0.99)).intent).toBe('maybe_stop');
  });
});

describe('the second opinion on Darija in Latin letters', () => {
  // New writers of Arabizi ("3lmouni", "n2ajjel", "vale") use words its rules were never fitted to: it is led by the
  // table as Tachelhit is.
  it('answers, overrides and makes an emergency as in Tachelhit', () => {
    expect(understand('ana f sidi slimane daba', undefined, silent)).toMatchObject({ intent: 'unknown', locale: 'ary', script: 'latn' });
    expect(understand('ana f sidi slimane daba', undefined, sure('help', TABLE_LED_MIN_CONFIDENCE))).toMatchObject({ intent: 'help', approximate: true });
    // The rules' booking, heard in words any message on one's health has, gives way to a less sure table than their other readings.
    expectTakenOverAt('bghit nsjjel bba 3nd tbib l3inin', 'book', 'campaigns_info', ARABIZI_BOOKING_OVERRIDE_CONFIDENCE);
    expectTakenOverAt('bghit nlghi rdv dyal bba', 'cancel', 'my_appointments', TABLE_LED_OVERRIDE_CONFIDENCE);
    expectTakenOverAt('bghit nsjjel bba 3nd tbib l3inin', 'book', 'emergency', TABLE_LED_EMERGENCY_CONFIDENCE);
  });

  it('leaves an emergency only in a long message the table is all but certain is something else', () => {
    // A death told in passing, in a booking of twenty-one words.
    const long = 'salam bghit nsajel mrati w khti 3nd tbib l3inin, khti 3ndha 69 3am w sakna m3ana f ddar mn mat rajelha';
    expectTakenOverAt(long, 'emergency', 'book', LONG_MESSAGE_LEAVE_EMERGENCY_CONFIDENCE);
    // A short cry for help stays one, however sure the table is.
    expect(understand('bghit nsajel, mmi kaysil liha dem', undefined, sure('book', 1)).intent).toBe('emergency');
  });

  it('makes a stop of a complaint only when surer than in Tachelhit, and never of two words', () => {
    expect(TABLE_LED_STOP_CONFIDENCE).toBeGreaterThan(TACHELHIT_STOP_CONFIDENCE);
    expectTakenOverAt('kola nhar had lmessages, 3yit', 'maybe_stop', 'stop', TABLE_LED_STOP_CONFIDENCE);
    // "safi baraka" is as often "that's all".
    expect(understand('safi baraka', undefined, silent).intent).toBe('maybe_stop');
    expect(understand('safi baraka', undefined, sure('stop', 1)).intent).toBe('maybe_stop');
  });
});

describe('the second opinion on Tachelhit dictated to a French keyboard', () => {
  /** A Latin table `confidence` sure that a message is written as Tachelhit is. */
  const styled = (opinion: SecondOpinion, confidence: number): SecondOpinion => ({ ...opinion, latinTachelhit: (_, min = MIN_TACHELHIT_STYLE_CONFIDENCE) => confidence >= min });
  // Four words: French of six or more is led by the table in any case (see below).
  const dictated = 'mêle mie guilla rendez-vous';

  it('leads the request of French the Latin table finds fairly likely to be Tachelhit, and keeps its French answers', () => {
    expect(understand(dictated, undefined, styled(silent, TABLE_LED_DICTATED_CONFIDENCE))).toMatchObject({ intent: 'book', locale: 'fr' });
    expect(understand(dictated, undefined, styled(sure('my_appointments', TABLE_LED_OVERRIDE_CONFIDENCE), TABLE_LED_DICTATED_CONFIDENCE))).toMatchObject({
      intent: 'my_appointments', locale: 'fr', approximate: true,
    });
    expect(understand(dictated, undefined, styled(sure('my_appointments', 1), TABLE_LED_DICTATED_CONFIDENCE - 0.01)).intent).toBe('book');
    expect(understand(dictated, undefined, sure('my_appointments', 1)).intent).toBe('book');
  });
});

describe('the second opinion on French', () => {
  // French rules fitted to short messages by few writers; new writers' longer messages are led by the table.
  const long = 'je voudrais un rdv pour ma mere chez le dentiste svp';
  const short = 'rdv dentiste svp';

  it('answers and overrides in six words or more, as in Tachelhit', () => {
    expect(FRENCH_MIN_TOKENS_TO_LEAD).toBe(6);
    expectTakenOverAt(long, 'book', 'my_appointments', TABLE_LED_OVERRIDE_CONFIDENCE);
    expect(understand('bonjour ma voisine a une question importante', undefined, sure('help', TABLE_LED_MIN_CONFIDENCE))).toMatchObject({ intent: 'help', locale: 'fr' });
  });

  it('leaves shorter messages to the rules, and makes no stop', () => {
    expect(understand(short, undefined, sure('cancel', 1)).intent).toBe('book');
    // A stop the table hears where the rules heard nothing is asked about.
    expect(understand('vous me derangez a minuit avec votre truc', undefined, silent).intent).toBe('unknown');
    expect(understand('vous me derangez a minuit avec votre truc', undefined, sure('stop', 1)).intent).toBe('maybe_stop');
  });
});

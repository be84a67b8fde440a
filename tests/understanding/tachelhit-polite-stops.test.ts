// Stops said politely or by the way they leave: "I don't want you to write to me" closed with thanks, a number taken
// off "your list", a name taken off the WhatsApp group; and what only looks like them.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON, understand } from '../../src/understanding/index.ts';
import type { SecondOpinion } from '../../src/understanding/second-opinion.ts';

const silent: SecondOpinion = { intent: () => undefined, arabicLocale: () => 'ary' };
const ruleOf = (text: string) => understand(text, DEFAULT_LEXICON, silent).intent;

describe('a stop closed or opened with thanks', () => {
  it.each([
    // "I don't want you to write to me (any more)", in both scripts
    ['ur sul righ ad iyi tarum, tanmmirt', 'stop'],
    ['ur rix ad yi sul tarat. merci bahra', 'stop'],
    ['ور سول ريغ اد ئيي تارم، تانميرت', 'stop'],
    // "ḥbsat" (stop), with its ḥ, as "bddat" is
    ['safi ḥbsat, tanmmirt', 'stop'],
    ['حبسات عافاك، تانميرت', 'stop'],
    // thanks that say "much" in Darija, before a bare stop
    ['merci bzaf, bddat dghi', 'stop'],
    ['chokran bzaf, bddat lmsajat', 'stop'],
  ])('hears %j as %s', (text, intent) => {
    expect(ruleOf(text)).toBe(intent);
  });

  it.each([
    // only in another language: a wish about the messages, asked about
    ['ur righ ad iyi tarum s tfransist, tanmmirt', 'maybe_stop'],
    // a wish to be written to
    ['tanmmirt, riɣ ad iyi tarum s tchelhit', 'change_language'],
    // thanks and "that will do" is no stop
    ['merci bzaf, safi', 'thanks'],
    // "tifawt" greets and names the morning: the morning's messages only, asked about
    ['hbsat imsagn n tifawt, tanmmirt', 'maybe_stop'],
  ])('does not stop %j (%s)', (text, intent) => {
    expect(ruleOf(text)).toBe(intent);
  });
});

describe('a stop verb after "not"', () => {
  it.each(['ttusu n yiwi ur 7bsat', 'tawla ur ḥbsat zg yiḍ', 'ur bddat tagussi'])('is something that did not stop, never a stop: %j', (text) => {
    expect(understand(text).intent).not.toBe('stop');
    expect(ruleOf(text)).not.toBe('maybe_stop');
  });
});

describe('a number or a name taken off the list the messages go to', () => {
  it.each([
    // the number after a name, "in your list"
    ['kkisat ism n baba d nmra ns g lista nnun', 'stop'],
    ['كّس ئسم ئنو د نمرا ئنو ڭ لّيستا نّون', 'stop'],
    // off the WhatsApp group, in either script
    ['7iyd smiyt inu zg lgroup n whatsapp', 'stop'],
    ['حيّد ئسم ن يما زڭ واتساب 3afak', 'stop'],
  ])('hears %j as %s', (text, intent) => {
    expect(ruleOf(text)).toBe(intent);
  });

  it.each([
    // an appointment taken off is a visit cancelled
    ['kkes rdv n baba zg whatsapp', 'cancel'],
    // the doctor's list is a visit's, not the messages'
    ['kkes numero n baba gh lista n tbib', 'delete_data'],
  ])('does not stop %j (%s)', (text, intent) => {
    expect(ruleOf(text)).toBe(intent);
  });
});

// When a heard stop stops at once, and when it is asked about.
import { describe, expect, it } from 'vitest';
import { isFirmStop, type HeardPhrase } from '../../src/understanding/stop-firmness.ts';

const stop = (at: number, ...tokens: string[]): HeardPhrase => ({ phrase: { tokens, meaning: { kind: 'intent', intent: 'stop' } }, at });
const no = (at: number, ...tokens: string[]): HeardPhrase => ({ phrase: { tokens, meaning: { kind: 'intent', intent: 'no' } }, at });
const erase = (at: number, ...tokens: string[]): HeardPhrase => ({ phrase: { tokens, meaning: { kind: 'intent', intent: 'delete_data' } }, at });
const none = new Set<number>();

describe('a firm stop', () => {
  it('is a message of stop words and a refusal frame around them', () => {
    expect(isFirmStop(['ad', 'ur', 'iyi', 'sar', 'ttazznm', 'imsagn', 'ula', 'yat'], [stop(1, 'ur', 'iyi', 'sar', 'ttazznm')], none)).toBe(true);
    expect(isFirmStop(['hbsat', 'lmsajat', 'dayi', 'ilkmn'], [stop(0, 'hbs', 'lmsajat')], none)).toBe(true);
  });

  it('is not a stop beside words that say something else', () => {
    expect(isFirmStop(['bdd', 'ghid', 'rad', 'd', 'ashkgh'], [stop(0, 'bdd')], none)).toBe(false);
    expect(isFirmStop(['arretez', 'le', 'traitement'], [stop(0, 'arretez')], none)).toBe(false);
  });

  it('needs a clear stop for the frame: "safi" alone with "ur righ" is no stop', () => {
    expect(isFirmStop(['safi', 'ur', 'righ'], [stop(0, 'safi')], none)).toBe(false);
  });

  it('is a stop said twice, or a stop beside "I don\'t want", whatever surrounds them', () => {
    expect(isFirmStop(['baba', 'ur', 'ira', 'imsagn', 'hbsat', 'kulchi', 'f', 'numero'], [stop(1, 'ur', 'ira', 'imsagn'), stop(4, 'hbsat', 'kulchi')], none)).toBe(true);
    expect(isFirmStop(['arretez', 'd', 'envoyer', 'ur', 'rix', 'yat'], [stop(0, 'arretez'), no(3, 'ur', 'rix', 'yat')], none)).toBe(true);
    expect(isFirmStop(['arretez', 'le', 'traitement', 'ur', 'rix', 'yat'], [stop(0, 'arretez'), stop(0, 'arretez')], none)).toBe(false);
  });

  it('is "never again" said of the messages, whatever explains it, unless something else is asked beside it', () => {
    const raw = ['nkki', 'argaz', 'nns', 'ur', 'tssn', 'ad', 'tghr', 'ur', 'sul', 'as', 'tazznm', 'walo'];
    expect(isFirmStop(raw, [stop(7, 'ur', 'sul', 'as', 'tazznm')], none)).toBe(true);
    expect(isFirmStop(['nkki', 'argaz', 'nns', 'ur', 'as', 'tazznm'], [stop(3, 'ur', 'as', 'tazznm')], none)).toBe(false);
    const asks: HeardPhrase = { phrase: { tokens: ['ini', 'yi', 'mlmi'], meaning: { kind: 'intent', intent: 'subscribe' } }, at: 4 };
    expect(isFirmStop(['ur', 'sul', 'iyi', 'tazznm', 'ini', 'yi', 'mlmi'], [stop(0, 'ur', 'sul', 'iyi', 'tazznm'), asks], none)).toBe(false);
    // "Write to me" is what messages do too: "ur iyi d sul tarat, ghassad ur ssingh ad ghrgh".
    expect(isFirmStop(['ur', 'iyi', 'd', 'sul', 'tarat', 'ghassad', 'ur', 'ssingh', 'lktaba'], [stop(0, 'ur', 'iyi', 'd', 'sul', 'tarat')], none)).toBe(true);
  });

  it('is a clear stop with "enough" after it, not "enough of" before it', () => {
    expect(isFirmStop(['tilifun', 'n', 'yemma', 'ur', 'as', 'ttarum', 'yat', 'baraka'], [stop(3, 'ur', 'as', 'ttarum')], none)).toBe(true);
    expect(isFirmStop(['baraka', 'mn', 'had', 'lmessagat', 'dyalkom'], [stop(2, 'had', 'lmessagat')], none)).toBe(false);
  });

  it('is a stop beside asking to erase the number', () => {
    const heard = [stop(0, 'ur', 'righ', 'lmsaj'), erase(3, 'kksat', 'numero', 'inu')];
    expect(isFirmStop(['ur', 'righ', 'lmsaj', 'kksat', 'numero', 'inu', 'mzyan'], heard, none)).toBe(true);
  });

  it('takes "now" ("ghila", "daba") as urging a clear stop', () => {
    expect(isFirmStop(['hbsat', 'lmsajat', 'ghila'], [stop(0, 'hbsat', 'lmsajat')], none)).toBe(true);
    expect(isFirmStop(['safi', 'baraka', 'daba'], [], none)).toBe(false);
  });
});

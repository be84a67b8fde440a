// Tachelhit as villagers type it: Latin letters with Arabizi digits or ɣ/ɛ/ḍ, Arabic script, Tifinagh,
// mixed with Darija and French words; told apart from Darija, which must read as before.
import { describe, expect, it } from 'vitest';
import { normalizeText, understand } from '../../src/understanding/index.ts';

describe('folding Tachelhit letters', () => {
  it('reads Tifinagh letter by letter as the Latin letters phones type', () => {
    expect(normalizeText('ⴰⴱⴳⴷⴹⴻⴼⴽⵀⵃⵄⵅⵇⵉⵊⵍⵎⵏⵓⵔⵕⵖⵙⵚⵛⵜⵟⵡⵢⵣⵥ')).toBe('abgddefkh73khqijlmnurrghsschttwyzz');
    expect(normalizeText('ⴰⵣⵓⵍ')).toBe('azul');
    expect(normalizeText('ⵜⴰⵏⵎⵎⵉⵔⵜ')).toBe('tanmmirt');
    expect(normalizeText('ⴰⴳⵯⵎⵎⴰⵔ')).toBe('agwmmar');
  });

  it('writes ɣ as gh, ɛ as 3, ḥ as 7, and drops the dot of ḍ, ṭ, ẓ, ṣ, ṛ, in either case', () => {
    expect(normalizeText('riɣ ad ḥbsɣ')).toBe('righ ad 7bsgh');
    expect(normalizeText('ƔILAD ƐAWN')).toBe('ghilad 3awn');
    expect(normalizeText('kraḍ kraṭṭ kkuẓ ṣṣbr ṛṛbbi')).toBe('krad kratt kkuz ssbr rrbbi');
  });
});

describe('understanding Tachelhit', () => {
  const read = (text: string) => {
    const u = understand(text);
    return [u.intent, u.locale, u.script, u.entities.number ?? u.entities.service ?? u.entities.language ?? ''].join(' ').trim();
  };

  it('hears its greetings, yes, no and thanks', () => {
    expect(read('azul')).toBe('greeting shi latn');
    expect(read('manzakin')).toBe('greeting shi latn');
    expect(read('yah')).toBe('yes shi latn');
    expect(read('waxxa')).toBe('yes shi latn');
    expect(read('uhu')).toBe('no shi latn');
    expect(read('tanmmirt')).toBe('thanks shi latn');
  });

  it('counts in Tachelhit, masculine and feminine', () => {
    const numbers = ['yan', 'snat', 'kraḍ', 'kkuẓt', 'smmus', 'sḍist', 'sa', 'tamt', 'tẓa', 'mraw'].map((w) => understand(w).entities.number);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(read('uttun 3')).toBe('choice shi latn 3');
    expect(read('kraḍ a sidi')).toBe('choice shi latn 3');
    expect(read('سا')).toBe('choice shi arab 7');
  });

  it('reads the same request in Latin letters, Arabic script and Tifinagh', () => {
    expect(read('riɣ ad sjjlɣ yemma g l9afila')).toBe('book shi latn');
    expect(read('ريغ اد سجلغ يما')).toBe('book shi arab');
    expect(read('ⵔⵉⵖ ⴰⴷ ⵙⵊⵊⵍⵖ')).toBe('book shi latn');
  });

  it('hears where and when, cancel, stop and a person', () => {
    expect(read('mani tlla l9afila')).toBe('campaigns_info shi latn');
    expect(read('mlmi lmaw3id inu')).toBe('my_appointments shi latn');
    expect(read('kks lmaw3id')).toBe('cancel shi latn');
    expect(read('bdd')).toBe('stop shi latn');
    expect(read('ur righ tibratin')).toBe('stop shi latn');
    expect(read('riɣ ad sawlɣ d yan')).toBe('human shi latn');
  });

  it('hears an emergency in Tachelhit mixed with Darija and French words', () => {
    expect(understand('ar ittazzal idammn bahra').intent).toBe('emergency');
    expect(understand('urgence baba ur sul ar itnffas').intent).toBe('emergency');
    expect(understand('ikhssa tbib ghila').intent).toBe('emergency');
    expect(understand('tighirdmt at tbbi iwi, sbitar').intent).toBe('emergency');
  });

  it.each([
    ['smuttl lmaw3id', 'reschedule shi latn'],
    ['ssmuttl lmaw3id', 'reschedule shi latn'],
    ['ad iyi tsjlm 3afak', 'book shi latn'],
    ['smoutl lmaw3id', 'reschedule shi latn'],
    ['7bes tibratin', 'stop shi latn'],
    ['ar ittazal idamen', 'emergency shi latn blood_donation'],
    ['mnchk a dtachk l9afila', 'campaigns_info shi latn'],
  ])('reads a word as the same whether a consonant is doubled, "ou", "e" or "sh" written, or "d" glued: "%s"', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it.each([
    ['is tsjjlt', 'my_appointments shi latn'],
    ['tsjjlm yemma', 'my_appointments shi latn'],
    ['riɣ ad iyi tsjjlm', 'book shi latn'],
    ['ريغ اد تسجلم يما', 'book shi arab'],
    ['mnshk ad d tashk l9afila', 'campaigns_info shi latn'],
    ['manaku lmaw3id inu', 'my_appointments shi latn'],
    ['ur iyi sul ttaznt tibratin', 'stop shi latn'],
    ['ur iyi sul tsifdm kra', 'stop shi latn'],
    ['azul fllawn a ayt l9afila', 'greeting shi latn'],
  ])('tells "did you register" from "register me", and hears when, postpone and "not anymore": "%s"', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it('takes "tachelhit" or "tamazight" as the language asked for', () => {
    expect(read('s tachelhit')).toBe('change_language shi latn shi');
    expect(read('ⵜⴰⵛⵍⵃⵉⵜ')).toBe('change_language shi latn shi');
    expect(understand('tamazight 3afak').entities.language).toBe('shi');
  });

  it('leaves Darija, French and Arabic where they were, loanwords shared with Tachelhit included', () => {
    expect(read('salam')).toBe('greeting ary latn');
    expect(read('bghit nchof tbib 3inin')).toBe('book ary latn ophthalmology');
    expect(read('urgence 3afak')).toBe('emergency ary latn');
    expect(read('wakha')).toBe('yes ary latn');
    expect(read('je veux un rendez-vous')).toBe('book fr latn');
    expect(read('بغيت نسجل مي')).toBe('book ary arab');
    expect(read('wach tsjlt')).toBe('my_appointments ary latn');
    expect(read('salam 3alaykom')).toBe('greeting ary latn');
    expect(understand('bzaf 3lik merci').locale).not.toBe('shi');
    expect(read('bghit ntberre3 b dem')).toBe('donate_blood ary latn blood_donation');
  });
});

describe('Tachelhit sentences the rules once missed', () => {
  it('take a number named as a choice ("wis sin") inside a sentence, and a longer plea for help', () => {
    expect(understand('nkki ad afrnɣ wis sin').intent).toBe('choice');
    expect(understand('nkki ad afrnɣ wis sin').entities.number).toBe(2);
    expect(understand('mamnk ad sxdmɣ had chi ur fhimɣ walu').intent).toBe('help');
  });
});

// Tachelhit requests about a visit, heard through word classes: calling it off, moving it, what to bring, when to go in.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON, understand } from '../../src/understanding/index.ts';
import { normalizeText, tokenize } from '../../src/understanding/normalize.ts';
import { tachelhitPatterns } from '../../src/understanding/tachelhit-patterns.ts';
import type { SecondOpinion } from '../../src/understanding/second-opinion.ts';

const intentOf = (text: string) => understand(text).intent;
const patternIntents = (text: string) => tachelhitPatterns(tokenize(normalizeText(text))).map((m) => m.intent);
/** The rules alone, with no learned second opinion to make up for them. */
const silent: SecondOpinion = { intent: () => undefined, arabicLocale: () => 'ary' };
const rulesOf = (text: string) => understand(text, DEFAULT_LEXICON, silent).intent;

describe('Tachelhit requests about a visit', () => {
  it.each([
    ['7ydat lmaw3id n baba, ur rad izdar ad yashk', 'cancel'],
    ['عافاكم حيدو الموعد ئنو', 'cancel'],
    ['lmaw3id n ghda ur iyi ifulki, kksat t', 'cancel'],
    ['ur nzdar ad nddu, btlat rdv nngh', 'cancel'],
    ['nra ad nannuli rendez-vous', 'cancel'],
    ['is tzdarm ad tsmuttlm lmaw3id inu', 'reschedule'],
    ['rendez-vous n lkhmis ur iyi ifulki, is tlla kra ass yadni', 'reschedule'],
    ['mad ikhssa ad d nawi s lkaravana', 'campaigns_info'],
    ['ماد ئخصان اد د ناوي؟', 'campaigns_info'],
    ['mnchk n tsa3t ad ftun tbib?', 'campaigns_info'],
    ['is rad d t3awd lkaravana imal?', 'campaigns_info'],
    ['manza lwqt ad kchmgh s dar tbib', 'my_appointments'],
    ['ad iyi d tawim lkhbar n tbib n wallen', 'subscribe'],
    ['rix ad sawlgh d lmuwazaf n ljam3iya', 'human'],
    ['fk iyi numero n lmas2ul', 'human'],
    ['sifd iyi lmenu', 'help'],
  ] as const)('reads "%s" as %s', (text, intent) => expect(intentOf(text)).toBe(intent));

  it('hears the day changed as moving the visit, by the rules alone', () => {
    expect(understand('ri ad bdl inhar, ur zdarx ghassad', DEFAULT_LEXICON, silent).intent).toBe('reschedule');
    expect(understand('nra ad nbdl tisa3t n tbib', DEFAULT_LEXICON, silent).intent).toBe('reschedule');
  });

  it('reads the eye written "tite" as the eye doctor, not as French "vite" (quick)', () => {
    expect(understand('ri ad sjjlgh mmi i l operation n tite').intent).toBe('book');
    expect(understand('tite n baba ur tannay mzyan').entities.service).toBe('ophthalmology');
  });

  it('books a blood test, in either script, and does not read its blood as a donation', () => {
    expect(understand('ri ad sjjlgh mmi i ta7lil n idammn').entities.service).toBe('general_medicine');
    expect(intentOf('ئرا اد ئسجل ئ تحاليل ن ئدامن')).toBe('book');
    expect(intentOf('ri ad fkgh idammn')).toBe('donate_blood');
  });

  it('does not call off, or read as a person to call, what only names a visit or a number', () => {
    expect(intentOf('mlmi ad ilin lmaw3id inu')).not.toBe('cancel');
    expect(intentOf('ad ak fkgh numero inu')).not.toBe('human');
    expect(intentOf('bghit lmaw3id mn ajl lktaf dyal mmi')).not.toBe('reschedule');
  });
});

describe('Tachelhit requests about a visit in other villages\' words', () => {
  it.each([
    // Moved, with the "-y-" some write before "-at", Darija's plural and Darija's "7wl".
    ['ssmuttiyat rdv n yemma', 'reschedule'],
    ['is tzdarm ad t7wlm lmaw3id?', 'reschedule'],
    ['wach ymkn t7wlo rdv', 'reschedule'],
    ['ئس تزضارم اد ت تحولم لموعد؟', 'reschedule'],
    // I cannot then: could it be another day.
    ['azkka ur zdargh, is imkn f ljm3a?', 'reschedule'],
    ['ghassad ur nzdar, is tzdarm f ssbt?', 'reschedule'],
    // Anything to bring, papers asked for.
    ['kra ikhssan ad nawi?', 'campaigns_info'],
    ['is ikhssa lbitaqa?', 'campaigns_info'],
    ['ئس ئخصا لبطاقة؟', 'campaigns_info'],
    ['is rad nawi lkarni?', 'campaigns_info'],
    // Darija's "give me" a number of someone of the caravan.
    ['3tini nmra n lmas2ul', 'human'],
    ['a3tini numero d tbib ad t ghrgh', 'human'],
    ['عطيني نمرا ن يان غ لقافلا', 'human'],
  ] as const)('reads "%s" as %s by the rules alone', (text, intent) => expect(rulesOf(text)).toBe(intent));

  it('does not read the number of an appointment as a person to call, a cancellation asked as a new day, or papers brought as a question', () => {
    expect(patternIntents('3tini numero n rdv inu')).not.toContain('human');
    expect(patternIntents('ur zdargh ad d ashkgh, is imkn ad t tkksm?')).not.toContain('reschedule');
    expect(patternIntents('ad awigh lbitaqa')).not.toContain('campaigns_info');
  });
});

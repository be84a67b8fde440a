// Tachelhit follow-ups of a villager the caravan knows, in wordings of other villages than the corpus's: am I on the list,
// when do I go, what do you keep of me, you wrote it wrong, tell me when it comes, a doctor to speak to, the menu, blood.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON, understand } from '../../src/understanding/index.ts';
import type { SecondOpinion } from '../../src/understanding/second-opinion.ts';
import { normalizeText, tokenize } from '../../src/understanding/normalize.ts';
import { tachelhitPatterns } from '../../src/understanding/tachelhit-patterns.ts';

const intentOf = (text: string) => understand(text).intent;
/** The rules alone, with no learned second opinion to make up for them. */
const silent: SecondOpinion = { intent: () => undefined, arabicLocale: () => 'ary' };
const rulesOf = (text: string) => understand(text, DEFAULT_LEXICON, silent).intent;
const patternIntents = (text: string) => tachelhitPatterns(tokenize(normalizeText(text))).map((m) => m.intent);

describe('Tachelhit follow-ups', () => {
  it.each([
    ['is gigh g lista n lqafila', 'my_appointments'],
    ['wach tga yemma gh liste?', 'my_appointments'],
    ['ءيس ئگا بابا غ ليستا نّون', 'my_appointments'],
    ['mlat iyi lmaw3id inu afak', 'my_appointments'],
    ['ml iyi lcode n yemma', 'my_appointments'],
    ['manza ass ad d ashkgh s sbitar?', 'my_appointments'],
    ['mlmi rad ddugh, ur iyi ilkim walu', 'my_appointments'],
    ['azkka ayd rdv n baba?', 'my_appointments'],
    ['mad ghurun fllai?', 'my_data'],
    ['ma darun zg isem inu d nmra', 'my_data'],
    ['sskn iyi lma3lumat inu', 'my_data'],
    ['tktbm ghalat isem n illi', 'correct_data'],
    ['ghlat g l3mr n baba', 'correct_data'],
    ['baba ghurs 70 l3am machi 60', 'correct_data'],
    ['tamghart inu ghurs 50 usggas machi 40', 'correct_data'],
    ['isem inu ur t iga hmad, mhmd ayd iga', 'correct_data'],
    ['ig d tashk lkafila s tafraout 3lmat iyi', 'subscribe'],
    ['mlli d tlkm lqafila khbrat iyi afak', 'subscribe'],
    ['is rad sawlgh d tbib ghas imik', 'human'],
    ['ri ad siwlgh dids tbiba, is illa?', 'human'],
    ['ma llan lkhiyarat?', 'help'],
    ['mmel iyi lmenu 3afak', 'help'],
    ['ig t7tajam idammn 3ayyt iyi, nkki A+', 'donate_blood'],
    ['is ttahtajam idamn? ha nkki', 'donate_blood'],
    ['smttlat rdv inu s ass nnidn', 'reschedule'],
    ['is lqafila batl ula ad nfk lflus?', 'campaigns_info'],
    ['manig rad tili lqafila s tafraout?', 'campaigns_info'],
    ['مانيگ غا تيلي لقافلة ن ئمي ن تانوت؟', 'campaigns_info'],
    ['mad illan g lista nnun fllai', 'my_data'],
    ['ماد تاريم فلّي؟', 'my_data'],
    ['انات ئيي ئغ د تلكم لقافلة', 'subscribe'],
    ['sjjlat iyi g lkhbar n lkaravana', 'subscribe'],
    ['3lmat iyi s lkhbar ig d tushka', 'subscribe'],
    ['ri yan ad iyi d isawl, ur ssinɣ ad ktbɣ', 'human'],
    ['sawlat iyi f ttilifun afak', 'human'],
    ['wach ilkm lcode n yemma?', 'my_appointments'],
    ['ماد ئگان لكود ن ئمّا؟', 'my_appointments'],
    ['is darun nmra inu d isem inu?', 'my_data'],
    ['turim lism n illi s lghlat', 'correct_data'],
    ['mnnaw tbibn ad ilin g lqafila?', 'campaigns_info'],
    ['ila ikhssa idammn i yan 3ayt iyi, nkki O+', 'donate_blood'],
    ['rix ad kchmgh g lista n tbib n walln', 'book'],
    ['ئغ د تاس لقافلا ئنات ئيي', 'subscribe'],
    ['mnck n tsa3t ayd ghuri azkka?', 'my_appointments'],
    ['lism inu ur t turim mzyan', 'correct_data'],
    ['illa lkhata2 g numero n baba', 'correct_data'],
    ['is tlla lqafila s tata ass n ssbt?', 'campaigns_info'],
    ['is rad d tashk lkaravana s agadir oufella?', 'campaigns_info'],
    // "s ssbt" may be "to Saturday", a move: "g ssbt" is on Saturday.
    ['lmaw3id inu g ssbt?', 'my_appointments'],
    ['rdv n illi azkka ula ghassad?', 'my_appointments'],
    ['is tzdarm yan wass idnin i rdv n baba', 'reschedule'],
    ['ريغ يان ؤسّ ياضنين ئ لموعد ن ئمّا', 'reschedule'],
  ] as const)('reads "%s" as %s, by its words\' pattern', (text, intent) => {
    expect(patternIntents(text)).toContain(intent);
    expect(intentOf(text)).toBe(intent);
  });

  it.each([
    // Owning a mistake, speaking a language, blood not needed: none asks what the pattern would.
    ['smh iyi ghltgh g nmra', 'correct_data'],
    ['is illa tbib ar isawal s tachelhit', 'human'],
    ['ur t7tajam idammn', 'donate_blood'],
    ['tbib inna yi illa lma g tit', 'subscribe'],
    ['ma k ifkan numero inu? ur ssinx ma tgit', 'correct_data'],
    ['ad iyi d isawl s tachelhit', 'human'],
    ['is tsjjlm ism inu?', 'my_data'],
    ['baba ikhssa idammn', 'donate_blood'],
  ] as const)('hears no pattern in "%s" asking %s', (text, intent) => expect(patternIntents(text)).not.toContain(intent));

  it('keeps "is ittusjjl baba" a question about a registration, whatever else the message names', () => {
    expect(intentOf('is ittusjjl baba i l operation')).toBe('my_appointments');
    expect(intentOf('wach ttuqiyd yemma i tiṭṭ n wallen')).toBe('my_appointments');
  });
});

describe('one\'s own appointment named without a verb', () => {
  it('asks about it, in Tachelhit, and is never guessed to be a cancellation', () => {
    for (const text of ['الكود انو عافاك', 'لموعد انو غدا', 'lcode inu afak']) {
      expect(understand(text), text).toMatchObject({ intent: 'my_appointments', locale: 'shi' });
    }
  });
});

describe('Tachelhit words the lexicon must not mend into others', () => {
  it('reads "iqqan" (must) as itself, not as MSA\'s "stop" one letter away', () => {
    expect(intentOf('ءيس ءيقّان ءاد نخلص؟')).toBe('campaigns_info');
    expect(intentOf('ماد ءيقّان ءاد نخلص ئغ ئلكم ئسّ ن لقافلا؟')).toBe('campaigns_info');
  });

  it('reads "ttux" (I forgot) as itself, not as French "toux" (a cough), nor "sm3t" (I heard) as "sm3tl" (move)', () => {
    expect(rulesOf('ttux lcode inu, 3afak')).toBe('my_appointments');
    expect(rulesOf('ttux mad d tnnam')).not.toBe('book');
    expect(rulesOf('sm3t blli lkaravana ghadi tji l douar')).not.toBe('reschedule');
  });

  it('reads "ikhsan" (bones) as itself, not as MSA\'s "insan" (a person), and "attas" (much) not as "attan" (illness)', () => {
    expect(rulesOf('is illa tbib n ikhsan g lqafila?')).toBe('campaigns_info');
    expect(rulesOf('ئس ئلا طبيب ن ئخسان؟')).toBe('campaigns_info');
    expect(rulesOf('tanmmirt attas a khouya')).toBe('thanks');
    expect(rulesOf('ⴰⵢⵓⵣ ⴰⵟⵟⴰⵚ')).toBe('thanks');
  });

  it('reads "nnwadr" (glasses) as the eye doctor', () => {
    expect(understand('ri nnwadr i baba')).toMatchObject({ intent: 'book', entities: { service: 'ophthalmology' } });
  });

  it('reads "snin" (years) as an age, not as teeth, and a Tachelhit age as Tachelhit', () => {
    expect(understand('yemma ghurs 60 snin machi 70')).toMatchObject({ intent: 'correct_data', locale: 'shi', entities: { number: 60 } });
    expect(understand('yemma ghurs 60 snin machi 70').entities.service).toBeUndefined();
  });
});

describe('Tachelhit follow-ups in other villages\' words', () => {
  it.each([
    // What you keep, with Darija's "-kum" and a Moroccan "ݣ".
    ['ماد داركم زݣ لمعلومات نغ؟', 'my_data'],
    ['inayat iyi mlmi rad tili', 'subscribe'],
    ['ماد تارم فلاغ ف ليستا؟', 'my_data'],
    // I want you to register me, him or her, in any person and spelling.
    ['righ ad iyi tqiydm', 'book'],
    ['nra ad tsjjlm baba', 'book'],
    ['ريغ اد ت تسجلم', 'book'],
    ['rig adsajlag baba inu', 'book'],
    ['ⵔⵉⵖ ⴰⴷ ⵉⵢⵉ ⵜⵙⵊⵊⵍⵎ', 'book'],
    ['ri3 ad iyi tsjjlm', 'book'],
    ['righ ad ktbgh isem n ultma inu g lista', 'book'],
    ['is illa tbiba? rant ad zrnt tbiba', 'book'],
    // To see a doctor, or to have an examination done.
    ['ira ad izr tbib n walln', 'book'],
    ['nra ad nzr tbiba', 'book'],
    ['ريغ اد زرغ الطبيب', 'book'],
    ['ⵉⵔⴰ ⴰⴷ ⵉⵥⵕ ⵜⴱⵉⴱ', 'book'],
    ['is illa tbib n tiṭṭ? yemma tra ad tzr tbib', 'book'],
    ["rix ad skrx l'analyse", 'book'],
    ['ira ad iskr radio i ufus', 'book'],
    // Put me on the list; on the list for the news.
    ['zid iyi g lista', 'book'],
    ['dkhlat iyi gh liste 3afak', 'book'],
    ['ⵣⵉⴷ ⵉⵢⵉ ⵖ ⵍⵉⵙⵜⴰ', 'book'],
    ['زيد ئيي ڭ ليستا', 'book'],
    ['zid iyi ghi lista', 'book'],
    ['زيد ئيي غ ليستا ن لخبار', 'subscribe'],
    // The message with the appointment lost.
    ['ttusfd lmsaj n rdv', 'my_appointments'],
    ['lmsaj tmsa7', 'my_appointments'],
    // One day or time in place of another; the appointment wanted at a time.
    ['ad iyi tgm f ljm3a machi f lkhmis', 'reschedule'],
    ['tifawt blast tadggwat 3afak', 'reschedule'],
    ['ف لخميس ماشي ف الجمعة', 'reschedule'],
    ['ف العشية ماشي ف الصبح', 'reschedule'],
    ['iyyass yadnin 3afak', 'reschedule'],
    ['ⴰⴷ ⵉⵢⵉ ⵜⴳⵎ ⴳ ⵍⵊⵎⵄⴰ ⵎⴰⵛⵉ ⴳ ⵍⵅⵎⵉⵙ', 'reschedule'],
    ['righ ad yili lmaw3id inu f ssbt', 'reschedule'],
    ['nra ad iga rdv n baba g tifawt', 'reschedule'],
    ['ri ad ig rdv n baba g tadggwat', 'reschedule'],
    ['f larb3a machi f ttlata', 'reschedule'],
    // Whether a doctor comes.
    ['is rad d yasin tbibn n tarwa?', 'campaigns_info'],
    ['tbib n tiṭṭ is rad d yas?', 'campaigns_info'],
    ['ئس راد د ياس طبيب ن تيط؟', 'campaigns_info'],
    // Which day you come; where the caravan will be; where to press.
    ['manak ass a d tasin?', 'campaigns_info'],
    ['manak ass ad d tasim s igherm nngh?', 'campaigns_info'],
    ['ماني غ راد ئكيمن طبيب ن لكارافانا؟', 'campaigns_info'],
    ['mani ad brkgh?', 'help'],
    ['fin ad nbrk 3afak', 'help'],
  ] as const)('reads "%s" as %s by the rules alone', (text, intent) => expect(rulesOf(text)).toBe(intent));

  it('does not hear a negation, a visit to kin, "a little", erasing, "no problem", a greeting or the caravan\'s place as those', () => {
    expect(patternIntents('ur righ ad iyi tsjjlm')).not.toContain('book');
    expect(intentOf('righ ad ssngh is tsjjlm baba')).toBe('my_appointments');
    expect(patternIntents('ira ad izr yemma')).not.toContain('book');
    expect(patternIntents('ur righ ad skrgh walu')).not.toContain('book');
    expect(patternIntents('zid iyi chwiya')).not.toContain('book');
    expect(patternIntents('ms7 lmsajat')).not.toContain('my_appointments');
    expect(patternIntents('ass n lkhmis machi mochkil')).not.toContain('reschedule');
    expect(intentOf('manak a tgit')).toBe('greeting');
    expect(patternIntents('tbib inna yi is rad d tasd azkka')).not.toContain('campaigns_info');
    expect(intentOf('mani rad tili lkaravana')).toBe('campaigns_info');
  });
});

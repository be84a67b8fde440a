// Tachelhit requests heard through word classes: words between, other persons, Arabic script, Darija mixed in.
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

describe('Tachelhit requests', () => {
  it.each([
    ['is illa ism inu gh liste', 'my_appointments'],
    ['اس ئلا ئسم ن بابا غ ليستا', 'my_appointments'],
    ['bddl iyi lmaw3id s yan wass yadni', 'reschedule'],
    ['ur zdargh azkka, ad t tsskrm s ass nnidn', 'reschedule'],
    ['ghr iyi f tilifun', 'human'],
    ['ini i tbib ad iyi isawl', 'human'],
    ['salam mad ikhssan ad nskr, tbib inna yi kra ur t fhimgh mzyan ula ssingh ad ghrgh', 'help'],
    ['ur fhimgh tafransist, kttbat s tachelhit', 'change_language'],
    ['ur ssingh ad ghrgh l3arbiya', 'change_language'],
    ['igh d tlkm lkafila tamazirt nngh, sifdat iyi message', 'subscribe'],
    ['ملمي راد د تاس القافلة ئني ايي', 'subscribe'],
    ['kks lma3lomat inu kullu', 'delete_data'],
    ['l3mr n baba machi 60', 'correct_data'],
    ['ddouar ur iga tafraout', 'correct_data'],
    ['mad ghurun gh lma3lumat inu', 'my_data'],
    ['ok ad d ashkgh azkka f lwqt inchallah', 'yes'],
    ['righ tis kratt', 'choice'],
    ['kkouz a khouya', 'choice'],
  ] as const)('reads "%s" as %s', (text, intent) => expect(intentOf(text)).toBe(intent));

  it('reads taking a name off the list as a cancellation, and erasing what is kept as deletion', () => {
    expect(intentOf('our rad d ddugh azkka, kksat smiyt inu')).toBe('cancel');
    expect(intentOf('kksat lma3lumat inu kullu')).toBe('delete_data');
  });

  it('does not read a question about the caravan, or work in the mornings, as something else', () => {
    expect(intentOf('is illa tbib n wallen g l9afila')).not.toBe('my_appointments');
    expect(intentOf('ar skrgh l3mal s tifawt')).not.toBe('reschedule');
  });

  it('hears "when it comes, call me" as a request to be told, and "call me" alone as a person', () => {
    expect(intentOf('igh d tushka lkafila siwl iyi')).toBe('subscribe');
    expect(intentOf('siwl iyi 3afak')).toBe('human');
  });

  it('does not hear a negated "I will come" as a yes', () => {
    expect(intentOf('wakha ur rad d ashkgh')).not.toBe('yes');
  });
});

describe('Tachelhit requests in other villages\' words', () => {
  it.each([
    // Someone to speak to, in Darija's word too.
    ['ri ad sawlgh d chi wahd zg lqafila', 'human'],
    ['is illa chi wa7d ad iyi isawl?', 'human'],
    ['ri ad hdrgh d wa7d n lqafila', 'human'],
    // A language named with or without its long vowels, Darija by its name.
    ['kttbat iyi s tchelhit', 'change_language'],
    ['ur nssin ddarija, ari yi s tfransist', 'change_language'],
    ['ساولات ديدي س تاعرابت', 'change_language'],
    ['ؤر سّينغ لعرابية، ساول ديدي س تشلحيت', 'change_language'],
    // Darija's and MSA's "donate", and "I want to give" after blood is named.
    ['ri ad ntbrr3 s idamn', 'donate_blood'],
    ['idammn? nra ad nfk', 'donate_blood'],
    ['ءيدامن، ريغ اد فكغ', 'donate_blood'],
    ['is illa lhamla n idammn g dwar? righ ad fkgh', 'donate_blood'],
    ['ئس را تيلي لحملة؟ ريغ اد نبرع س ئدامن', 'donate_blood'],
    // What you have of me, with Darija's "-kum", "of" after the data or before it.
    ['mad ghurkm n lma3lumat f baba?', 'my_data'],
    ['ma n lma3lumat ghurun f yemma?', 'my_data'],
    ['ma n lma3lumat darkum f baba?', 'my_data'],
    ['ma ghurkm ukan ghir n lma3lumat n yemma?', 'my_data'],
    ['mad tssnm fllax?', 'my_data'],
    // Send me the news as an order; news reaching me.
    ['aznat iyi lkhbar n lqafila', 'subscribe'],
    ['ⵙⵉⴼⴹ ⵉⵢⵉ ⵍⵅⴱⴰⵔ', 'subscribe'],
    ['ri ad ayi d ilkm lkhbar', 'subscribe'],
    ['ريغ اد ئيي د يلكم لخبار ن لقافلا', 'subscribe'],
    // When it comes, you will tell me.
    ['mlmi rad tashkm, ad i tinim', 'subscribe'],
    ['ملمي راد د تاشكم، اد ئيي تينيم', 'subscribe'],
    // The appointment, then another one.
    ['lmawid inu, rix yat yadnin', 'reschedule'],
    ['rdv n baba, ad t tgm ass ya dnine', 'reschedule'],
    // A thing kept, then "put it right", "not", or an age that is not so.
    ['lmsaj nnun fih smiyt inu ikhwa, s7hat t', 'correct_data'],
    ['ئسم ئنو ف لميساج، صححات ت', 'correct_data'],
    ['douar inu g lista nnun machi ayt ali', 'correct_data'],
    ['3umr n baba ur igi 70', 'correct_data'],
    // Yes, said by promising that we come.
    ['iyyeh ghassad ad d nashk', 'yes'],
    ['واخا، اد د ناشك', 'yes'],
    // MSA's word for data.
    ['ssfd lbayanat inu', 'delete_data'],
    ['مسح البيانات ن بابا', 'delete_data'],
    // Darija's "sbṭl" (call off) and French's "supprimer" as Tachelhit verbs; "smmutti" (move) a visit.
    ['sbṭlat rdv n baba 3afak', 'cancel'],
    ['ريغ اد سبطلغ الموعد ن ئمي', 'cancel'],
    ['supprimi rdv inu, ur rad d ashkgh', 'cancel'],
    ['smmuttiyat rdv inu s ssimana yadnin', 'reschedule'],
  ] as const)('reads "%s" as %s by the rules alone', (text, intent) => expect(rulesOf(text)).toBe(intent));

  it('does not hear "one day", a refusal to give, a question about today, a complaint or no news as those requests', () => {
    expect(patternIntents('wa7d nhar ad d ashkgh')).not.toContain('human');
    expect(patternIntents('idammn, ur righ ad fkgh')).not.toContain('donate_blood');
    expect(patternIntents('ma ghurkm lyum?')).not.toContain('my_data');
    expect(patternIntents('ma fllas sifdn iyi lmsajat')).not.toContain('subscribe');
    expect(patternIntents('ur iyi d ilkim lkhbar')).not.toContain('subscribe');
    expect(patternIntents('rdv inu azkka, bddlat t s ass yadni')).not.toContain('correct_data');
    expect(patternIntents('baba ar isawal ddarija d tachelhit mzyan, ur illa mochkil')).not.toContain('change_language');
  });
});

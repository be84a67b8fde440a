// Tachelhit questions heard through word classes: am I booked, is there a doctor, is it free, how does this work.
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

describe('Tachelhit questions', () => {
  it.each([
    ['is ghuri kra n rdv azkka', 'my_appointments'],
    ['ءيس ءيلا لموعد ن بابا', 'my_appointments'],
    ['is ittusjjl baba i l operation', 'my_appointments'],
    ['ئس تقيدم ئيي', 'my_appointments'],
    ['riɣ ad ssnɣ is ikchm isem inu g liste', 'my_appointments'],
    ['is illa tbib n snan g lqafila', 'campaigns_info'],
    ['is ghurun tbib n tarwa', 'campaigns_info'],
    ['lqafila s blash nigh rad nkhlls', 'campaigns_info'],
    ['mnnaw wussan ad tgawrm', 'campaigns_info'],
    ['manza ass ad d tashk lqafila', 'campaigns_info'],
    ['mlmi rad d tashk lkafila s tafrawt', 'campaigns_info'],
    ['mamnk ar ikhdam whatsapp ad, ur fhimgh', 'help'],
    ['baba ur issin mamnk ad itti3ml d tilifun', 'help'],
    ['ma ra ktbgh daba', 'help'],
    ['abonni iyi f lkhbar n lqafila', 'subscribe'],
    ['is tssnm ism inu', 'my_data'],
    ['mani g tlla l3afit a lfri9', 'greeting'],
  ] as const)('reads "%s" as %s', (text, intent) => expect(intentOf(text)).toBe(intent));

  it.each([
    ['is illa rdv i yemma', 'my_appointments'],
    ['is ghuri kra n rendez vous', 'my_appointments'],
    ['s blash', 'campaigns_info'],
    ['abonni iyi', 'subscribe'],
    ['ur righ walu', 'no'],
    ['mad llan d tbibn g lqafila', 'campaigns_info'],
    ['manwi tbibn ad d yusin', 'campaigns_info'],
    ['ma lsa3a ayd ghuri azkka', 'my_appointments'],
    ['ur ssingh ad ktbgh', 'help'],
    ['mad ikhssa ad ktbgh', 'help'],
  ] as const)('hears "%s" as %s through its word classes', (text, intent) => expect(patternIntents(text)).toContain(intent));

  it('tells asking for a registration from asking about one', () => {
    expect(intentOf('is ad iyi tsjjlm')).toBe('book');
    // Whether you will register me asks for it, however sure the table is of the look-alike question.
    for (const text of ['is a yi tqiydm', 'ئس اد ئيي تسجلم', 'is ad iyi tktbm']) expect(intentOf(text), text).toBe('book');
    expect(intentOf('is iyi tqiydm')).toBe('my_appointments');
    expect(intentOf('qiyd iyi 3afak, Fadma Id Hmad')).toBe('book');
    expect(intentOf('qiyd yemma 3afak')).toBe('book');
    expect(intentOf('is tqiydm yemma')).toBe('my_appointments');
  });

  it('hears not knowing how the bot works as asking for help, in any person of "work"', () => {
    for (const text of ['ur ssinx ma s ar ikhdem lbot ad', 'ur ssingh ma s ar ttekhdam tawuri ad']) expect(rulesOf(text), text).toBe('help');
    expect(patternIntents('ur ssinx ma s ar ikhdem lbot ad')).toContain('help');
  });

  it('asks for a place when "is ghurun" asks no doctor', () => {
    expect(intentOf('tamghart inu tra ad tzr tbiba, is ghurun plas')).toBe('book');
  });

  it('reads taking out a tooth or tonsils as an operation, not a cancellation', () => {
    expect(intentOf('mmi ihtaj ad as kksn tighmst')).toBe('book');
    expect(intentOf('kks lmaw3id n baba')).toBe('cancel');
  });
});

describe('Tachelhit answers around requests', () => {
  it.each([
    ['uhu, ur ira ad iddu azkka', 'no'],
    ['ur ira ad d yashk', 'no'],
    ['ur righ walu', 'no'],
    ['baba ur sar ikhssa rdv nns', 'cancel'],
    ['numero inu ibddl, wa jdid ad', 'correct_data'],
    ['ismiw ur igi Hmad', 'correct_data'],
    ['rendez vous ad ur iwafq, is illa yan wass yadn', 'reschedule'],
  ] as const)('reads "%s" as %s', (text, intent) => expect(intentOf(text)).toBe(intent));
});

describe('Tachelhit questions and orders in other villages\' words', () => {
  it.each([
    // Will there be a doctor; which doctors.
    ['is rad ilin tbib n snan?', 'campaigns_info'],
    ['ئس را يلين طبيب ن تيط؟', 'campaigns_info'],
    ['manawt tbba ad d yasin?', 'campaigns_info'],
    // Did you write down, in Darija's "-tm" too.
    ['is turim baba?', 'my_appointments'],
    ['ئس كتبتم ئسم ئنو؟', 'my_appointments'],
    // Write her, a name, or a phone number down.
    ['qiyd t 3afak', 'book'],
    ['sjjlat tt a sidi', 'book'],
    ['ktbat ism n yemma', 'book'],
    ['كتب ئسم ن بابا عافاك', 'book'],
    ['kttb nnmra inu', 'subscribe'],
    ['سجّلات نمرا ئنو', 'subscribe'],
    ['kttbat nnmra inu g lista nnun', 'subscribe'],
    // Let me know.
    ['khbrat iyi ig d tusa lkaravana', 'subscribe'],
    ['3llmat iyi 3afak', 'subscribe'],
    // Peace be upon you, in any spelling.
    ['salamu 3likum a ljma3a', 'greeting'],
    ['assalamu alaykum', 'greeting'],
    ['السلام عليكوم', 'greeting'],
    // With or without money.
    ['is s lflus ola batl?', 'campaigns_info'],
    ['bla flous?', 'campaigns_info'],
    // "What to do" glued, and "ira" for "shall".
    ['ur ssinx madnskr', 'help'],
    ['ur fhimgh, mad ira nskr?', 'help'],
    ['mad ira skrgh afak?', 'help'],
  ] as const)('reads "%s" as %s by the rules alone', (text, intent) => expect(rulesOf(text)).toBe(intent));

  it('does not hear an order to write to me, a negated writing, a lone greeting, no money, knowing or wanting as those', () => {
    expect(patternIntents('ari iyi 3afak')).not.toContain('my_appointments');
    expect(patternIntents('ur ktbgh ism inu')).not.toContain('book');
    expect(patternIntents('sjjl numero n baba i tbib n walln')).not.toContain('subscribe');
    expect(intentOf('is tktbm ism inu?')).toBe('my_appointments');
    expect(patternIntents('ur iyi t3lmm')).not.toContain('subscribe');
    expect(patternIntents('salam, 3afak')).not.toContain('greeting');
    expect(patternIntents('ur ghuri lflus')).not.toContain('campaigns_info');
    expect(patternIntents('ssngh madskrgh')).not.toContain('help');
    expect(patternIntents('mad ira baba')).not.toContain('help');
  });
});

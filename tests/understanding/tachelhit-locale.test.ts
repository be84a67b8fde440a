// Telling Tachelhit from Darija when the two share loanwords: each word votes once, and Tachelhit verb forms vote.
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/index.ts';
import { isTachelhitCore, isTachelhitVerb, tachelhitOpenings, tifinaghWords } from '../../src/understanding/language-detection.ts';

const locale = (text: string) => understand(text).locale;

describe('Tachelhit verb forms', () => {
  it('takes a first person "-ɣ" in either script as Tachelhit, not a noun that ends in it', () => {
    for (const verb of ['sxdmgh', 'afrngh', 'zznzgh', 'كشمغ', 'ساولغ', 'زدارغ']) expect(isTachelhitVerb(verb), verb).toBe(true);
    for (const word of ['bghit', 'gh', 'الفراغ', 'دماغ', 'بلاغ', 'مبلغ', 'تبليغ', 'بغيت']) expect(isTachelhitVerb(word), word).toBe(false);
  });
});

describe('word votes', () => {
  it('do not let a loanword Darija lists in several phrases outvote a Tachelhit word', () => {
    expect(locale('salam 3alaykom manzakin labas')).toBe('shi');
    expect(locale('slm azul')).toBe('shi');
  });

  it('leave Darija, French and MSA greetings where they were', () => {
    expect(locale('salam 3alaykom labas')).toBe('ary');
    expect(locale('bonjour monsieur')).toBe('fr');
    expect(locale('السلام عليكم ورحمة الله')).toBe('ary');
    expect(locale('بغيت نشوف الطبيب')).toBe('ary');
  });
});

describe('Tachelhit in Arabic script', () => {
  it('is heard through its "ئيي", "ؤر", "إينو", "أد" and "د" when Darija words sit beside them', () => {
    expect(locale('ريغ أد ساولغ د شي واحد ف تيليفون')).toBe('shi');
    expect(locale('باراكا ؤر سول ئيي د تسيفضم ميساجات')).toBe('shi');
    expect(locale('ماد إگان لكود إينو')).toBe('shi');
  });
});

describe('Tachelhit with Darija words mixed in', () => {
  it('counts a word opened on ؤ or ئ, which Arabic never writes, as Tachelhit', () => {
    expect(tachelhitOpenings('ؤر سار ئيي تصيفطم')).toBe(2);
    expect(tachelhitOpenings('السلام عليكم، شكون ربح')).toBe(0);
    expect(locale('شكون غادي يجي البارح ؤلا ئضگام')).toBe('shi');
    expect(tachelhitOpenings('ءيس ءيلا لموعد')).toBe(2);
  });

  it('counts a verb in "-gh" no phrase claims, and a glued "me" ("ariyi", "ارايي"), as Tachelhit', () => {
    expect(locale('numero li fkɣ ghlṭ, lli ṣḥḥan')).toBe('shi');
    expect(locale('عافاك ارايي س الدارجة')).toBe('shi');
    expect(isTachelhitVerb('ajjiyi')).toBe(true);
    expect(isTachelhitVerb('liya')).toBe(false);
  });

  it('weighs "iga" (is), "ghifk" (on you) and "idgam" (yesterday) as Tachelhit\'s own', () => {
    expect(locale('slm labas ghifk')).toBe('shi');
    expect(locale('ma tga lmatch idgam')).toBe('shi');
    for (const w of ['iga', 'tga', 'ghifk', 'idgam']) expect(isTachelhitCore(w), w).toBe(true);
  });

  it('counts a word in Tifinagh, which only Amazigh is written in, as Tachelhit', () => {
    expect(tifinaghWords('ⵉⴱⴱⵉ ⵜ ⵓⵍⴼⵙⴰ, ok')).toBe(3);
    expect(locale('ⵉⴱⴱⵉ ⵜ ⵓⵍⴼⵙⴰ')).toBe('shi');
  });

  it('weighs a lone "س", "غ" or "ن", which Arabic glues to the next word, as Tachelhit\'s own', () => {
    expect(locale('عافاك ارايي س الدارجة ولا العربية')).toBe('shi');
    expect(locale('عافاك كتب ليا بالدارجة ولا العربية')).toBe('ary');
  });

  it('weighs Tachelhit grammar above the Darija loans around it', () => {
    expect(locale('la merci ur nhtaj')).toBe('shi');
    expect(locale('tanmirt bzaf lah ijazikoum bikhir')).toBe('shi');
    expect(locale('شنو لي عندكم عليا ماد تسنم فلاي')).toBe('shi');
  });

  it('does not count whom the message calls: "a khouya" is said in any language', () => {
    expect(locale('kkouz a khouya')).toBe('shi');
    expect(locale('salam a khouya')).toBe('ary');
  });

  it('leaves Darija with a loan Tachelhit also lists as Darija', () => {
    expect(locale('fo9ach lmaw3id')).toBe('ary');
    expect(locale('momkin nakhar lmaw3id')).toBe('ary');
  });
});

describe('short answers and loans Tachelhit writers use', () => {
  it.each([
    ['iyyeh a sidi', 'yes'],
    ['ييه واخا عافاك', 'yes'],
    ['ohu, la', 'no'],
    ['la la ohu', 'no'],
    ['la, uhu a wddi', 'no'],
    ['tanmmirt, llah yrhm lwalidin', 'thanks'],
    ['baraka llahu fikum, llah ikhlf', 'thanks'],
  ] as const)('reads "%s" as Tachelhit %s: its doubled "yyeh", its "uhu" in any vowel, a blessing any language says', (text, intent) =>
    expect(understand(text)).toMatchObject({ intent, locale: 'shi' }),
  );

  it.each([
    ['iyeh, wakha a khouya', 'yes'],
    ['la la a khouya', 'no'],
    ['الله يرحم الوالدين', 'thanks'],
  ] as const)('leaves "%s" Darija %s', (text, intent) => expect(understand(text)).toMatchObject({ intent, locale: 'ary' }));

  it('hears "ri", "ri3", "ino", "ghass", "inhar" and "rat" among Darija and French loans as Tachelhit', () => {
    expect(locale('salam, ri ad sajal baba ino f tbib dyal snan')).toBe('shi');
    expect(locale('ri3 nsajal mama')).toBe('shi');
    expect(locale('la date n rdv ma tsa, bdl inhar ghass n ssbt ila imkan')).toBe('shi');
    expect(locale('mlmi rat dach lkaravana l douar')).toBe('shi');
  });

  it('hears Tachelhit typed by a French voice keyboard ("rade" for "rad", "man za" for "manza"), and leaves French French', () => {
    expect(understand('mais le rade tasse la caravane, man za ass?')).toMatchObject({ intent: 'campaigns_info', locale: 'shi' });
    expect(locale('la caravane arrive quand')).toBe('fr');
  });
});

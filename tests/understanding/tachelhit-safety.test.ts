// Tachelhit emergencies and stops heard through word classes: any person, either script, Darija and French mixed in.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON, understand } from '../../src/understanding/index.ts';
import type { SecondOpinion } from '../../src/understanding/second-opinion.ts';
import { normalizeText, tokenize } from '../../src/understanding/normalize.ts';
import { tachelhitPatterns } from '../../src/understanding/tachelhit-patterns.ts';

const intentOf = (text: string) => understand(text).intent;
const silent: SecondOpinion = { intent: () => undefined, arabicLocale: () => 'ary' };
const ruleOf = (text: string) => understand(text, DEFAULT_LEXICON, silent).intent;
const patternIntents = (text: string) => tachelhitPatterns(tokenize(normalizeText(text))).map((m) => m.intent);

describe('Tachelhit emergencies in any person and spelling', () => {
  it.each([
    ['bleeding', 'idammn ar ttazzaln zg tnzart'],
    ['bleeding in Arabic script', 'ئدامن ار تازالن'],
    ['bleeding, the verb first', 'ئتازل ادامن'],
    ['bleeding in pregnancy', 'tamghart inu tga s tadist ar as ittazzal idamn'],
    ['an opened wound', 'ljr7 n l3amaliya irzm'],
    ['vomiting blood', 'ar itqiya idammn'],
    ['vomiting blood, Darija words', 'باباتي ار يتقيا الدم'],
    ['vomiting blood, Darija\'s habitual', 'kaytqiya ddem baba'],
    ['bleeding, Darija\'s habitual', 'ddm kaysil mn rass dyalo'],
    ['not breathing', 'ور ار ئسونفوس'],
    ['fainting', 'tghma tamghart inu'],
    ['convulsions', 'ar ittsra3 iwi'],
    ['convulsions, Arabic script', 'ئيوي ئتّسرع'],
    ['chest pain', 'admar inu ar iyi ittqrrah bahra'],
    ['heart pain', 'ar iyi ittqrah ul inu bahra'],
    ['chest pain, French words', 'mal a la poitrine, ur zdargh ad nkkr'],
    ['poisoning', 'iwi iswa jafil'],
    ['rat poison eaten', 'ishsh iwi dwa n lfar'],
    ['bleeding, the brief\'s word', 'tamghart inu tzzenz idammn'],
    ['a snake bite', 'ibbi t ufigr'],
    ['a scorpion sting', 'ibbi t ughrdm'],
    ['a dog bite', 'lkelb i3dd iwi'],
    ['a child with fever', 'afrukh inu ghurs tawla'],
  ])('hears %s: "%s"', (_, text) => expect(intentOf(text)).toBe('emergency'));

  it('puts an emergency before the blood donation its words also name', () => {
    expect(intentOf('باب نو ار يتقيا ادامن، ماد ad skrgh')).toBe('emergency');
    expect(intentOf('righ ad fkgh idammn')).toBe('donate_blood');
  });

  it('needs blood beside vomiting, and a child or "very" beside a fever', () => {
    // The rules alone: the learned table, very sure, may still call a fever an emergency (a person then asks).
    expect(patternIntents('tawla ghurs')).not.toContain('emergency');
    expect(patternIntents('ar itqiya')).not.toContain('emergency');
    expect(patternIntents('ar itqiya idammn')).toContain('emergency');
  });
});

describe('Tachelhit emergencies in the words new writers use', () => {
  it.each([
    ['breathing as "isnufus"', 'ur ar isnufus baba'],
    ['breathing as "issnfs", Arabic script', 'ؤر ئسّنفس ئوي'],
    ['breathing as "sunfu"', 'illi ur da tsunfu mzyan'],
    ['breathing as "sunfu", Arabic script', 'ؤر ئزمر اد ئسونفو'],
    ['not able to breathe any more', 'baba ur sul izmmr ad itnffas'],
    ['choking', 'ar t tkhnaq yiwi'],
    ['choking, Arabic script', 'ئوي ار ئتخنق'],
    ['fainting as "skhf"', 'tskhf ultma g ufrdu'],
    ['fainting as "skhf", Arabic script, plural', 'كراض ئسخفن غ تمغرا'],
    ['fainting, Darija', 'tsakhfat yemma'],
    ['vomiting after a wedding', 'ayt tmghra kullu ar ttqiyan'],
    ['vomiting after a meal, Arabic script', 'شين لحم ، غيلاد ار تقيان'],
    ['vomiting since a meal, said first', 'tarwa kullu ar ttqiyan zg lli chan lhm'],
    ['vomiting since a wedding, said first', 'ar ttqiyan kullu mnid tamghra'],
    ['whose chest hurts, words between', 'idmarn n yemma ar as ttqqa7n bahra'],
    ['a heart that aches, Arabic script', 'ؤل ئنو ار ئي ئتقّاح'],
    ['chest pain, Darija "drr"', 'ar iyi ittdrr udmar'],
    ['blood coming out', 'ar ffghn idammn zg unzaren ns'],
    ['blood coming out, Arabic script', 'ئدامن ار تفغن زڭ ؤخف نس'],
    ['blood coming out, Darija', 'ddm kaykhrj mn rasso'],
    ['no longer speaking', 'ور سول ار يساوال بابا'],
    ['bleach drunk, with its article', 'tsswa illi ljafil'],
    ['livestock poison drunk', 'illi tswa dwa n lbhaym'],
  ])('hears %s through its own words: "%s"', (_, text) => expect(patternIntents(text)).toContain('emergency'));

  it('needs the second word: a meal with no vomiting, a wedding named, a walk out, a talk with the doctor', () => {
    expect(patternIntents('ichcha imnsi, ur itqiya')).not.toContain('emergency');
    expect(patternIntents('tamghra n illi ass n sbt')).not.toContain('emergency');
    expect(patternIntents('iffgh baba s lhanut')).not.toContain('emergency');
    expect(patternIntents('ur sawalgh d tbib')).not.toContain('emergency');
  });
});

describe('Tachelhit stops', () => {
  it.each([
    'ur righ imsagn ad',
    'ور ريغ الميساجات اد',
    'bddat lmsajat 3afak',
    'حبسات الميساجات',
    'ur iyi sar tazznm walu',
    'ور سول ايي تصيفطم والو',
    'ur iyi ttarum sul',
    'kksat iyi zg lista nnun',
    'كسات ايي زك ليستا',
    'كسات ايي زغ لائحة',
    'ور ئرا ئمساكن',
    'stopiw lmsajat ur righ kra',
    'ma bghitch lmsajat ur righ tent',
    'ur iyi ttazznt sul lmessage',
    '7bs lmessagat ad ur ri yat',
    'desinscrire iyi 3afak',
    'ur sul righ ad iyi d ilkm kra',
    'fl iyi 3afak',
    'arretez les messages ur righ',
  ])('stops at once on "%s"', (text) => expect(intentOf(text)).toBe('stop'));

  it.each(['ur ri3 imesajat nnun', 'ور ريغ ئميساجات', 'ur sul bghi3 imisajat'])(
    'hears "I don\'t want", in any spelling, of the messages in any spelling: "%s"',
    (text) => {
      expect(patternIntents(text)).toContain('stop');
      expect(intentOf(text)).toBe('stop');
    },
  );

  it.each([
    'kkes numero inu zg lista nnun daba',
    'kksat iyi zg lgroup nnun, nhar ad ikfa',
    'kksat tilifun n yemma zg lista nnun',
    'retirez numero inu zg lista nnun 3afak',
    'baba ur iri lmsajat, kkes t zg kullu ghila',
    'a wenna ittarun, 7bs! ajjiyi',
    'اور ريغ ميساجات نّون، حبسات غيلاد',
  ])('stops at once on being taken off the list, or left alone: "%s"', (text) => expect(intentOf(text)).toBe('stop'));

  it('erases the number when it is wiped, and stops only when it is taken off your list', () => {
    expect(intentOf('ssfd nmra inu zg lista')).toBe('delete_data');
    expect(patternIntents('kks nmra inu zg liste n tbib')).not.toContain('stop');
    expect(intentOf('kksat lmaw3id inu zg lista nnun')).toBe('cancel');
    expect(patternIntents('kksiyi rendez vous nnun')).not.toContain('stop');
  });

  it.each(['ghir yat twalt f simana a lfri9', 'walakin ghir mrra f chhr', 'kul ass ar iyi d ttashkin krad lmsajat'])('asks about how often they come: "%s"', (text) => expect(intentOf(text)).toBe('maybe_stop'));

  it.each(['max ad yi ttarum kullu ass', 'ma fllas ar iyi d ttaznm lmsajat ad, ur jju sjjlɣ', 'ماد ئيي د ئتسيفضن لميساجات اد'])(
    'asks about "why do you write to me": "%s"',
    (text) => expect(intentOf(text)).toBe('maybe_stop'),
  );

  it.each([
    'maygh ar iyi ttarum?',
    'ⵎⴰⵅ ⴰⵔ ⵉⵢⵉ ⵜⵜⴰⵔⵓⵎ',
    'mayx ayi tsifidm lmsajat ad?',
    'mayx ar iyi tktbm?',
    'mah ar iyi tktbm kullu ass',
    'ماف ار ئي تّارم؟',
    'ar iyi ttazznm kraygat ass',
    'ar iyi d ttazznm kul nhar',
    'kraygat ass ar d ttazznm imsagn',
    'imisajn nnun ar iyi sd3nt',
    'lmsajat ad ar iyi tsqlaqnt',
    'لميساجات ار ئي قلقنت',
    'ar iyi tzz3jm s lmsajat',
    'imsagn ggutnt bahra',
    'لميساجات ڭّوتنت',
    'imsagn nnun ghassad bahra ayad',
    'mani d kkant imisajn ad?',
    'lmsajat ad mani d kkant?',
    'mnin jaw had lmsajat',
    'bla ma sjjlx, ar d ttashkin lmsajat',
    'bla ma sjjlgh ar iyi ttaznm',
    'بلا ما سجلغ ار ئي تيد تّازنم',
    'mak yufan numero inu?',
    'chkun a ittarun?',
    'شكون ايد ئتّارون ئ نمرا ينو',
    'ma d yi isifdn?',
    'chkun a yi isifdn lmsajat ad?',
    'ماك ئفكان نمرا ينو',
  ])('asks about a complaint of the messages: "%s"', (text) => {
    expect(patternIntents(text)).toContain('maybe_stop');
    expect(ruleOf(text)).toBe('maybe_stop');
  });

  it('does not hear a wish, a headache, a caravan\'s road or "what must I do" as a complaint', () => {
    expect(intentOf('ad iyi d tazznm kul ass mlmi rad tasm')).toBe('subscribe');
    expect(patternIntents('ad iyi d tazznm kul ass')).not.toContain('maybe_stop');
    expect(patternIntents('ar iyi itsd3 ikhf')).not.toContain('maybe_stop');
    expect(patternIntents('mani d tkka lkaravana?')).not.toContain('maybe_stop');
    expect(patternIntents('mad illan? ini iyi mad ara sskrgh')).not.toContain('maybe_stop');
    expect(patternIntents('chkun ra ittarun f lwr9a?')).not.toContain('maybe_stop');
    expect(patternIntents('rix ad ssnx ma ittarun tbib')).not.toContain('maybe_stop');
    expect(patternIntents('is zdargh ad d ashkgh bla ma sjjlgh?')).not.toContain('maybe_stop');
  });

  it('hears "who signed me up" as a complaint, and "what did you sign me up for" as none', () => {
    expect(patternIntents('ma iyi isjjln g lista nnun?')).toContain('maybe_stop');
    expect(patternIntents('mad iyi tsjjlm?')).not.toContain('maybe_stop');
  });

  it('stops at once when a stop is said twice, whatever else is said', () => {
    expect(intentOf('yemma ur tra imsagn, hbsat kulchi f tilifun nns')).toBe('stop');
  });

  it.each(['lmsajat ad bahra ghwalan', 'lmsajat kraygat ass', 'ar d ttashkin lmsajat gh yid', 'بزاف د الميساجات', 'mad agh trim s lmsajat ad'])(
    'asks about a complaint that may mean stop: "%s"',
    (text) => expect(intentOf(text)).toBe('maybe_stop'),
  );

  it('hears "every day they come to me" as a complaint through its words', () => {
    expect(patternIntents('kul ass ar iyi d ttashkin')).toContain('maybe_stop');
  });

  it('hears "too many" right after the messages, not praise two words away', () => {
    expect(patternIntents('lmsajat ad bahra')).toContain('maybe_stop');
    expect(patternIntents('lmsajat nnun mzyanin bahra')).not.toContain('maybe_stop');
  });

  it.each([
    ['kks iyi lmaw3id', 'cancel'],
    ['ajj iyi ad sawlgh d tbib', 'human'],
    ['bdd ghid', 'maybe_stop'],
    ['ur righ', 'no'],
  ] as const)('does not stop "%s" (%s)', (text, intent) => expect(intentOf(text)).toBe(intent));
});

// Tachelhit requests about the menu, greetings and visits, as other writers will word them: each with a near miss.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON, understand } from '../../src/understanding/index.ts';
import type { SecondOpinion } from '../../src/understanding/second-opinion.ts';
import { normalizeText, tokenize } from '../../src/understanding/normalize.ts';
import { tachelhitPatterns } from '../../src/understanding/tachelhit-patterns.ts';

/** The rules alone, with no learned second opinion to make up for them. */
const silent: SecondOpinion = { intent: () => undefined, arabicLocale: () => 'ary' };
const rulesOf = (text: string) => understand(text, DEFAULT_LEXICON, silent);
const patternIntents = (text: string) => tachelhitPatterns(tokenize(normalizeText(text))).map((m) => m.intent);

describe('a menu line copied with its number', () => {
  it.each(['3️⃣ tbib n walln', '1 tbib n tughmas', 'tbib n tughmas 4', '٢ طبيب ن تيط'])('reads "%s" as the choice of that line', (text) => {
    expect(rulesOf(text).intent).toBe('choice');
  });

  it('keeps the service named, and a number inside a sentence is an age, not a choice', () => {
    expect(rulesOf('2 tbib n walln').entities).toEqual({ service: 'ophthalmology', number: 2 });
    expect(rulesOf('baba 70 tbib n walln').intent).toBe('book');
  });

  it('reads "wis" written in Arabic script as a numbered choice, and as Tachelhit', () => {
    expect(rulesOf('ويس سين')).toMatchObject({ intent: 'choice', locale: 'shi', entities: { number: 2 } });
    expect(rulesOf('رقم 3 تيس كراض').locale).toBe('shi');
    expect(rulesOf('رقم 3').locale).toBe('ary');
  });
});

describe('greetings', () => {
  it.each(['ءيس تڭيد لاباس؟', 'is tgim bikhir a ljma3a', 'ءيس لاباس a ultma', 'azul a gma, ma tgit?', 'manik antgid a ultma', 'مامنك ا تڭيد؟ لاباس', 'salam 3likom, mamnk at tgam? is labas ghurun?'])('reads "%s" as a greeting', (text) => {
    expect(rulesOf(text).intent).toBe('greeting');
  });

  it('does not let long greetings hide a complaint about the messages or a number beside them', () => {
    expect(rulesOf('salam 3likom azul fllawn manzakin is labas bahra lmsajat').intent).toBe('maybe_stop');
    expect(rulesOf('azul fllawn manzakin ma tgit is labas ghurun 3').intent).not.toBe('greeting');
    expect(rulesOf('azul fllawn manzakin ma tgit is labas ghurun a gma').intent).toBe('greeting');
  });

  it('does not hear "how are you" in another verb, nor greet when much else is said', () => {
    expect(patternIntents('ma tgga tbib')).not.toContain('greeting');
    expect(patternIntents('mamk a tgid')).toContain('greeting');
    expect(patternIntents('ماتڭيد a ultma')).toContain('greeting');
    expect(patternIntents('matgit')).toContain('greeting');
    expect(patternIntents('matkit')).not.toContain('greeting');
    expect(patternIntents('is tgit g lista')).not.toContain('greeting');
    expect(rulesOf('salam 3likom, mamnk a tgit, baba ihla bzaf ghilad f tgmmi').intent).not.toBe('greeting');
  });
});

describe('asking how to use the bot', () => {
  it.each([
    ['manik ad skrgh ghid? awid lmenu', 'help'],
    ['manik ad sxdmgh robot ad', 'help'],
    ['ur ssinegh ma ra skrgh, is ad aragh 1 ola 2?', 'help'],
    ['ur nfhim mad ikhssan ad nktb f tbratin ad nnun', 'help'],
    ['salam a gma, ur fhimgh mad ikhssan ad as t sifdgh ghid, yan ola sin?', 'help'],
    // talking to the bot is using it
    ['manik ad sawlgh d robot ad? ur fhimgh walu', 'help'],
    ['مامنك اد ساولغ د البوت ا؟ ور فهمغ', 'help'],
  ] as const)('reads "%s" as %s', (text, intent) => expect(rulesOf(text).intent).toBe(intent));

  it.each(['mnnaw n lkhyarat ayd tlan', 'manwi lkhyarat nnun', 'ma illan f lmenu nnun'])('reads "%s" as asking for the menu', (text) => {
    expect(rulesOf(text).intent).toBe('help');
  });

  it('keeps "what is in the menu" asking for it, whatever the table says', () => {
    const sureOfMyData: SecondOpinion = { intent: () => 'my_data', arabicLocale: () => 'ary' };
    expect(understand('ماد ئيلان غ لمينيو نّون', DEFAULT_LEXICON, sureOfMyData).intent).toBe('help');
  });

  it('reads what the caravan has, not the menu, as a question on the caravan', () => {
    expect(rulesOf('ma illan f lkafila nnun').intent).not.toBe('help');
  });

  it('still hears a person asked for beside the bot, and not knowing what another needs is no question on the bot', () => {
    expect(rulesOf('mamnk ad skrgh s robot ad? righ ad sawlgh d yan bnadm').intent).toBe('human');
    expect(rulesOf('robot').intent).toBe('human');
    expect(rulesOf('ur fhimgh walu, riɣ ad sawlɣ d yan lbnadm machi d robot').intent).toBe('human');
    expect(patternIntents('ur fhimgh mad ikhssan tbib i baba')).not.toContain('help');
  });
});

describe('a visit no longer needed', () => {
  it.each(['baba ur sar ihtaj l3amaliya, iskr tt f agadir', 'ur sul nhtaj tbib, yemma tjja', 'ماعاد نحتاج لعملية ن ئنّا', 'ur sar ikhssa lmaw3id n iwi'])(
    'reads "%s" as a cancellation',
    (text) => expect(rulesOf(text).intent).toBe('cancel'),
  );

  it.each(['ur sar nra rdv ad, baba ijja', 'yemma ur sul tra tbib n walln', 'ur sul nra ad nddu s lkafila ghassa'])('reads "%s" as a visit no longer wanted', (text) => {
    expect(rulesOf(text).intent).toBe('cancel');
  });

  it('does not cancel what was never asked, nor the messages', () => {
    expect(rulesOf('ur sul righ lmsajat nnun').intent).not.toBe('cancel');
    expect(patternIntents('ur righ ad nddu s lkafila')).not.toContain('cancel');
    expect(rulesOf('baba ur ihtaj l3amaliya, ira ghir tbib').intent).not.toBe('cancel');
    expect(patternIntents('ur sul nhtaj lmsajat nnun')).not.toContain('cancel');
  });
});

describe('an order to register kin', () => {
  /** A table sure of the wrong request: the order must hold against it. */
  const sureOfSubscribe: SecondOpinion = { intent: () => 'subscribe', arabicLocale: () => 'ary' };

  it.each(['sjjlat baba g lkafila', 'قيد يما غ ليستا', 'kttbat iwi 3afak'])('keeps "%s" a booking whatever the table says', (text) => {
    expect(understand(text, DEFAULT_LEXICON, sureOfSubscribe).intent).toBe('book');
  });

  it('lets the table answer where no order is given', () => {
    expect(understand('baba d lkafila', DEFAULT_LEXICON, sureOfSubscribe).intent).toBe('subscribe');
  });
});

describe('the hour the caravan opens', () => {
  it.each(['ma lwqt ad tbdu lkafila?', 'mad tga ssa3a ad ibda tbib', 'ma l heure rad tftu7'])('reads "%s" as asking about the caravan', (text) => {
    expect(rulesOf(text).intent).toBe('campaigns_info');
  });

  it('does not read the writer starting as the caravan opening', () => {
    expect(patternIntents('ma lwqt ad bdugh')).not.toContain('campaigns_info');
  });
});

// Tachelhit requests heard through word families: a visit put off or called off, what to bring and pay, help, being
// told, a choice said with "I want", and a plain no.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON, understand } from '../../src/understanding/index.ts';
import type { SecondOpinion } from '../../src/understanding/second-opinion.ts';

/** The rules alone, with no learned second opinion to make up for them. */
const silent: SecondOpinion = { intent: () => undefined, arabicLocale: () => 'ary' };
const read = (text: string) => understand(text, DEFAULT_LEXICON, silent);

describe('Tachelhit requests', () => {
  it.each([
    ['akhrat rdv inu ghar lkhmis', 'reschedule'],
    ['خرات الموعد ن بابا', 'reschedule'],
    ['ur zdargh ad d ashkgh ass ad, kkstat 3afak', 'cancel'],
    ['ur rad d asgh, 7iyydat iyi', 'cancel'],
    ['ئلي ور راد تاس، كستات روندي فو نس', 'cancel'],
    ['mad ad nawi ass n lkhmis?', 'campaigns_info'],
    ['mnshk ad nfk i tbib n tuf?', 'campaigns_info'],
    ['ur fhimx walu a wddi', 'help'],
    ['ur ssingh manik ad skrgh', 'help'],
    ['mayd ikhssan ad sjjlgh illi?', 'help'],
    ['fk iyi lmenu', 'help'],
    ['ur ssinx manig ad bdux', 'help'],
    ['ور سينغ ماني غ راد بداغ ئ لبوت', 'help'],
    ['menu 3afak', 'help'],
    ['is tzdarm ad tarm isem n ultma?', 'book'],
    ['igh d tusim s ighrm ssnamt iyi', 'subscribe'],
    ['uhu a wddi ur ri', 'no'],
    ['urssul righ', 'no'],
  ])('hears %j as %s', (text, intent) => {
    expect(read(text).intent).toBe(intent);
  });

  it('does not hear "ur sar nfhm walu" after too many messages as a request for help', () => {
    expect(read('bahra lmsajat, ur sar nfhm walu').intent).not.toBe('help');
  });

  it('hears a number after "I want" as a choice, and the first as 1', () => {
    expect(read('nkki righ sin')).toMatchObject({ intent: 'choice', entities: { number: 2 } });
    expect(read('rix tamzwarut')).toMatchObject({ intent: 'choice', entities: { number: 1 } });
  });

  it('reads "urri" (go back) as back to the menu, not as "ur ri" (I don\'t want) glued', () => {
    expect(read('urri s lmenu')).toMatchObject({ intent: 'choice', entities: { number: 0 } });
    expect(read('urri')).toMatchObject({ entities: { number: 0 } });
    expect(read('urri').intent).not.toBe('no');
  });

  it('counts the vocative "a wddi" as Tachelhit', () => {
    expect(read('iyyeh a wddi wakha').locale).toBe('shi');
    expect(read('wakha a wddi').locale).toBe('shi');
  });
});

describe('Tachelhit requests in more of the villagers\' words', () => {
  it.each([
    // "alert me" in any person and script
    ['iɣ d tusa lkafila nbbh iyi', 'subscribe'],
    ['ءيغ د توسا لقافلة نبّه ئيي', 'subscribe'],
    ['nbbhat iyi ig d tusa lqafila', 'subscribe'],
    // Darija's "if", "when" before "it came", then "send me", "tell me"
    ['ila d tusa lkafila azznat iyi yat lmsaj', 'subscribe'],
    ['mlli d tusa lhamla siftat iyi', 'subscribe'],
    // "show me the menu", "what are the choices"
    ['ml iyi lmenu', 'help'],
    ['mlat iyi lkhyarat afak', 'help'],
    ['mad gan lkhyarat?', 'help'],
    // "am I on the list" in Arabic script
    ['ئس گيغ غ ليستا؟', 'my_appointments'],
    // what is kept of me, with the vowels left out
    ['ma ghurun zg lm3lumat inu', 'my_data'],
  ])('hears %j as %s', (text, intent) => {
    expect(read(text).intent).toBe(intent);
  });

  it('reads "iqqan" (must) and "yusa" (he came) as Tachelhit, not as a stop or a sick man', () => {
    expect(read('ءيقّان ءاد نخلص؟').intent).toBe('campaigns_info');
    expect(read('ig d yusa ttbib n wallen, nbbhat iyi').intent).toBe('subscribe');
  });
});

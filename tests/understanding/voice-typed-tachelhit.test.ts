// Tachelhit dictated to a phone set to French: words French never writes ("inou", "mellemi", "rig") tell it from French.
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/index.ts';
import { DEFAULT_LEXICON } from '../../src/understanding/lexicon.ts';
import { voicedTachelhit } from '../../src/understanding/language-detection.ts';
import type { SecondOpinion } from '../../src/understanding/second-opinion.ts';
import { normalizeText, tokenize } from '../../src/understanding/normalize.ts';

const silent: SecondOpinion = { intent: () => undefined, arabicLocale: () => 'ary' };
/** A Latin table that reads everything as Tachelhit: only the rules around it decide when it is asked. */
const alwaysTachelhit: SecondOpinion = { ...silent, latinTachelhit: () => true };
const localeOf = (text: string, opinion: SecondOpinion = silent) => understand(text, DEFAULT_LEXICON, opinion).locale;
const traces = (text: string) => voicedTachelhit(tokenize(normalizeText(text)));

describe('dictated Tachelhit', () => {
  it.each([
    'mélimi rade tachka la caravane à Tafraout',
    'le rendez-vous inou est-ce que c est mal mi',
    'rig à dache le jeudi pour le rendez-vous merci',
    'bonjour isa le nom ino est dans la liste',
    'le rendez vous de ma mère nu ou rase à dache',
  ])('reads "%s" as Tachelhit, however many French words are around', (text) => expect(localeOf(text)).toBe('shi'));

  it.each([
    "j'ai mal au ventre depuis mardi, le rendez-vous c'est quand ?",
    'mon fils Isa a mal aux dents depuis hier',
    "c'est fréquent ou rare ce genre de fièvre ?",
    'je suis nu au lit avec de la fièvre',
  ])('leaves "%s" French: one trace or none is not enough', (text) => expect(localeOf(text)).toBe('fr'));

  it('counts "mal mi" and "ou rare" as one trace each, and their words apart as none', () => {
    expect(traces('mal mi')).toBe(1);
    expect(traces('ou rare')).toBe(1);
    expect(traces('mal au dos ou pas')).toBe(0);
  });

  it('lets the Latin table judge a message under five words only when it holds a trace', () => {
    expect(localeOf('rig le docteur svp')).toBe('fr');
    expect(localeOf('rig le docteur svp', alwaysTachelhit)).toBe('shi');
    expect(localeOf('le docteur svp', alwaysTachelhit)).toBe('fr');
  });
});

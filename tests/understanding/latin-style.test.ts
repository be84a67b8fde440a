// Latin-script Tachelhit whose words the lexicons give to Darija or French (loans, a French keyboard's dictation):
// the Latin n-gram table decides, in messages long enough to show how they are written.
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/index.ts';
import { DEFAULT_LEXICON } from '../../src/understanding/lexicon.ts';
import { LEARNED_OPINION, learnedLatinDarija, learnedLatinTachelhit, type SecondOpinion } from '../../src/understanding/second-opinion.ts';
import { normalizeText } from '../../src/understanding/normalize.ts';

const lexiconsOnly: SecondOpinion = { intent: LEARNED_OPINION.intent, arabicLocale: LEARNED_OPINION.arabicLocale };

describe('Tachelhit known by how it is written', () => {
  it('is answered in Tachelhit when the lexicons alone read Darija', () => {
    for (const text of ['salam a khouya sajal baba ila imkan f tobib n walln', 'bonjour sidi mama tra atzr tobib dial snan ghassad ila imkan']) {
      expect(understand(text, DEFAULT_LEXICON, lexiconsOnly).locale, text).toBe('ary');
      expect(understand(text).locale, text).toBe('shi');
    }
  });

  it('leaves Darija and French written as such where they were', () => {
    expect(understand('salam bghit nsjl mama f tbib dyal l3inin 3afak').locale).toBe('ary');
    expect(understand('ana bghit n3rf imta ghadi tji l9afila l douar dyalna').locale).toBe('ary');
    expect(understand('bonjour je voudrais savoir la date de la caravane à tiznit').locale).toBe('fr');
  });

  it('does not overrule the lexicons in a message of fewer than five words', () => {
    expect(learnedLatinTachelhit(normalizeText('mama tra tobib'))).toBe(true);
    expect(understand('mama tra tobib').locale).toBe('ary');
    expect(learnedLatinTachelhit(normalizeText('mama tra lqafila'))).toBe(true);
    expect(understand('mama tra lqafila').locale).not.toBe('shi');
  });
});

describe('Darija known by how it is written', () => {
  it('is answered in Darija where its words are French or no lexicon\'s, and the Latin table is sure', () => {
    const text = 'Oumi dame kayak khrej men nif dyalha ma bghach y wakef depuis une heure svp';
    expect(understand(text, DEFAULT_LEXICON, lexiconsOnly).locale).toBe('fr');
    expect(learnedLatinDarija(normalizeText(text))).toBe(true);
    expect(understand(text).locale).toBe('ary');
  });

  it('leaves French where it was, and a single word to the lexicons', () => {
    expect(learnedLatinDarija(normalizeText('le match du raja ce soir'))).toBe(false);
    expect(understand('le match du raja ce soir').locale).toBe('fr');
    const alwaysDarija: SecondOpinion = { ...lexiconsOnly, latinDarija: () => true };
    expect(understand('Bjr', DEFAULT_LEXICON, alwaysDarija).locale).toBe('fr');
    expect(understand('kol nhar message kol nhar message', DEFAULT_LEXICON, alwaysDarija).locale).toBe('ary');
  });
});

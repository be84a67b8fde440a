// Darija in Latin letters keeps one spelling (locales/README.md): the replaced spellings never come back.
import { describe, expect, it } from 'vitest';
import { loadResources } from '../../src/i18n/index.ts';
import { localeTexts } from './locale-keys.ts';

const texts = localeTexts(loadResources(), 'ary-Latn');

/** The French words villagers use in Darija; any other word with a French accent or elision is refused. */
const FRENCH_IN_DARIJA = new Set(["l'accueil", 'bébé', "l'écho", 'français']);

/** Spellings the convention replaced, with the one to write. */
const REPLACED: Array<[RegExp, string]> = [
  [/\blmaw3id dyal(i|ek)\b/i, 'lmawa3id (several appointments)'],
  [/\b(t|nt|n|y|yt)?saj(e)?l\b|\btsajelti\b|\bsajel\b/i, 'sajjel (doubled j)'],
  [/\btlat\b/i, 'ttlat'],
  [/\bdéjà\b/i, 'dija'],
  [/\bliste\b/i, 'lista'],
  [/\b(sift|ih|dyalk|dem)\b/i, 'sifet, iyeh, dyalek, demm'],
  [/\bn(ktb|khebr|kemml?|3arf|7tafd)o\b/i, 'a plural verb ends in ou'],
];

describe('Arabizi spelling', () => {
  it('uses only the French words villagers use in Darija', () => {
    const french = texts.flatMap((text) => text.match(/[\p{L}']*[éèêàçôù'][\p{L}']*/gu) ?? []).map((w) => w.toLowerCase());
    expect([...new Set(french)].filter((w) => !FRENCH_IN_DARIJA.has(w))).toEqual([]);
  });

  it.each(REPLACED)('never writes %s (write %s)', (pattern) => {
    expect(texts.filter((text) => pattern.test(text))).toEqual([]);
  });
});

// What understanding picks out of a message besides its intent: service, number, language, locale,
// and how much of a long message it reads. Pure.
import { describe, expect, it } from 'vitest';
import { buildLexicon, understand } from '../../src/understanding/index.ts';
import type { LexiconFile } from '../../src/understanding/lexicon.ts';

const file = (over: Partial<LexiconFile>): LexiconFile => ({ markers: [], intents: {}, services: {}, numbers: {}, numberPrefixes: [], back: [], languages: {}, ...over });
const SMALL = buildLexicon([
  ['fr', file({
    markers: ['je'],
    services: { general_medicine: ['medecin'], ophthalmology: ['yeux'], dental: ['dents'] },
    numbers: { trois: 3 },
    numberPrefixes: ['numero'],
    back: ['retour'],
  })],
  ['ar', file({ markers: ['اريد', 'حجز'] })],
  ['ary', file({ markers: ['بغيت'] })],
]);
const NO_PHRASES = buildLexicon([]);
const entitiesOf = (text: string, lexicon = SMALL) => understand(text, lexicon).entities;

describe('the service named', () => {
  it('is a specialty rather than general medicine, whichever comes first', () => {
    expect(entitiesOf('medecin yeux')).toStrictEqual({ service: 'ophthalmology' });
    expect(entitiesOf('yeux medecin')).toStrictEqual({ service: 'ophthalmology' });
    expect(entitiesOf('medecin')).toStrictEqual({ service: 'general_medicine' });
  });

  it('is the first of two specialties', () => {
    expect(entitiesOf('dents yeux')).toStrictEqual({ service: 'dental' });
    expect(entitiesOf('yeux dents')).toStrictEqual({ service: 'ophthalmology' });
  });
});

describe('the number given', () => {
  it('is digits anywhere, up to three of them', () => {
    expect(understand('12', NO_PHRASES)).toStrictEqual({ intent: 'choice', locale: 'ary', script: 'arab', entities: { number: 12 } });
    expect(entitiesOf('je prends le 999 svp')).toStrictEqual({ number: 999 });
    expect(entitiesOf('1000')).toStrictEqual({});
  });

  it('is not a digit inside a word: "sa7" (right) is Arabizi', () => {
    expect(entitiesOf('sa7', NO_PHRASES)).toStrictEqual({});
    expect(entitiesOf('b2', NO_PHRASES)).toStrictEqual({});
  });

  it('is a number word in a message of one or two words', () => {
    expect(understand('trois', SMALL)).toStrictEqual({ intent: 'choice', locale: 'fr', script: 'latn', entities: { number: 3 } });
    expect(entitiesOf('trois svp')).toStrictEqual({ number: 3 });
    expect(entitiesOf('svp trois')).toStrictEqual({ number: 3 });
  });

  it('is a number word misspelled within the tolerated edits', () => {
    expect(entitiesOf('troi')).toStrictEqual({ number: 3 });
  });

  it('is a number word right after "numéro" in a longer message, and not elsewhere', () => {
    expect(entitiesOf('x x numero trois')).toStrictEqual({ number: 3 });
    expect(entitiesOf('x numero x trois')).toStrictEqual({});
    expect(entitiesOf('x je trois')).toStrictEqual({});
    expect(entitiesOf('x x trois')).toStrictEqual({});
  });

  it('is 0 for "back", unless another number is given', () => {
    expect(understand('retour', SMALL)).toStrictEqual({ intent: 'choice', locale: 'fr', script: 'latn', entities: { number: 0 } });
    expect(entitiesOf('retour 2')).toStrictEqual({ number: 2 });
  });

  it('makes a choice of a message of up to three words, and no choice of a longer one', () => {
    expect(understand('2 x x', NO_PHRASES).intent).toBe('choice');
    expect(understand('2 x x x', NO_PHRASES)).toStrictEqual({ intent: 'unknown', locale: 'fr', script: 'latn', entities: { number: 2 } });
  });
});

describe('the locale', () => {
  it('counts Arabizi digits as Darija only in Latin script', () => {
    // Four Arabic letters and four Latin ones: Arabic script; "اريد" is MSA, and "3afak" is no evidence here.
    expect(understand('اريد 3afak', SMALL)).toMatchObject({ locale: 'ar', script: 'arab' });
    expect(understand('je 3afak', SMALL)).toMatchObject({ locale: 'ary', script: 'latn' });
  });

  it('weighs one piece of evidence per phrase found', () => {
    expect(understand('بغيت حجز', SMALL).locale).toBe('ary');
    expect(understand('اريد حجز بغيت', SMALL).locale).toBe('ar');
  });
});

describe('a long message', () => {
  it('is read up to its first 4,000 characters', () => {
    expect(understand(`${'a'.repeat(3990)} ophtalmo`)).toMatchObject({ intent: 'book', entities: { service: 'ophthalmology' } });
    expect(understand(`${'a'.repeat(4000)} ophtalmo`)).toStrictEqual({ intent: 'unknown', locale: 'fr', script: 'latn', entities: {} });
  });

  it('is read up to its first 200 words', () => {
    expect(understand(`${'x '.repeat(199)}ophtalmo`)).toMatchObject({ entities: { service: 'ophthalmology' } });
    expect(understand(`${'x '.repeat(200)}ophtalmo`).entities).toStrictEqual({});
    expect(understand(`${'x '.repeat(200)}5`).entities).toStrictEqual({});
  });
});

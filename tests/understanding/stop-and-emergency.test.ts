// What must never be misread: an emergency hidden by a near booking word, and thanks, "no" or "cancel"
// read as STOP. Only a message made of stop words stops at once; a stop word among others is asked about.
import { describe, expect, it } from 'vitest';
import { buildLexicon, canonicalWord, type LexiconFile } from '../../src/understanding/lexicon.ts';
import { understand } from '../../src/understanding/index.ts';
import { loadCorpus } from './corpus-score.ts';

const traps = loadCorpus(new URL('./stop-traps.jsonl', import.meta.url).pathname);
const file = (over: Partial<LexiconFile>): LexiconFile => ({ markers: [], intents: {}, services: {}, numbers: {}, numberPrefixes: [], back: [], languages: {}, ...over });

describe('the trap corpus', () => {
  it('holds at least 40 messages, in every locale and script', () => {
    expect(traps.length).toBeGreaterThanOrEqual(40);
    const pairs = new Set(traps.map((l) => `${l.locale}/${l.script}`));
    expect(pairs).toEqual(new Set(['ary/arab', 'ary/latn', 'ar/arab', 'fr/latn', 'shi/latn']));
  });

  it.each(traps.map((l) => [l.text, l.intent] as const))('reads "%s" as %s, never as a stop', (text, intent) => {
    expect(understand(text).intent).toBe(intent);
  });
});

describe('a stop', () => {
  it.each(['STOP', 'stop', 'Stop !', 'ARRET', 'arrêter', 'désabonnement', 'stop svp', 'baraka', 'barka', 'بركا', 'وقف', 'وقفو', 'حبسو عافاك', 'توقف', 'توقفوا من فضلك', 'stop stop', 'bdd', 'ḥbs tibratin', 'ur righ tibratin'])(
    'made only of stop words stops at once: "%s"',
    (text) => expect(understand(text).intent).toBe('stop'),
  );

  it.each(['baraka mn lmessagat', 'stop les messages du matin', 'je veux me désabonner', 'أريد إيقاف الرسائل', 'حبسو الميساجات ديال الصباح', 'safi ma b9itch m7taj chi 7aja daba'])(
    'among other words is a question, not a stop: "%s"',
    (text) => expect(understand(text).intent).toBe('maybe_stop'),
  );

  it('"safi" in a long answer that says yes is not asked about', () => {
    expect(understand('safi wakha ghadi nji nchallah m3a sba7').intent).not.toBe('maybe_stop');
    expect(understand('صافي واخا غادي نجي نشاء الله').intent).not.toBe('maybe_stop');
  });

  it('"safi" alone, or in a short answer, is still "ok"', () => {
    expect(understand('safi').intent).toBe('yes');
    expect(understand('صافي').intent).toBe('yes');
    expect(understand('safi wakha').intent).toBe('yes');
  });
});

describe('an emergency', () => {
  it.each([
    ['3ajel nazif bzaf', 'latn'], ['nzif', 'latn'], ['nezif 3afak', 'latn'], ['kaysil dem', 'latn'], ['dm bzaf', 'latn'], ['ma9dertch nitnfs', 'latn'], ['mmi ma9dertch ntnfs', 'latn'],
    ['3ajl', 'latn'], ['3iyto l lis3af', 'latn'], ['saignement', 'latn'], ['elle saigne', 'latn'], ['il ne peut pas respirer', 'latn'],
    ['wldi 9rsato l3e9rab', 'latn'], ['piqûre de scorpion', 'latn'], ['قرصو العقرب', 'arab'], ['لدغته عقرب', 'arab'],
    ['طارئ', 'arab'], ['نزف', 'arab'], ['نزيف', 'arab'], ['كيسيل ليه الدم', 'arab'], ['ماقدرتش نتنفس', 'arab'], ['لا أستطيع التنفس', 'arab'], ['حالة طارئة', 'arab'],
  ])('is heard in any script: "%s"', (text, script) => {
    const u = understand(text);
    expect(u.intent).toBe('emergency');
    expect(u.script).toBe(script);
  });

  it('wins over a stop, a booking or thanks in the same message', () => {
    expect(understand('stop 3ajel nazif bzaf').intent).toBe('emergency');
    expect(understand('bghit nsajel, mmi kaysil liha dem').intent).toBe('emergency');
    expect(understand('baraka llahou fik, nzif bzaf').intent).toBe('emergency');
  });

  it('wins over a booking word the typo is just as close to', () => {
    // "nabif" is one letter from both; the emergency word must win whatever the order of the lexicon.
    const lexicon = buildLexicon([['ary', file({ intents: { book: ['nadif'], emergency: ['nazif'] } })]]);
    expect(canonicalWord(lexicon, 'nabif', new Map())).toBe('nazif');
    const reversed = buildLexicon([['ary', file({ intents: { emergency: ['nazif'], book: ['nadif'] } })]]);
    expect(canonicalWord(reversed, 'nabif', new Map())).toBe('nazif');
  });

  it('wins over a booking word closer to the typo than the emergency word is', () => {
    // "kaynzfel" is one edit from "kaynzfet" (booking) and two from "kaynzef" (emergency).
    const lexicon = buildLexicon([['ary', file({ intents: { book: ['kaynzfet'], emergency: ['kaynzef'] } })]]);
    expect(canonicalWord(lexicon, 'kaynzfel', new Map())).toBe('kaynzef');
  });

  it('says when it rests only on misspelt words, as a surname one letter from "nazif" does', () => {
    expect(understand('Ahmed Nazih').approximate).toBe(true);
    expect(understand('3ajel nazif bzaf').approximate).toBeUndefined();
    expect(understand('nazif, Nazih').approximate).toBeUndefined();
  });

  it('is only preferred for words no other phrase uses ("bzaf" is not urgent)', () => {
    const lexicon = buildLexicon([['ary', file({ intents: { thanks: ['choukran bzaf'], emergency: ['dem bzaf'] } })]]);
    expect(lexicon.urgent.has('dem')).toBe(true);
    expect(lexicon.urgent.has('bzaf')).toBe(false);
  });
});

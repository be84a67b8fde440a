// Tachelhit verb forms read through their stem: person prefixes and endings stripped, spelling folded.
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/index.ts';
import { verbStem } from '../../src/understanding/verb-stems.ts';

const stems = new Set(['kks', 'kttb', 'sifd', 'bddl']);
const spell = (w: string) => (w === 'kkis' ? 'kks' : undefined);

describe('verb stems', () => {
  it.each([
    ['tkksm', 'kks'], ['kksn', 'kks'], ['nkttb', 'kttb'], ['tkttbnt', 'kttb'], ['sifdamt', 'sifd'], ['ibddl', 'bddl'], ['tkkism', 'kks'], ['adkksgh', 'kks'],
  ])('reads %s as %s', (token, stem) => {
    expect(verbStem(token, stems, spell)).toBe(stem);
  });

  it('leaves alone a bare stem, a stem of fewer than three letters, and words that only share letters', () => {
    for (const token of ['kks', 'tkm', 'taksi', 'nkttbo', 'kanbddl']) expect(verbStem(token, stems, spell), token).toBeUndefined();
  });

  it('leaves Darija\'s past in "-t" alone, and takes Tachelhit\'s "t-...-t"', () => {
    expect(verbStem('kttbt', stems, spell)).toBeUndefined();
    expect(verbStem('tkkst', stems, spell)).toBe('kks');
  });

  it('lets a sentence with a verb form no lexicon lists be understood', () => {
    expect(understand('ad iyi tsm3tlm lmaw3id n yemma').intent).toBe('reschedule');
    expect(understand('sifḍamt yi lkhbar 3afakum').intent).toBe('subscribe');
    expect(understand('tkksnt lmaw3id n baba').intent).toBe('cancel');
    expect(understand('اد ايي تبدلم الموعد')).toMatchObject({ intent: 'reschedule', locale: 'shi' });
  });
});

// "Tuda" is a woman's name and "she fell": with her family or "name" beside it, a person asked about, not a fall.
import { describe, expect, it } from 'vitest';
import { understand } from '../../src/understanding/index.ts';
import { namesPerson } from '../../src/understanding/person-name.ts';

describe('a name that is also an emergency word', () => {
  it.each([
    ['ئس تسجّلم ئمّي تودا أيت براهيم؟', 'my_appointments'],
    ['smiyt ns Touda, is tlla g lista?', 'my_appointments'],
    ['ism inu Tuda bent Ali, riɣ ad sjjlgh', 'book'],
    // her age after her name
    ['sjjl iyi yelli Touda 9 snin i tbib n walln', 'book'],
    ['ئلّي تودا 4 سنين ار تتكحّا، ريغ اد تّ سجّلغ', 'book'],
    // a woman's title before her name
    ['lalla Tuda ur sul tzdar ad d tashk, kks rdv nns', 'cancel'],
    ['ريغ اد سجلغ الحاجة تودا غ طبيب ن والن', 'book'],
  ])('reads %j as %s', (text, intent) => {
    expect(understand(text).intent).toBe(intent);
  });

  it.each([
    // a fall, whoever fell
    'yemma tuda g tgmmi',
    'tuda yemma zg ufella, ur tsawal',
    // "ayt" after a call for help calls the people of the caravan
    'tuda illi, 3tqat ayt lqafila',
    // a number after the fall that is no age
    'illi tuda 2 tikkal ghassad, ur tsawal',
  ])('still hears %j as an emergency', (text) => {
    expect(understand(text).intent).toBe('emergency');
  });

  it('looks only at names: another emergency word before "ayt" is no name', () => {
    expect(namesPerson(['immi', 'tuda', 'ait', 'brahim'], 1, 1)).toBe(true);
    expect(namesPerson(['3tqat', 'ayt', 'tgmmi'], 0, 1)).toBe(false);
  });
});

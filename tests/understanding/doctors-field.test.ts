// A birth word naming a doctor's field books a pregnancy to be seen; labour told in its own words stays an emergency.
import { describe, expect, it } from 'vitest';
import { namesDoctorsField } from '../../src/understanding/doctors-field.ts';
import { understand } from '../../src/understanding/index.ts';

describe("a doctor's field", () => {
  it.each([
    'ultma tga s tadist, sjjlat tt i tbiba n lwilada',
    'ءيلّي تلّا س تاديست ، تسجلم تّ ئ طبيبة ن الولادة؟',
    'ريغ اد تكتبم تامغارت ئنو ئ طّبيب ن لولادة',
    'sjjl tamghart inu i docteur d\'accouchement',
  ])('books "%s" with the women\'s doctor, not as an emergency', (text) => {
    const got = understand(text);
    expect(got.intent).toBe('book');
    expect(got.entities.service).toBe('gynecology');
  });

  it.each([
    'ولادة',
    'tamghart inu tga tadist idammn ar ttazzaln, tbiba n lwilada',
    'مراتي كتولد دابا بغيت طبيب الولادة',
    // "The doctor! The birth has begun": the comma is gone by the time words are read.
    'الطبيبة، الولادة بدات',
  ])('still hears labour or bleeding in "%s" as an emergency', (text) => expect(understand(text).intent).toBe('emergency'));

  it('needs a doctor without the article right before the birth word, or a doctor and "of" before it', () => {
    expect(namesDoctorsField(['tbiba', 'n', 'lwilada'], 2, 1)).toBe(true);
    expect(namesDoctorsField(['طبيب', 'الولاده'], 1, 1)).toBe(true);
    expect(namesDoctorsField(['tbiba', 'daba', 'lwilada'], 2, 1)).toBe(false);
    expect(namesDoctorsField(['tbiba', 'dyal', 'lwilada'], 2, 1)).toBe(true);
    // A doctor with the article is called, not a field named: "الطبيبة، الولادة".
    expect(namesDoctorsField(['الطبيبه', 'الولاده'], 1, 1)).toBe(false);
    expect(namesDoctorsField(['ttbiba', 'lwilada'], 1, 1)).toBe(false);
    expect(namesDoctorsField(['tbiba', 'n', 'nzif'], 2, 1)).toBe(false);
  });
});

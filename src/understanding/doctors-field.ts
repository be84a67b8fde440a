// A birth word naming a doctor's field ("ṭbiba n lwilada", "طبيبة ن لولادة", "طبيب الولادة") asks for that doctor: a
// pregnancy to be seen, not labour under way, which says so in words of its own (bleeding, pains, "ar tturu").
// Only a doctor without the article names a field by standing right before it ("طبيب الولادة"): "الطبيبة، الولادة
// بدات" (the doctor! the birth has begun) reaches here without its comma, and is labour.
import { CHILDBIRTH } from './tachelhit-classes.ts';
import { DOCTOR } from './tachelhit-question-patterns.ts';
import { inClass, words } from './tachelhit-words.ts';

/** "Of" between a doctor and the field: Tachelhit's "n", Darija's "dyal", "ta3", French's "d'", "de". */
const OF = words('n', 'ن', 'dyal', 'diyal', 'ديال', 'ta3', 'تاع', 'd', 'د', 'de', 'du');
/** The article, Arabic or Darija in Latin letters ("ttbiba" doubles its first letter for it). */
const ARTICLE = /^(ال|l(?=[a-z]{3})|tt)/;

/**
 * Whether the `length` words at `at` are a birth word right after a doctor, or after a doctor and "of".
 *
 * @example namesDoctorsField(['tbiba', 'n', 'lwilada'], 2, 1) // true
 */
export function namesDoctorsField(raw: readonly string[], at: number, length: number): boolean {
  if (length !== 1 || !inClass(CHILDBIRTH, raw[at] ?? '')) return false;
  const before = raw[at - 1] ?? '';
  return (inClass(DOCTOR, before) && !ARTICLE.test(before)) || (inClass(OF, before) && inClass(DOCTOR, raw[at - 2] ?? ''));
}

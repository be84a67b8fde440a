// "طبيبة ن لولادة", "tbiba dyal lwilada": a birth named after a doctor is the specialty asked for by name, not a birth
// under way. Only with "of" said between: "الطبيبة، الولادة بدات" (doctor, the birth has begun) loses its comma.
import { inClass, words } from './tachelhit-words.ts';

/** A doctor or a midwife: "طبيبة", "tbiba", "médecin" ("dar", a house, is also where a birth begins). */
const DOCTOR = words('طبيب', 'طبيبه', 'tbib', 'tbiba', 'ttbib', 'ttbiba', 'doctora', 'medecin', 'sbitar', 'سبيطار');
/** "Of": Tachelhit's "n", Darija's "d", "dyal". */
const OF = words('n', 'ن', 'd', 'د', 'dyal', 'ديال');
const BIRTH = words('ولاده', 'lwilada', 'wilada', 'lwlada', 'accouchement');

/**
 * Whether the word at `at` is a birth named as a doctor's ("the doctor of birth").
 *
 * @example namesBirthSpecialty(['طبيبه', 'ن', 'لولاده'], 2) // true
 */
export function namesBirthSpecialty(raw: readonly string[], at: number): boolean {
  return inClass(BIRTH, raw[at] ?? '') && inClass(OF, raw[at - 1] ?? '') && inClass(DOCTOR, raw[at - 2] ?? '');
}

// A word that is also a woman's or man's name ("Tuda", she fell): followed by the family it belongs to, or right after
// "name" or a title, it names a person, not what befell one.
import { inClass, words } from './tachelhit-words.ts';

/**
 * First names that are also words of an emergency: "Tuda", "Touda", "Tudda" is also "she fell". Only these: a call for
 * help before "ayt" ("3tqat ayt tgmmi", help, people of the house) stays one.
 */
const NAMES = words('tuda', 'tudda', 'tuuda', 'تودا', 'طودا', 'توضا');
/** What ties a first name to its family: "Tuda Ait Brahim", "Tuda bent Ali", "تودا أيت براهيم", "Tuda oult Lhaj". */
const OF_FAMILY = words('ait', 'ayt', 'aith', 'ayth', 'bent', 'bnt', 'bint', 'ben', 'bn', 'bin', 'oult', 'ult', 'ould', 'ايت', 'بنت', 'بن', 'ولت', 'اولت', 'ولد');
/** Name: "smiyt", "ism", "isem", "اسم", "سميت" ("smiyt ns Tuda", her name is Tuda). */
const NAME = words('ism', 'isem', 'isim', 'lism', 'smiya', 'smiyt', 'smit', 'smiti', 'isminu', 'ismns', 'اسم', 'اسمها', 'سميه', 'سميت', 'سميتها');
/** "Her", "my", "his" after "name": "smiyt ns", "ism inu". */
const WHOSE = words('ns', 'nns', 'nes', 'inu', 'ino', 'nu', 'نس', 'انو', 'نو');

/** A woman's title, before her name: "lḥajja Tuda", "lalla Tuda", "الحاجة تودا". */
const TITLE = words('l7ajja', 'l7aja', '7ajja', 'lhajja', 'lhaja', 'hajja', 'lalla', 'lala', 'الحاجه', 'الحاجة', 'لحاجه', 'لحاجة', 'لالة', 'لاله', 'لالا');
/** Years, after a number that says a person's age: "Tuda 6 snin", "تودا 7 سنين". */
const YEARS = words('snin', 'sna', 'snt', 'asggas', 'isggasn', 'ans', 'an', '3am', 'a3wam', 'سنين', 'سنه', 'عام', 'اعوام', 'اسكاس', 'اسكاسن');

/**
 * Whether the one word at `at` is such a name: the family or an age follows it ("illi Tuda 6 snin", my daughter Tuda, six
 * years old), or "name" (and whose) or a woman's title ("lḥajja") comes right before it.
 *
 * @example namesPerson(['is', 'tsjjlm', 'immi', 'tuda', 'ait', 'brahim'], 3, 1) // true
 */
export function namesPerson(raw: readonly string[], at: number, length: number): boolean {
  if (length !== 1 || !inClass(NAMES, raw[at] ?? '')) return false;
  const before = raw[at - 1] ?? '';
  const aged = /^\d{1,3}$/.test(raw[at + 1] ?? '') && inClass(YEARS, raw[at + 2] ?? '');
  return aged || inClass(OF_FAMILY, raw[at + 1] ?? '') || inClass(NAME, before) || inClass(TITLE, before) || (inClass(WHOSE, before) && inClass(NAME, raw[at - 2] ?? ''));
}

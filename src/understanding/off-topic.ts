// Words of the market, the weather and football: a "when", "where" or "how much" beside them asks about those, not the caravan.
import { verb, words, inClass } from './tachelhit-words.ts';

/** Selling, buying, what a thing is worth, in any person: Tachelhit's "zznzgh", "tsghm", Darija's "nbi3", "nchri", "ysawa". */
const TRADE = new RegExp(`${verb('zznz|zenz|sgh|sagh|bi3|bya3|chri|chra|sra|sawa', 'زنز|سغ|بيع|شري|شرا|سوى|ساوا').source}|^(?:vendre|acheter|vends|achete)$`);
/** Livestock, crops, rain and matches: what villagers also ask a bot about, which the caravan does not answer. */
const THINGS = words(
  'tghatt', 'tghat', 'tighttn', 'tighatin', 'ulli', 'azgr', 'tafunast', 'afullus', 'lbhaym', 'lghnm', 'zit', 'argan', 'anzar', 'unzar', 'lmtar', 'chta', 'lmatch',
  'match', 'tirni', 'lkhrouf', 'khrouf', 'lhwli', 'lbgra', 'تغاط', 'الخروف', 'الحولي', 'البقره', 'تيغطن', 'ولي', 'تافوناست', 'الزيت', 'انزار', 'ونزار', 'الشتا', 'المطر', 'ماتش', 'لماتش',
);

/**
 * Whether the message speaks of trade, weather or sport: then a question word in it is no question about the caravan.
 *
 * @example offTopic(['mnchk', 'a', 'ysawa', 'zit']) // true
 */
export function offTopic(tokens: readonly string[]): boolean {
  return tokens.some((t) => inClass(TRADE, t) || inClass(THINGS, t));
}

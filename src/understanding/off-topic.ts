// Words of the market, the weather and football: a "when", "where" or "how much" beside them asks about those, not the caravan.
// And jokes and stories asked of the bot, which the caravan does not tell.
import { foldWord, inClass, verb, words } from './tachelhit-words.ts';

/** Sold, in the passive: "ittnz", "ar ttnzn" (they are sold), "ئتّنز". */
const SOLD = /^(?:i|t|y)?tt?nz(?:n|nt)?$|^(?:ي|ت|ا)?تت?نز(?:ن|نت)?$/;
/** Selling, buying, what a thing is worth, in any person: Tachelhit's "zznzgh", "tsghm", Darija's "nbi3", "nchri", "ysawa". */
/** Darija's habitual "kanbi3", "kaychri", "كنبيع" (I sell, he buys). */
const TRADING = /^(?:ka|ki)(?:n|t|y)?(?:bi3|bya3|chri|chra)(?:u|o|w)?$|^(?:كا|ك)(?:ن|ت|ي)?(?:بيع|شري)و?$/;
const TRADE = new RegExp(`${verb('zznz|zenz|sgh|sagh|bi3|bya3|chri|chra|sawa', 'زنز|سغ|بيع|شري|شرا|سوى|ساوا').source}|${SOLD.source}|${TRADING.source}|^(?:vendre|acheter|vends|achete)$`);
/** Livestock, crops and the gas bottle, rain and matches: what villagers also ask a bot about, which the caravan does not answer. */
const THINGS = words(
  'tghatt', 'tghat', 'tighttn', 'tighatin', 'ulli', 'azgr', 'tafunast', 'afullus', 'lbhaym', 'lghnm', 'zit', 'argan', 'anzar', 'unzar', 'lmtar', 'chta', 'lmatch',
  'match', 'tirni', 'lkhrouf', 'khrouf', 'lhwli', 'lbgra', 'تغاط', 'الخروف', 'الحولي', 'البقره', 'تيغطن', 'ولي', 'تافوناست', 'الزيت', 'انزار', 'ونزار', 'الشتا', 'المطر', 'ماتش', 'لماتش',
  'lluz', 'lbotagaz', 'botagaz', 'butagaz', 'lbutagaz', 'lbuta', 'lbota', 'البوطاغاز', 'البوطا',
  // The Eid's ram and sheep, in Tachelhit ("ikrri", "izimr", "tixsi") and Darija ("l7wli", "lkbch", "na3ja").
  'ikrri', 'ukrri', 'ikraren', 'izimr', 'uzimr', 'izamarn', 'tixsi', 'tixsiwin', 'a7wli', 'u7wli', 'ahwli', 'uhwli', 'l7wli', '7wli', 'hwli', 'lkbch', 'kbch',
  'lkbech', 'kbech', 'na3ja', 'n3aja', 'lm3za', 'اكري', 'ازيمر', 'تيخسي', 'احولي', 'وحولي', 'حولي', 'الكبش', 'كبش', 'النعجه', 'المعزه',
);

/** A joke or a story: Tachelhit's "tnkit", Darija's "nokta", "7kaya", French "blague". */
const FUN = words('tnkit', 'tankit', 'tinkitin', 'nokta', 'nukta', 'nkta', 'nekta', 'nokat', 'nkat', '7kaya', 'hkaya', 'blague', 'blagues', 'نكته', 'نكت', 'تنكيت', 'حكايه');

/** What a word says of the message: trade, weather or sport, or a joke. */
export const MARKET = 1;
export const JOKE = 2;

/**
 * Everything the message's words say of it, as MARKET and JOKE flags: one pass where understanding asks both.
 *
 * @example asides(['inni', 'yi', 'yat', 'tnkit']) & JOKE // 2
 */
export function asides(tokens: readonly string[]): number {
  let kinds = 0;
  for (const t of tokens) kinds |= kindOf(t);
  return kinds;
}

/**
 * Whether the message speaks of trade, weather or sport: then a question word in it is no question about the caravan.
 *
 * @example offTopic(['mnchk', 'a', 'ysawa', 'zit']) // true
 */
export function offTopic(tokens: readonly string[]): boolean {
  return tokens.some((t) => (kindOf(t) & MARKET) !== 0);
}

/**
 * Whether the message asks for a joke or a story: "inni yi yat tnkit" (tell me a joke) asks nothing of the caravan.
 *
 * @example asksForFun(['inni', 'yi', 'yat', 'tnkit']) // true
 */
export function asksForFun(tokens: readonly string[]): boolean {
  return tokens.some((t) => (kindOf(t) & JOKE) !== 0);
}

/** Villagers reuse the same few hundred words: each word is looked at once. */
const memo = new Map<string, number>();

function kindOf(token: string): number {
  const known = memo.get(token);
  if (known !== undefined) return known;
  const folded = foldWord(token);
  const market = inClass(TRADE, token, folded) || inClass(THINGS, token, folded) ? MARKET : 0;
  const kind = market | (inClass(FUN, token, folded) ? JOKE : 0);
  if (memo.size > 50_000) memo.clear();
  memo.set(token, kind);
  return kind;
}

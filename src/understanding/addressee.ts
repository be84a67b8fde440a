// Finds whom a message speaks to ("a sidi", "a lfri9 n l9afila"): a vocative names no request and lengthens no answer.

/** Words that open a vocative after "a"/"ya": titles, kin and the caravan's team, as villagers address them. */
const ADDRESS_HEADS = new Set([
  'sidi', 'lalla', 'khuya', 'lkhuya', 'khoya', 'lkhoya', 'khouya', 'lkhouya', 'ljma3a', 'khti', 'lkhut', 'lfri9', 'lfriq', 'ayt', 'lhaj', 'lhajja', '3ammi', 'doktor', 'tbib', 'ttbib',
  'سيدي', 'لالة', 'لاله', 'خويا', 'الفريق', 'ايت', 'wddi', 'wldi', 'weldi', 'ولدي',
  // The bot itself: "a robot, mlmi ra tasim?" asks when, not for a person.
  'robot', 'lrobot', 'bot', 'lbot', 'روبو', 'روبوت', 'بوت',
]);
const CALLS = new Set(['a', 'ya', 'يا', 'ا']);
/** Words that tie a second noun to the head: "a lfri9 n l9afila", "a ayt l9afila". */
const LINKS = new Set(['n', 'ن']);

/**
 * Positions of the tokens that only address someone, so that "kraḍ a sidi" is still the answer "3" and
 * "azul a ayt l9afila" a greeting, not a question about the caravan.
 *
 * @example addressedTokens(['yan', 'a', 'lfri9']) // Set { 1, 2 }
 * @example addressedTokens(['azul', 'a', 'ayt', 'l9afila']) // Set { 1, 2, 3 }
 */
export function addressedTokens(raw: readonly string[]): ReadonlySet<number> {
  const addressed = new Set<number>();
  for (let i = 0; i + 1 < raw.length; i++) {
    const head = raw[i + 1] ?? '';
    if (!CALLS.has(raw[i] ?? '') || !ADDRESS_HEADS.has(head)) continue;
    let end = i + 2;
    // "ayt" (the people of) always names whose people; "n" ties one more noun to any head.
    if (head === 'ayt' || head === 'ايت') end = Math.min(raw.length, end + 1);
    else if (LINKS.has(raw[end] ?? '') && end + 1 < raw.length) end += 2;
    for (let k = i; k < end; k++) addressed.add(k);
    i = end - 1;
  }
  return addressed;
}

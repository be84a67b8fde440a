// A death spoken of with a blessing on the dead ("baba immut, llah irḥmu") is past: the message is about what follows
// (a visit to cancel), not an emergency to answer.

/**
 * "May God have mercy on him/her": "irḥmu", "yrhmo", "ترحمها", "يرحمو", "ئرحمو" (Tachelhit's opening ئ, read as ا), and
 * "the late" ("lmr7um", "المرحومة"); the bare "yrhm lwalidin" is thanks, not mourning.
 */
const MERCY = /^(?:i|y|t)?r[h7]m(?:u|o|ou|ha|hum)$|^(?:ي|ت|ا)?رحم(?:و|ه|ها|هم)$|^l?m(?:a|e)?r(?:h|7)(?:u|o|ou)m(?:a|e)?$|^(?:ال|ل)?مرحوم(?:ه)?$/;
/** Died, death: "immut", "imut", "tmmut", "ئمّوت", Darija's "mat", "twffa". */
const DIED = /^(?:i|y|t)?m+u?t$|^(?:mat|matt|mata|twffa|twfa|tuffa|lmut|lmout)$|^(?:ي|ت|ا)?م+و?ت$|^(?:مات|ماتت|توفى|توفي|توفات|الموت|لموت)$/;

/** Whether a blessing on the dead is said. */
export function mourns(tokens: readonly string[]): boolean {
  return tokens.some((t) => MERCY.test(t));
}

/** Whether any word is "died" or "death". */
export function speaksOfDeath(tokens: readonly string[]): boolean {
  return tokens.some((t) => DIED.test(t));
}

/**
 * Whether a phrase is only "died" or "death", which a mourning message uses for a death already past.
 *
 * @example isDeathWord(['immut']) // true
 */
export function isDeathWord(tokens: readonly string[]): boolean {
  return tokens.length > 0 && tokens.every((t) => DIED.test(t));
}

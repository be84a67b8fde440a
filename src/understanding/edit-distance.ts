// Levenshtein distance with a ceiling: stops as soon as the words are known to be too far apart.

/**
 * Edits tolerated for a word: none for short words, where one letter changes the meaning. Arabic
 * words are shorter for the same meaning, and the article "ال" does not count.
 */
export function toleratedEdits(word: string): number {
  if (/^[\u0600-\u06FF]/.test(word)) {
    const core = word.replace(/^ال/, '').length;
    return core <= 4 ? 0 : core <= 7 ? 1 : 2;
  }
  if (word.length <= 3) return 0;
  if (word.length <= 6) return 1;
  return 2;
}

/** Distance between a and b, or max + 1 when it exceeds max. */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

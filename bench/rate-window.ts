// The most events inside any window of `ms` (a sliding window over sorted times): how a rate limit is judged.
export function maxInAnyWindow(times: readonly number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= ms) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

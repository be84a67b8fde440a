// Where another machine's clock stands against ours, from round trips to it. The other side read its
// clock somewhere between our asking and its answer reaching us, so each round trip bounds the offset;
// intersecting the bounds of many keeps the tightest a fast round trip gave, even while others are slow.

/** Bounds, in microseconds, on (their clock − our clock), as known at our time `at`. */
export interface OffsetBounds {
  low: number;
  high: number;
  at: number;
}

export interface RoundTrip {
  /** Our clock when we asked, µs. */
  askedUs: number;
  /** Our clock when the answer arrived, µs. */
  answeredUs: number;
  /** Their clock as they read it while answering, µs. */
  theirsUs: number;
}

/**
 * Two clocks may drift apart by this much (NTP slews at most 500 ppm), so old bounds widen with age
 * instead of pinning a later round trip to a stale offset.
 */
const DRIFT = 500e-6;

/** The bounds after one more round trip; a clock that stepped (the bounds no longer meet) starts afresh. */
export function observeRoundTrip(known: OffsetBounds | undefined, trip: RoundTrip): OffsetBounds {
  const fresh = { low: trip.theirsUs - trip.answeredUs, high: trip.theirsUs - trip.askedUs, at: trip.answeredUs };
  if (!known) return fresh;
  const widen = DRIFT * (trip.answeredUs - known.at);
  const low = Math.max(known.low - widen, fresh.low);
  const high = Math.min(known.high + widen, fresh.high);
  return low <= high ? { low, high, at: trip.answeredUs } : fresh;
}

// Bounds on how far Redis's clock stands from ours, from round trips: the pacer sleeps to the latest a
// slot can be and counts lateness from the earliest, so these bounds decide both.
import { describe, expect, it } from 'vitest';
import { observeRoundTrip } from '../../src/delivery/clock-offset.ts';

/** Their clock runs 5 s ahead of ours. */
const AHEAD = 5_000_000;

describe('clock offset from round trips', () => {
  it('bounds the offset by when we asked and when the answer came', () => {
    const b = observeRoundTrip(undefined, { askedUs: 1_000, answeredUs: 1_400, theirsUs: 1_100 + AHEAD });
    expect(b.low).toBe(AHEAD - 300);
    expect(b.high).toBe(AHEAD + 100);
  });

  it('keeps what a quick round trip taught while later ones are slow', () => {
    let b = observeRoundTrip(undefined, { askedUs: 1_000, answeredUs: 1_200, theirsUs: 1_100 + AHEAD });
    // 80 ms on the way there, 1 ms back: alone, this one would allow an offset 80 ms wide.
    b = observeRoundTrip(b, { askedUs: 10_000, answeredUs: 91_000, theirsUs: 90_000 + AHEAD });
    expect(b.high - b.low).toBeLessThan(1_000);
    expect(b.low).toBeLessThanOrEqual(AHEAD);
    expect(b.high).toBeGreaterThanOrEqual(AHEAD);
  });

  it('lets old bounds widen with time, as two clocks drift', () => {
    const first = observeRoundTrip(undefined, { askedUs: 0, answeredUs: 100, theirsUs: 50 + AHEAD });
    // A minute later their clock has moved 80 µs further ahead, and a slow round trip still overlaps
    // the old bounds: kept as they were, they would now rule out the true offset.
    const later = 60_000_000;
    const b = observeRoundTrip(first, { askedUs: later, answeredUs: later + 1_000, theirsUs: later + 10 + AHEAD + 80 });
    expect(b.low).toBeLessThanOrEqual(AHEAD + 80);
    expect(b.high).toBeGreaterThanOrEqual(AHEAD + 80);
  });

  it('starts afresh when their clock stepped', () => {
    const first = observeRoundTrip(undefined, { askedUs: 0, answeredUs: 100, theirsUs: 50 + AHEAD });
    const b = observeRoundTrip(first, { askedUs: 1_000, answeredUs: 1_100, theirsUs: 1_050 + AHEAD - 3_000_000 });
    expect(b).toEqual({ low: AHEAD - 3_000_000 - 50, high: AHEAD - 3_000_000 + 50, at: 1_100 });
  });
});

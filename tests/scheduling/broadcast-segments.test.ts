// Cutting a broadcast's audience into ranges of contact ids: every id after the first segment's start is in
// exactly one segment, the last one open for contacts who join later.
import { describe, expect, it } from 'vitest';
import { splitIds } from '../../src/scheduling/broadcast-segments.ts';

/** Which segments hold `id`. */
const holders = (ranges: ReturnType<typeof splitIds>, id: number) => ranges.filter((r) => id > r.after && (r.until === null || id <= r.until)).map((r) => r.segment);

describe('splitIds', () => {
  it('cuts the ids into equal ranges, the last one without an end', () => {
    expect(splitIds(1, 100, 4)).toEqual([
      { segment: 0, after: 0, until: 25 },
      { segment: 1, after: 25, until: 50 },
      { segment: 2, after: 50, until: 75 },
      { segment: 3, after: 75, until: null },
    ]);
  });

  it('puts every id in one segment only, whatever the bounds', () => {
    for (const [first, last, count] of [[1, 100, 4], [17, 1_000_003, 4], [5, 7, 4], [40, 40, 4], [1, 10, 3]] as const) {
      const ranges = splitIds(first, last, count);
      const step = Math.max(1, Math.floor((last - first) / 500));
      for (let id = first; id <= last + 5; id += step) expect([id, holders(ranges, id).length]).toEqual([id, 1]);
      for (const id of [first, last, last + 1, last + 1000]) expect(holders(ranges, id)).toHaveLength(1);
    }
  });

  it('makes no more segments than ids, and one open segment for an empty audience', () => {
    expect(splitIds(5, 6, 4)).toHaveLength(2);
    expect(splitIds(null, null, 4)).toEqual([{ segment: 0, after: 0, until: null }]);
  });
});

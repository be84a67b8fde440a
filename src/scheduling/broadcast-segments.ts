// A broadcast's audience cut into ranges of contact ids, each written page by page with its own cursor,
// so that two pages of one broadcast can be written at the same time (a national broadcast keeps both
// database cores busy instead of one). Pure splitting here; the rows in broadcast_segments.
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { audienceCandidates, type Audience } from './broadcast-audience.ts';

/** Recipients written per page: past a few thousand, a page's fixed cost (its job, its locks, its plan) no longer shows. */
export const BROADCAST_PAGE = 2500;

/** Segments a broadcast is cut into: more than the pages written at once, whose jobs take turns, so a short segment leaves no writer idle for long. */
export const BROADCAST_SEGMENTS = 4;

export interface SegmentRange {
  segment: number;
  /** The segment starts after this contact id. */
  after: number;
  /** Its last contact id; null: no end. */
  until: number | null;
}

/**
 * `count` ranges of ids covering everything after `first - 1`: equal slices of [first, last], the last one
 * open-ended (contacts who join before a scheduled broadcast starts belong to it too). Fewer when there
 * are fewer ids than segments; one open range when the audience is empty.
 *
 * @example
 * splitIds(1, 100, 2); // [{segment: 0, after: 0, until: 50}, {segment: 1, after: 50, until: null}]
 */
export function splitIds(first: number | null, last: number | null, count: number): SegmentRange[] {
  if (first === null || last === null || last < first) return [{ segment: 0, after: 0, until: null }];
  const n = Math.max(1, Math.min(count, last - first + 1));
  const size = Math.ceil((last - first + 1) / n);
  return Array.from({ length: n }, (_, i) => ({
    segment: i,
    after: i === 0 ? 0 : first - 1 + i * size,
    until: i === n - 1 ? null : first - 1 + (i + 1) * size,
  }));
}

/** The audience's first and last contact ids (two index look-ups), then its segments written. Returns how many. */
export async function createSegments(trx: Kysely<Database>, broadcastId: number, audience: Audience, count = BROADCAST_SEGMENTS): Promise<number> {
  const first = await audienceCandidates(trx, audience).orderBy('contacts.id', 'asc').limit(1).executeTakeFirst();
  const last = await audienceCandidates(trx, audience).orderBy('contacts.id', 'desc').limit(1).executeTakeFirst();
  const ranges = splitIds(first?.id ?? null, last?.id ?? null, count);
  await trx
    .insertInto('broadcast_segments')
    .values(ranges.map((r) => ({ broadcast_id: broadcastId, segment: r.segment, after_id: r.after, until_id: r.until })))
    .execute();
  await trx.updateTable('broadcasts').set({ segments_left: ranges.length }).where('id', '=', broadcastId).execute();
  return ranges.length;
}

/** The segments still to write, with where each stands. */
export async function openSegments(db: Kysely<Database>, broadcastId: number): Promise<Array<{ segment: number; after_id: number }>> {
  return db.selectFrom('broadcast_segments').select(['segment', 'after_id']).where('broadcast_id', '=', broadcastId).where('done', '=', false).orderBy('segment').execute();
}

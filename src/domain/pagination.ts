// Keyset pages for lists that grow without bound (campaigns, tickets, alerts, broadcasts): a page is at
// most 100 rows, and the cursor is the sort key of its last row, opaque to the caller. Pure.
import { z } from 'zod';
import { InvalidInput } from './errors.ts';

export const MAX_PAGE = 100;

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int('limit is a whole number').min(1, 'limit is at least 1').max(MAX_PAGE, `limit is at most ${MAX_PAGE}`).default(50),
  cursor: z.string().max(500).optional(),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export interface Page<T> {
  items: T[];
  /** Give it back as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** Reads a cursor this module wrote; anything else is a clear 400, never a 500. */
export function decodeCursor<S extends z.ZodType>(cursor: string | undefined, key: S): z.infer<S> | undefined {
  if (cursor === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidInput(['cursor: not a cursor this list gave; start again without it']);
  }
  const parsed = key.safeParse(value);
  if (!parsed.success) throw new InvalidInput(['cursor: not a cursor this list gave; start again without it']);
  return parsed.data;
}

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * Turns `limit + 1` rows fetched in order into a page: the extra row only says there is more.
 *
 * @example pageOf([a, b, c], 2, (r) => [r.id]) // { items: [a, b], nextCursor: encodeCursor([b.id]) }
 */
export function pageOf<T>(rows: readonly T[], limit: number, keyOf: (row: T) => unknown): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

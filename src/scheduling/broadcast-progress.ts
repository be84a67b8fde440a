// How a broadcast is going, read from its messages in the outbox: written, waiting, sent, delivered, read,
// failed (grouped by reason) and cancelled; and the organisation's past broadcasts with the same figures.
// One grouped query over the broadcast's messages per read: the console polls it every few seconds.
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { Database, Locale, UnreachableCounts } from '../db/tables.ts';
import { decodeCursor, pageOf, type Page, type PageQuery } from '../domain/pagination.ts';
import { groupFailures, type FailureReason } from './broadcast-failures.ts';

/** Audience members no message can reach: how many, and why. */
export interface Unreachable {
  total: number;
  reasons: UnreachableCounts;
}

export function unreachableOf(counts: UnreachableCounts | null): Unreachable | null {
  return counts === null ? null : { total: counts.test_chat_only + counts.blocked, reasons: counts };
}

export type BroadcastStatus = Selectable<Database['broadcasts']>['status'];

export interface BroadcastFigures {
  /** Messages written to the outbox so far (the fan-out's progress). */
  queued: number;
  /** Written and not gone yet. */
  waiting: number;
  sent: number;
  /** Known only on WhatsApp (its statuses); null for a broadcast counted by the retention job before they were kept. */
  delivered: number | null;
  read: number | null;
  failed: number;
  cancelled: number;
  failures: Array<{ reason: FailureReason; count: number }>;
}

export interface BroadcastProgress extends BroadcastFigures {
  id: number;
  status: BroadcastStatus;
  targeted: number | null;
  /** Audience members left out because no message can reach them (null for a broadcast made before they were counted). */
  unreachable: Unreachable | null;
  scheduledAt: Date;
}

interface BroadcastRow {
  id: number;
  queued: number | null;
  sent: number | null;
  failed: number | null;
  cancelled: number | null;
  delivered: number | null;
  read: number | null;
  failed_by_error: Record<string, number> | null;
  counted_at: Date | null;
}

/** The figures of each broadcast, from its messages, or from its row once the retention job counted them. */
async function figuresOf(db: Kysely<Database>, rows: readonly BroadcastRow[]): Promise<Map<number, BroadcastFigures>> {
  const live = rows.filter((r) => r.counted_at === null).map((r) => r.id);
  const counts = live.length === 0
    ? []
    : await db
        .selectFrom('outbox as o')
        .select((eb) => [
          'o.broadcast_id',
          'o.status',
          // Errors only of failed rows: a pending row keeps the error of its last try, which is no outcome yet.
          eb.case().when('o.status', '=', 'failed').then(eb.ref('o.error')).else(null).end().as('error'),
          eb.fn.countAll<string>().as('n'),
          eb.fn.count<string>('o.delivered_at').as('delivered'),
          eb.fn.count<string>('o.read_at').as('read'),
        ])
        .where('o.broadcast_id', 'in', live)
        .groupBy(['o.broadcast_id', 'o.status', 'error'])
        .execute();
  const figures = new Map<number, BroadcastFigures>();
  for (const row of rows) {
    if (row.counted_at !== null) {
      const failed = row.failed ?? 0;
      // Counted before the errors were kept: their reason is not known any more.
      const byError = row.failed_by_error ? Object.entries(row.failed_by_error).map(([error, n]) => ({ error, n })) : [{ error: null, n: failed }];
      figures.set(row.id, { queued: row.queued ?? 0, waiting: 0, sent: row.sent ?? 0, delivered: row.delivered, read: row.read, failed, cancelled: row.cancelled ?? 0, failures: groupFailures(byError.filter((e) => e.n > 0)) });
      continue;
    }
    const mine = counts.filter((c) => c.broadcast_id === row.id);
    const n = (...statuses: string[]) => mine.filter((c) => statuses.includes(c.status)).reduce((sum, c) => sum + Number(c.n), 0);
    figures.set(row.id, {
      queued: n('pending', 'sending', 'sent', 'failed', 'cancelled'),
      waiting: n('pending', 'sending'),
      sent: n('sent'),
      delivered: mine.reduce((sum, c) => sum + Number(c.delivered), 0),
      read: mine.reduce((sum, c) => sum + Number(c.read), 0),
      failed: n('failed'),
      cancelled: n('cancelled'),
      failures: groupFailures(mine.filter((c) => c.status === 'failed').map((c) => ({ error: c.error, n: Number(c.n) }))),
    });
  }
  return figures;
}

/** A broadcast of the organisation with its figures so far; undefined when there is none of theirs. */
export async function broadcastProgress(db: Kysely<Database>, organisationId: number, id: number): Promise<BroadcastProgress | undefined> {
  const b = await db.selectFrom('broadcasts').select(['id', 'status', 'targeted', 'unreachable', 'scheduled_at', 'queued', 'sent', 'failed', 'cancelled', 'delivered', 'read', 'failed_by_error', 'counted_at']).where('id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!b) return undefined;
  const figures = (await figuresOf(db, [b])).get(b.id);
  if (!figures) return undefined;
  return { id: b.id, status: b.status, targeted: b.targeted, unreachable: unreachableOf(b.unreachable), scheduledAt: b.scheduled_at, ...figures };
}

export interface BroadcastSummary {
  id: number;
  status: BroadcastStatus;
  campaignId: number | null;
  targeted: number | null;
  scheduledAt: Date;
  createdBy: string;
  /** The text in one language (French first), for the list. */
  text: string;
  figures: BroadcastFigures;
}

const LIST_TEXT_ORDER: readonly Locale[] = ['fr', 'ar', 'ary', 'ary-Latn', 'shi'];

/** The organisation's broadcasts, newest first, each with its figures. */
export async function listBroadcasts(db: Kysely<Database>, organisationId: number, page: PageQuery): Promise<Page<BroadcastSummary>> {
  const after = decodeCursor(page.cursor, z.number().int());
  const rows = await db
    .selectFrom('broadcasts')
    .select(['id', 'status', 'campaign_id', 'targeted', 'scheduled_at', 'created_by', 'texts', 'queued', 'sent', 'failed', 'cancelled', 'delivered', 'read', 'failed_by_error', 'counted_at'])
    .where('organisation_id', '=', organisationId)
    .$if(after !== undefined, (q) => q.where('id', '<', after ?? 0))
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const shown = rows.slice(0, page.limit);
  const figures = await figuresOf(db, shown);
  const empty: BroadcastFigures = { queued: 0, waiting: 0, sent: 0, delivered: 0, read: 0, failed: 0, cancelled: 0, failures: [] };
  const items = rows.map((r) => ({
    id: r.id,
    status: r.status,
    campaignId: r.campaign_id,
    targeted: r.targeted,
    scheduledAt: r.scheduled_at,
    createdBy: r.created_by,
    text: LIST_TEXT_ORDER.map((l) => r.texts[l]).find((t) => t !== undefined) ?? '',
    figures: figures.get(r.id) ?? empty,
  }));
  return pageOf(items, page.limit, (r) => r.id);
}

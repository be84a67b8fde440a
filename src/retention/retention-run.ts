// One retention run: what is past its time goes, table by table, in batches; counts are kept. One run at a
// time per database (an advisory lock), so the nightly job and `npm run retention` never overlap.
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/tables.ts';
import { untilDone } from './batches.ts';
import { countFinishedBroadcasts } from './purge-broadcasts.ts';
import { purgeNotifications, purgeOutbox } from './purge-messages.ts';
import { purgeAuditLog, purgeInboundReceipts, purgeSilentConversations } from './purge-traces.ts';
import { purgeVoiceNotes } from './purge-voice-notes.ts';
import { BATCH_ROWS, emptyCounts, RECEIPT_DAYS, type RetentionReport, type RetentionSettings } from './retention-policy.ts';

/** The retention run's advisory lock: a number no other lock of the service uses. */
export const RETENTION_LOCK = 4_207_180;

/**
 * @example
 * const report = await runRetention(db, { retentionDays: 180 }, logger);
 * if (report.ran) report.outbox; // messages deleted (and counted in message_counts)
 */
export async function runRetention(db: Kysely<Database>, settings: RetentionSettings, logger: Logger): Promise<RetentionReport> {
  // A session lock, so one connection for the whole run: it goes if the process dies.
  return db.connection().execute(async (conn) => {
    const locked = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${RETENTION_LOCK}) as ok`.execute(conn);
    if (!locked.rows[0]?.ok) {
      logger.info('retention: another run is in progress, nothing done');
      return { ran: false, reason: 'another retention run is in progress' };
    }
    try {
      return await purgeAll(conn, settings, logger);
    } finally {
      await sql`select pg_advisory_unlock(${RETENTION_LOCK})`.execute(conn);
    }
  });
}

async function purgeAll(db: Kysely<Database>, settings: RetentionSettings, logger: Logger): Promise<RetentionReport> {
  const started = performance.now();
  const rows = settings.batchRows ?? BATCH_ROWS;
  // Measured on Postgres' clock, which wrote every time compared with it.
  const cutoffs = await sql<{ kept: Date; receipts: Date }>`
    select now() - make_interval(days => ${settings.retentionDays}) as kept, now() - make_interval(days => ${settings.receiptDays ?? RECEIPT_DAYS}) as receipts`.execute(db);
  const { kept, receipts } = cutoffs.rows[0] ?? { kept: new Date(0), receipts: new Date(0) };
  logger.info({ retentionDays: settings.retentionDays, before: kept }, 'retention: started');
  const removed = emptyCounts();
  // In this order: a broadcast's figures before its messages, notifications before the messages they point at.
  const broadcastsCounted = await countFinishedBroadcasts(db, kept);
  removed.notifications = (await untilDone('notifications', purgeNotifications(db, kept, rows), logger)).removed;
  const outbox = await untilDone('outbox', purgeOutbox(db, kept, rows), logger);
  removed.outbox = outbox.removed;
  removed.sent_messages = outbox.alongside;
  removed.inbound_receipts = (await untilDone('inbound_receipts', purgeInboundReceipts(db, receipts, rows), logger)).removed;
  removed.audit_log = (await untilDone('audit_log', purgeAuditLog(db, kept, rows), logger)).removed;
  removed.conversations = (await untilDone('conversations', purgeSilentConversations(db, kept, rows), logger)).removed;
  removed.voice_notes = (await untilDone('voice_notes', purgeVoiceNotes(db, kept, rows), logger)).removed;
  const report = { ran: true as const, ...removed, broadcasts_counted: broadcastsCounted, seconds: Math.round((performance.now() - started) / 100) / 10 };
  logger.info(report, 'retention: done');
  return report;
}

// What the retention job keeps, and for how long. Pure: the numbers and the shape of a run's report.

/** Delivered messages (a finished broadcast's once its figures are on its row), fired notifications, the audit log, silent conversations, closed tickets' voice notes (`RETENTION_DAYS`). */
export const DEFAULT_RETENTION_DAYS = 180;

/**
 * Inbound receipts only stop a provider's retry from being handled twice. WhatsApp retries a webhook it
 * could not deliver for up to 7 days, Telegram for 24 hours; 10 days leave three days of margin over the
 * longest (an outage on our side, a retry sent just before Meta's limit).
 */
export const RECEIPT_DAYS = 10;

/**
 * Rows per statement: each holds its rows' locks for tens of milliseconds (measured: bench:retention), so a
 * purge never makes a villager's message or a send wait behind it for long.
 */
export const BATCH_ROWS = 5000;

export interface RetentionSettings {
  retentionDays: number;
  receiptDays?: number;
  batchRows?: number;
}

/** What a run removed, by table, and the broadcasts whose figures it wrote on their rows. */
export const PURGED_TABLES = ['notifications', 'outbox', 'sent_messages', 'inbound_receipts', 'audit_log', 'conversations', 'voice_notes'] as const;
export type PurgedTable = (typeof PURGED_TABLES)[number];

export type RetentionReport =
  | ({ ran: true; broadcasts_counted: number; seconds: number } & Record<PurgedTable, number>)
  | { ran: false; reason: string };

export const emptyCounts = (): Record<PurgedTable, number> => Object.fromEntries(PURGED_TABLES.map((t) => [t, 0])) as Record<PurgedTable, number>;

// Bounded storage: what is past its retention period is deleted in batches, counts kept; run nightly by
// the workers and by `npm run retention`.
export { RETENTION_LOCK, runRetention } from './retention-run.ts';
export { BATCH_ROWS, DEFAULT_RETENTION_DAYS, PURGED_TABLES, RECEIPT_DAYS, type RetentionReport, type RetentionSettings } from './retention-policy.ts';
export { createRetentionSchedule, NIGHTLY_PATTERN, NIGHTLY_RETENTION, RETENTION_QUEUE, startRetentionWorker, type RetentionSchedule } from './retention.queue.ts';

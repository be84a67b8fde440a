// How long finished jobs and queue events stay in Redis. Postgres keeps the record of every message and
// notification (the outbox, the notifications table), so Redis keeps only enough to look at recent work,
// not 1,000 completed and 5,000 failed jobs per queue whatever their age (a failed one is about 4.6 KB
// with its stack), nor BullMQ's 10,000 events per stream.
import type { KeepJobs, QueueOptions } from 'bullmq';
import { queuePrefix } from '../redis/redis-keys.ts';

/** A completed job: an hour, and at most 100 per queue. */
export const KEEP_COMPLETED: KeepJobs = { age: 3600, count: 100 };
/** A failed job, kept to read its error: a day, and at most 500 per queue (about 2.3 MB). */
export const KEEP_FAILED: KeepJobs = { age: 24 * 3600, count: 500 };
/**
 * Events per queue stream (approximate: Redis trims whole blocks). Nothing in Qafila listens to them;
 * they are there for a dashboard following the queues live.
 */
export const EVENTS_MAX_LEN = 1000;

/**
 * The options every queue of the service is created with; `prefix` is the deployment's (see redis/redis-keys.ts).
 *
 * @example new Queue(name, queueOptions(name, { connection, prefix }))
 */
export function queueOptions(name: string, base: { connection: QueueOptions['connection']; prefix: string }): QueueOptions {
  return { connection: base.connection, prefix: queuePrefix(base.prefix, name), streams: { events: { maxLen: EVENTS_MAX_LEN } } };
}

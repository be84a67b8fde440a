// The notifications queue: one delayed job per notification, whose id is the notification's, carrying
// only that id; what to say is read from Postgres when it fires. Only notifications due within the
// horizon have a job: the reconciler starts the others as they come within it, so Redis holds the next
// day or two of timers however far ahead people book.
import { Queue, type ConnectionOptions } from 'bullmq';
import { z } from 'zod';
import { KEEP_FAILED, queueOptions } from '../delivery/queue-retention.ts';
import { DEFAULT_TIMER_HORIZON_HOURS, hoursToMs, withinHorizon } from './timer-horizon.ts';

export const NOTIFICATION_QUEUE = 'notifications';
export const NotificationJobSchema = z.object({ notificationId: z.number().int().positive() });
export type NotificationJob = z.infer<typeof NotificationJobSchema>;

export const notificationJobId = (id: number) => `n${id}`;

export interface NotificationTimers {
  /**
   * Starts (or keeps) the timer of each notification due within the horizon of `now`; a job that exists
   * already is left as it is, and one due later is left to the reconciler.
   */
  schedule(notifications: ReadonlyArray<{ id: number; dueAt: Date }>, now?: Date): Promise<void>;
  /** How far ahead timers are started, in milliseconds. */
  horizonMs: number;
  queue: Queue<NotificationJob>;
  close(): Promise<void>;
}

/**
 * @example
 * const timers = createNotificationTimers({ connection, prefix: 'qafila', horizonHours: 36 });
 * await timers.schedule([{ id: 12, dueAt }], clock.now());
 */
export function createNotificationTimers(options: { connection: ConnectionOptions; prefix: string; horizonHours?: number }): NotificationTimers {
  const queue = new Queue<NotificationJob>(NOTIFICATION_QUEUE, queueOptions(NOTIFICATION_QUEUE, options));
  const horizonMs = hoursToMs(options.horizonHours ?? DEFAULT_TIMER_HORIZON_HOURS);
  return {
    queue,
    horizonMs,
    async schedule(notifications, now = new Date()) {
      const soon = notifications.filter((n) => withinHorizon(n.dueAt, now, horizonMs));
      if (soon.length === 0) return;
      await queue.addBulk(
        soon.map((n) => ({
          name: 'fire',
          data: { notificationId: n.id },
          opts: {
            jobId: notificationJobId(n.id),
            delay: Math.max(0, n.dueAt.getTime() - now.getTime()),
            attempts: 5,
            backoff: { type: 'exponential', delay: 5000 },
            // Postgres keeps the record, and the reconciler may need the id again (a recall put off
            // beyond the horizon): the job goes as soon as it is done. A failed one stays a day, its
            // id taken, and then the reconciler starts it again.
            removeOnComplete: true,
            removeOnFail: KEEP_FAILED,
          },
        })),
      );
    },
    close: () => queue.close(),
  };
}

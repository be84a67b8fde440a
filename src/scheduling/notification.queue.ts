// The notifications queue: one delayed job per notification, whose id is the notification's, carrying
// only that id; what to say is read from Postgres when it fires.
import { Queue, type ConnectionOptions } from 'bullmq';
import { z } from 'zod';

export const NOTIFICATION_QUEUE = 'notifications';
export const NotificationJobSchema = z.object({ notificationId: z.number().int().positive() });
export type NotificationJob = z.infer<typeof NotificationJobSchema>;

export const notificationJobId = (id: number) => `n${id}`;

export interface NotificationTimers {
  /** Starts (or keeps) the timer of each notification; a job that exists already is left as it is. */
  schedule(notifications: ReadonlyArray<{ id: number; dueAt: Date }>, now?: Date): Promise<void>;
  queue: Queue<NotificationJob>;
  close(): Promise<void>;
}

export function createNotificationTimers(options: { connection: ConnectionOptions; prefix: string }): NotificationTimers {
  const queue = new Queue<NotificationJob>(NOTIFICATION_QUEUE, { connection: options.connection, prefix: options.prefix });
  return {
    queue,
    async schedule(notifications, now = new Date()) {
      if (notifications.length === 0) return;
      await queue.addBulk(
        notifications.map((n) => ({
          name: 'fire',
          data: { notificationId: n.id },
          opts: {
            jobId: notificationJobId(n.id),
            delay: Math.max(0, n.dueAt.getTime() - now.getTime()),
            attempts: 5,
            backoff: { type: 'exponential', delay: 5000 },
            // Postgres keeps the record: Redis holds the job only while it waits.
            removeOnComplete: true,
            removeOnFail: 1000,
          },
        })),
      );
    },
    close: () => queue.close(),
  };
}

// Which work a worker process takes. A broadcast's sending can fill a process's event loop; a process
// that takes only the replies is never behind it, whatever else runs. Pure.
import { z } from 'zod';

/**
 * - all: every queue (the default, and what the service runs in process);
 * - replies: the answers to villagers only, on every channel;
 * - bulk: everything else: announcements, reminders and check-ins, their timers, broadcast pages,
 *   the reconciler and the nightly retention job.
 */
export const WorkerLanesSchema = z.enum(['all', 'replies', 'bulk']);
export type WorkerLanes = z.infer<typeof WorkerLanesSchema>;

export const takesReplies = (lanes: WorkerLanes) => lanes !== 'bulk';
export const takesBulk = (lanes: WorkerLanes) => lanes !== 'replies';

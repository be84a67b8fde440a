// Putting a BullMQ job back for later from inside its processor, with the wait measured on the
// caller's clock: BullMQ counts on the machine's. Both are the same in production; tests inject theirs.
import { DelayedError, type Job } from 'bullmq';

/**
 * Moves the running `job` back to the delayed set until `until`, an instant of the clock that read
 * `now`, and throws the DelayedError BullMQ expects from a processor that did so.
 *
 * @example if (result.kind === 'deferred') await delayUntil(job, token, result.until, firedAt);
 */
export async function delayUntil(job: Job, token: string | undefined, until: Date, now: Date): Promise<never> {
  await job.moveToDelayed(Date.now() + (until.getTime() - now.getTime()), token);
  throw new DelayedError();
}

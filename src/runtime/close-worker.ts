// Closing a BullMQ worker without hanging: close() waits for the jobs in hand, but it never returns
// while its blocking connection is reconnecting to a Redis that went away (bullmq issue 4656). After
// the grace period the process goes on ending; a job still running is picked up again by another
// worker when its lock expires, which the jobs are written to survive.

interface Closable {
  close(): Promise<void>;
}

/** True when the worker closed within `graceMs`; false when it was left to the process's end. */
export async function closeWithin(worker: Closable, graceMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), graceMs);
  });
  try {
    return await Promise.race([worker.close().then(() => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
}

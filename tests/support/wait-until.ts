// Waiting for something another process or worker does, with a deadline: a test never hangs.
import { setTimeout as sleep } from 'node:timers/promises';

/** Resolves once `done()` holds; fails after `timeoutMs`, naming what it waited for. */
export async function waitUntil(done: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000, everyMs = 20): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await done())) {
    if (performance.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await sleep(everyMs);
  }
}

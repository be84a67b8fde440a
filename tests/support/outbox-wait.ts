// Waits for the delivery workers to empty the outbox, so a test can look at what the provider received.
import type { Db } from '../../src/db/connection.ts';

export async function outboxDrained(db: Db, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = await db.selectFrom('outbox').select('id').where('status', 'in', ['pending', 'sending']).execute();
    if (left.length === 0) return;
    if (Date.now() > deadline) throw new Error(`${left.length} outbox rows still waiting after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

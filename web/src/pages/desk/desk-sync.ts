// Sending what the desk kept while offline: a batch at a time, each item forgotten once the server
// answered it (sent twice, the server counts it once), and a report of who had been checked in elsewhere.
import type { ApiResult } from '../../api/client.ts';
import type { BatchAnswer, CheckinBody, CheckinOutcome } from '../../api/types.ts';
import type { QueuedCheckin } from './desk-queue.ts';

export const BATCH = 500;

export type Already = Extract<CheckinOutcome, { kind: 'already' }>;

export interface SyncReport {
  /** Answered by the server (checked in, or already, or refused). */
  sent: number;
  /** Checked in first at another desk: the person, when and by whom. */
  already: Already[];
  /** Still waiting: the network dropped again. */
  left: number;
}

export interface SyncDeps {
  waiting(): Promise<QueuedCheckin[]>;
  post(items: CheckinBody[]): Promise<ApiResult<BatchAnswer>>;
  forget(clientId: string): Promise<void>;
}

/** @example const report = await sendWaiting({ waiting: () => queuedCheckins(7), post, forget: forgetCheckin }); */
export async function sendWaiting(deps: SyncDeps): Promise<SyncReport> {
  const report: SyncReport = { sent: 0, already: [], left: 0 };
  for (let items = await deps.waiting(); items.length > 0; items = await deps.waiting()) {
    const batch = items.slice(0, BATCH);
    const asked = new Set(batch.map((i) => i.clientId));
    const answer = await deps.post(batch.map(({ day, code, clientId, at }) => ({ day, code, clientId, at })));
    const answers = answer.ok ? answer.data.answers.filter((a) => asked.has(a.clientId)) : [];
    // The network dropped again, or the server answered none of them: everything waits for the next round.
    if (answers.length === 0) return { ...report, left: items.length };
    for (const item of answers) {
      await deps.forget(item.clientId);
      report.sent += 1;
      if ('outcome' in item && item.outcome.kind === 'already') report.already.push(item.outcome);
    }
  }
  return report;
}

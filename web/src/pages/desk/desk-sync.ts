// Sending what the desk kept while offline: a batch at a time, each item forgotten once the server
// answered it (sent twice, the server counts it once), and a report of who had been checked in elsewhere.
import type { ApiResult } from '../../api/client.ts';
import type { BatchAnswer, CheckinBody, CheckinOutcome, WalkInBody, WalkInOutcome } from '../../api/types.ts';
import type { QueuedCheckin, QueuedWalkIn } from './desk-items.ts';

export const BATCH = 500;

export type Already = Extract<CheckinOutcome, { kind: 'already' }>;

export interface SyncReport {
  /** Answered by the server (checked in, or already, or refused), walk-ins included. */
  sent: number;
  /** Checked in first at another desk: the person, when and by whom. */
  already: Already[];
  /** Walk-ins registered offline that found every window full: to register again, over capacity if allowed. */
  full: string[];
  /** Still waiting: the network dropped again. */
  left: number;
}

export interface SyncDeps {
  waiting(): Promise<QueuedCheckin[]>;
  post(items: CheckinBody[]): Promise<ApiResult<BatchAnswer>>;
  walkIns(): Promise<QueuedWalkIn[]>;
  postWalkIn(body: WalkInBody): Promise<ApiResult<WalkInOutcome>>;
  forget(clientId: string): Promise<void>;
}

/** @example const report = await sendWaiting({ waiting: () => queuedCheckins(7), post, forget: forgetCheckin }); */
export async function sendWaiting(deps: SyncDeps): Promise<SyncReport> {
  const report: SyncReport = { sent: 0, already: [], full: [], left: 0 };
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
  // Walk-ins one by one, each under its client id: registered once however often it is sent.
  const walkIns = await deps.walkIns();
  for (const [index, item] of walkIns.entries()) {
    const answer = await deps.postWalkIn(item.body);
    if (answer.status === 0 || answer.status >= 500) return { ...report, left: walkIns.length - index };
    await deps.forget(item.clientId);
    report.sent += 1;
    if (answer.ok ? answer.data.kind === 'full' : answer.status === 409) report.full.push(item.name);
  }
  return report;
}

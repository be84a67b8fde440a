// Timers that ring within a few milliseconds of each other are fired in one round: one transaction and a
// few statements for all of them, instead of one each. When a hundred thousand reminders fall due in one
// minute, a timer a round is what kept up with them. Each timer still waits for its own outcome, so a
// job ends only once its notification is fired (or known fired), as before.
import type { Fired, FireResult } from './fire-notification.ts';

export interface FiringRoundsOptions {
  /** How long the first timer of a round waits for others (a few ms: lateness is measured in seconds). */
  gatherMs: number;
  /** A round starts at once when this many timers wait. */
  maxRung: number;
}

export interface FiringRounds {
  /** The outcome of this notification's firing, in the next round. */
  fire(id: number): Promise<FireResult>;
  /** Resolves when the rounds under way have ended. */
  idle(): Promise<void>;
}

type Round = (rung: number[]) => Promise<Fired[]>;

/**
 * @example const rounds = firingRounds((ids) => fireDueTogether(deps, ids, new Date(), 200), { gatherMs: 5, maxRung: 64 });
 *          const result = await rounds.fire(notificationId);
 */
export function firingRounds(round: Round, options: FiringRoundsOptions): FiringRounds {
  let waiting = new Map<number, Array<{ resolve: (r: FireResult) => void; reject: (e: unknown) => void }>>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const running = new Set<Promise<void>>();

  const start = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const these = waiting;
    waiting = new Map();
    const run = round([...these.keys()]).then(
      (fired) => {
        const results = new Map(fired.map((f) => [f.id, f.result]));
        for (const [id, callers] of these) {
          const result = results.get(id) ?? { kind: 'skipped', reason: 'not fired in its round' };
          for (const c of callers) c.resolve(result);
        }
      },
      (err: unknown) => {
        for (const callers of these.values()) for (const c of callers) c.reject(err);
      },
    );
    running.add(run);
    void run.finally(() => running.delete(run));
  };

  return {
    fire(id) {
      return new Promise<FireResult>((resolve, reject) => {
        // The same notification twice in a round (a retried job) is fired once; both hear the outcome.
        waiting.set(id, [...(waiting.get(id) ?? []), { resolve, reject }]);
        if (waiting.size >= options.maxRung) start();
        else timer ??= setTimeout(start, options.gatherMs);
      });
    },
    async idle() {
      while (running.size > 0) await Promise.all(running);
    },
  };
}

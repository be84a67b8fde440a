// Timers that ring together share a round: one call for them all, each caller told its own outcome.
import { describe, expect, it } from 'vitest';
import type { Fired } from '../../src/scheduling/fire-notification.ts';
import { firingRounds } from '../../src/scheduling/firing-rounds.ts';

/** A round that records what it was given and fires each rung notification, plus a neighbour. */
function recordingRound() {
  const rounds: number[][] = [];
  const round = async (rung: number[]): Promise<Fired[]> => {
    rounds.push(rung);
    await new Promise((resolve) => setTimeout(resolve, 5));
    return [...rung.map((id) => ({ id, result: { kind: 'sent' as const, outboxId: id * 10, channel: 'telegram' } })), { id: 999, result: { kind: 'sent' as const, outboxId: 9990, channel: 'telegram' } }];
  };
  return { rounds, round };
}

describe('firing rounds', () => {
  it('gathers timers that ring within the gathering time into one round', async () => {
    const { rounds, round } = recordingRound();
    const fr = firingRounds(round, { gatherMs: 20, maxRung: 100 });
    const results = await Promise.all([1, 2, 3].map((id) => fr.fire(id)));
    expect(rounds).toEqual([[1, 2, 3]]);
    expect(results).toEqual([10, 20, 30].map((outboxId) => ({ kind: 'sent', outboxId, channel: 'telegram' })));
  });

  it('starts a round at once when it is full, and the next timers wait for the next round', async () => {
    const { rounds, round } = recordingRound();
    const fr = firingRounds(round, { gatherMs: 10_000, maxRung: 2 });
    const first = Promise.all([fr.fire(1), fr.fire(2)]);
    await first;
    const third = fr.fire(3);
    const fourth = fr.fire(4);
    await Promise.all([third, fourth]);
    expect(rounds).toEqual([[1, 2], [3, 4]]);
  });

  it('fires a notification rung twice in one round once, and tells both', async () => {
    const { rounds, round } = recordingRound();
    const fr = firingRounds(round, { gatherMs: 5, maxRung: 100 });
    const [a, b] = await Promise.all([fr.fire(7), fr.fire(7)]);
    expect(rounds).toEqual([[7]]);
    expect(a).toEqual(b);
  });

  it('passes a failed round on to every timer in it, and the next round starts afresh', async () => {
    let calls = 0;
    const fr = firingRounds(
      async (rung) => {
        calls += 1;
        if (calls === 1) throw new Error('database away');
        return rung.map((id) => ({ id, result: { kind: 'skipped' as const, reason: 'already sent' } }));
      },
      { gatherMs: 5, maxRung: 100 },
    );
    const failed = await Promise.allSettled([fr.fire(1), fr.fire(2)]);
    expect(failed.map((f) => f.status)).toEqual(['rejected', 'rejected']);
    expect(await fr.fire(3)).toEqual({ kind: 'skipped', reason: 'already sent' });
  });

  it('says a notification its round left out was not fired, and idle() waits for rounds under way', async () => {
    let ended = false;
    const fr = firingRounds(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 30));
        ended = true;
        return [];
      },
      { gatherMs: 1, maxRung: 100 },
    );
    const result = fr.fire(5);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await fr.idle();
    expect(ended).toBe(true);
    expect(await result).toEqual({ kind: 'skipped', reason: 'not fired in its round' });
  });
});

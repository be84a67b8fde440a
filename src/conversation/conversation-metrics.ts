// What a handled message adds to the counters once its transaction has committed (a retried
// transaction counts once): places taken, places refused and why, emergencies answered.
import type { Metrics } from '../metrics/metrics.ts';
import type { Effect, Outcome } from './effects.ts';

/** The effects that ask for a place: their refusals are the ones counted. */
const ASKS_FOR_A_PLACE: ReadonlySet<Effect['kind']> = new Set(['book', 'waitlist', 'reschedule']);

/** `outcomes[i]` is what came of `effects[i]`, as `applyEffects` returns them. */
export function countOutcomes(metrics: Metrics, channel: string, effects: readonly Effect[], outcomes: readonly Outcome[]): void {
  effects.forEach((effect, i) => {
    if (effect.kind === 'open_ticket' && effect.reason === 'emergency') metrics.emergency(channel);
    const outcome = outcomes[i];
    if (!outcome || !ASKS_FOR_A_PLACE.has(effect.kind)) return;
    if (!outcome.ok) metrics.bookingRefused(effect.kind, outcome.reason);
    else if (effect.kind === 'book') metrics.booked(channel);
  });
}

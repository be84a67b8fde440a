// "Stop?" asked back: a stop word among other words ("baraka mn lmessagat") may not mean "stop everything",
// and an opt-out silences reminders too, so the villager confirms it first.
import { yesNo } from '../answers.ts';
import { MISS, type StepContext, type StepHandler, type StepResult } from '../context.ts';
import { say } from '../say.ts';
import { BEFORE_CONSENT, type ConversationState, type Step } from '../state.ts';

/** Opts the contact out at once: the confirmation is the last message they get until they start again. */
export function optOut(state: ConversationState, ctx: StepContext, from: Step = state.step): StepResult {
  const s = say(state, ctx);
  // Before consent the notice is still owed on their return; after it, they come back to the menu.
  const step = BEFORE_CONSENT.has(from) ? from : 'menu';
  return { state: { ...state, step, draft: {}, misses: 0 }, replies: [{ text: s.t('common:stopConfirmed') }], effects: [{ kind: 'opt_out' }] };
}

export const stopSteps: Partial<Record<Step, StepHandler>> = {
  stop_confirm: {
    async enter(state, ctx) {
      const s = say(state, ctx);
      const choices = [{ id: 'yes', label: s.t('optout:yes') }, { id: 'no', label: s.t('optout:no') }];
      return { state: { ...state, step: 'stop_confirm' }, replies: [s.ask(s.t('optout:question'), choices)], effects: [] };
    },
    async answer(state, turn, ctx) {
      const yes = yesNo(turn);
      if (yes === undefined) return MISS;
      const from = state.draft.stopFrom ?? 'menu';
      if (yes) return optOut(state, ctx, from);
      const s = say(state, ctx);
      return ctx.go(from, { ...state, draft: { ...state.draft, stopFrom: undefined } }, {}, [{ text: s.t('optout:kept') }]);
    },
  },
};

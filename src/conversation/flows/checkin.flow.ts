// The post-operative check-in, one question per message: pain, fever, the wound, bleeding, eating and
// drinking. A red-flag answer gets advice at once and alerts the medical staff; the questions go on.
import { pickOption, yesNo } from '../answers.ts';
import { MISS, type StepContext, type StepHandler, type StepResult } from '../context.ts';
import { checkinText } from '../patient-text.ts';
import { say } from '../say.ts';
import type { ConversationState, Step } from '../state.ts';

const PAIN = ['pain_0', 'pain_1', 'pain_2', 'pain_3'] as const;
const ORDER: readonly Step[] = ['checkin_pain', 'checkin_fever', 'checkin_wound', 'checkin_bleeding', 'checkin_eating'];

/** Answers that need a doctor: unbearable pain, fever, a red or oozing wound, bleeding, not eating. */
const isRedFlag = (step: Step, value: number | boolean) => (step === 'checkin_pain' ? value === 3 : step === 'checkin_eating' ? value === false : value === true);
/** Unbearable pain and bleeding cannot wait for a visit today: call the emergency number now. */
const isUrgent = (step: Step, value: number | boolean) => (step === 'checkin_pain' && value === 3) || (step === 'checkin_bleeding' && value === true);

async function record(state: ConversationState, ctx: StepContext, value: number | boolean): Promise<StepResult> {
  const s = say(state, ctx);
  const notificationId = state.draft.checkinNotificationId;
  if (notificationId === undefined) return ctx.go('menu', state);
  const index = ORDER.indexOf(state.step);
  const next = ORDER[index + 1];
  const redFlag = isRedFlag(state.step, value);
  const numbers = { samu: ctx.safety.samu, civil: ctx.safety.civil };
  const advice = redFlag ? [{ text: s.t(isUrgent(state.step, value) ? 'checkin:redFlagUrgent' : 'checkin:redFlag', numbers) }] : [];
  const effect = { kind: 'checkin_answer' as const, notificationId, question: state.step.replace('checkin_', ''), value, redFlag, last: next === undefined };
  const result = next ? await ctx.go(next, state, {}, advice) : await ctx.go('menu', state, {}, [...advice, { text: checkinText(s.t, 'thanks', state.draft) }]);
  return { ...result, effects: [effect, ...result.effects] };
}

function yesNoQuestion(step: Step): StepHandler {
  return {
    async enter(state, ctx) {
      const s = say(state, ctx);
      const choices = [{ id: 'yes', label: s.t('checkin:yes') }, { id: 'no', label: s.t('checkin:no') }];
      return { state: { ...state, step }, replies: [s.ask(checkinText(s.t, step.replace('checkin_', ''), state.draft), choices)], effects: [] };
    },
    async answer(state, turn, ctx) {
      const yes = yesNo(turn);
      return yes === undefined ? MISS : record(state, ctx, yes);
    },
  };
}

export const checkinSteps: Partial<Record<ConversationState['step'], StepHandler>> = {
  checkin_pain: {
    async enter(state, ctx) {
      const s = say(state, ctx);
      const choices = PAIN.map((id) => ({ id, label: s.t(`checkin:${id}`) }));
      return { state: { ...state, step: 'checkin_pain' }, replies: [s.ask(checkinText(s.t, 'pain', state.draft), choices)], effects: [] };
    },
    async answer(state, turn, ctx) {
      const picked = pickOption(turn, PAIN);
      return picked === undefined ? MISS : record(state, ctx, PAIN.indexOf(picked));
    },
  },
  checkin_fever: yesNoQuestion('checkin_fever'),
  checkin_wound: yesNoQuestion('checkin_wound'),
  checkin_bleeding: yesNoQuestion('checkin_bleeding'),
  checkin_eating: yesNoQuestion('checkin_eating'),
};

// The right of access (law 09-08): everything kept about the villager, in the chat, then how to correct or erase it.
import { pickOption } from '../answers.ts';
import { MISS, type StepHandler } from '../context.ts';
import { contactText, personText } from '../personal-data-text.ts';
import { say } from '../say.ts';
import type { ConversationState } from '../state.ts';

const NEXT = ['correct', 'delete'] as const;

export const myDataSteps: Partial<Record<ConversationState['step'], StepHandler>> = {
  my_data: {
    async enter(state, ctx) {
      const s = say(state, ctx);
      const data = await ctx.reader.personalData(ctx.contact.id);
      const shown = [{ text: contactText(s, data) }, ...data.people.map((p) => ({ text: personText(s, p, ctx.today) }))];
      if (data.people.length === 0) shown.push({ text: s.t('access:nobody') });
      // Correcting needs someone to correct; erasing is always possible.
      const options = data.people.length > 0 ? [...NEXT] : ['delete'];
      return ctx.go('my_data_next', { ...state, draft: {} }, { options }, shown);
    },
    async answer(state, _turn, ctx) {
      return ctx.go('my_data', state);
    },
  },
  // Asked on its own, so an answer that does not fit gets the question again, not all the data.
  my_data_next: {
    async enter(state, ctx) {
      const s = say(state, ctx);
      const options = state.draft.options ?? ['delete'];
      const choices = options.map((id) => ({ id, label: s.t(`access:option.${id}`) }));
      const text = s.t(options.includes('correct') ? 'access:what' : 'access:whatNobody');
      return { state: { ...state, step: 'my_data_next' }, replies: [s.ask(text, choices)], effects: [] };
    },
    async answer(state, turn, ctx) {
      const picked = pickOption(turn, state.draft.options ?? []);
      if (picked === 'correct') return ctx.go('correct_person', state);
      if (picked === 'delete') return ctx.go('delete_confirm', state);
      return MISS;
    },
  },
};

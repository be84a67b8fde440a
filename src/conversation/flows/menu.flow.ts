// The main menu, a person on request (handoff), and erasing one's data.
import { pickOption, yesNo } from '../answers.ts';
import { MISS, type StepContext, type StepHandler, type StepResult } from '../context.ts';
import { say } from '../say.ts';
import type { ConversationState } from '../state.ts';

export const MENU_OPTIONS = ['campaigns', 'register', 'appointments', 'donate', 'alerts', 'person', 'language', 'delete'] as const;
export type MenuOption = (typeof MENU_OPTIONS)[number];

/** Where each menu entry leads; free-text intents land on the same steps. */
export async function openMenuEntry(option: MenuOption, state: ConversationState, ctx: StepContext): Promise<StepResult> {
  switch (option) {
    case 'campaigns':
      return ctx.contact.provinceCode
        ? ctx.go('campaign_list', state, { purpose: 'campaigns', provinceCode: ctx.contact.provinceCode })
        : ctx.go('place', state, { purpose: 'campaigns' });
    case 'register':
      return ctx.go('reg_who', state);
    case 'appointments':
      return ctx.go('appt_list', state, { apptPurpose: 'view' });
    case 'donate':
      return ctx.go('donor_sex', state, { service: 'blood_donation', relation: 'self' });
    case 'alerts':
      return ctx.go('place', state, { purpose: 'alerts' });
    case 'person':
      return openHandoff(state, ctx, 'asked');
    case 'language':
      return ctx.go('language', state);
    case 'delete':
      return ctx.go('delete_confirm', state);
  }
}

/** Opens a ticket for the coordinators; the bot then stays quiet until staff close it. */
export function openHandoff(state: ConversationState, ctx: StepContext, reason: 'asked' | 'stuck'): StepResult {
  const s = say(state, ctx);
  return {
    state: { ...state, step: 'handoff', draft: {}, misses: 0 },
    replies: [{ text: s.t('handoff:opened', { samu: ctx.safety.samu, civil: ctx.safety.civil }) }],
    effects: ctx.contact.hasOpenTicket ? [] : [{ kind: 'open_ticket', reason, urgent: false }],
  };
}

const yesNoChoices = (state: ConversationState, ctx: StepContext, yesKey: string, noKey: string) => {
  const s = say(state, ctx);
  return [{ id: 'yes', label: s.t(yesKey) }, { id: 'no', label: s.t(noKey) }];
};

export const menuSteps: Partial<Record<ConversationState['step'], StepHandler>> = {
  menu: {
    async enter(state, ctx) {
      const s = say(state, ctx);
      const choices = MENU_OPTIONS.map((id) => ({ id, label: s.t(`menu:option.${id}`) }));
      return { state: { ...state, step: 'menu', draft: {} }, replies: [s.ask(s.t('menu:question'), choices, { noBack: true, voice: 'menu:question' })], effects: [] };
    },
    async answer(state, turn, ctx) {
      const picked = pickOption(turn, MENU_OPTIONS);
      return picked === undefined ? MISS : openMenuEntry(picked, state, ctx);
    },
  },
  offer_person: {
    async enter(state, ctx) {
      const s = say(state, ctx);
      const reply = s.ask(s.t('handoff:offer'), yesNoChoices(state, ctx, 'handoff:offerYes', 'handoff:offerNo'));
      return { state: { ...state, step: 'offer_person', misses: 0 }, replies: [reply], effects: [] };
    },
    async answer(state, turn, ctx) {
      const yes = yesNo(turn);
      if (yes === undefined) return MISS;
      return yes ? openHandoff(state, ctx, 'stuck') : ctx.go('menu', state);
    },
  },
  handoff: {
    // The engine keeps the bot quiet while the ticket is open, and resumes at the menu once staff close it.
    async enter(state) {
      return { state: { ...state, step: 'handoff' }, replies: [], effects: [] };
    },
    async answer(state) {
      return { state, replies: [], effects: [] };
    },
  },
  delete_confirm: {
    async enter(state, ctx) {
      const s = say(state, ctx);
      const upcoming = (await ctx.reader.appointments(ctx.contact.id, ctx.today)).length;
      const text = [s.t('privacy:deleteWhat'), ...(upcoming > 0 ? [s.t('privacy:deleteAppointments', { count: upcoming })] : []), s.t('privacy:deleteQuestion')].join('\n');
      const reply = s.ask(text, yesNoChoices(state, ctx, 'privacy:deleteYes', 'privacy:deleteNo'));
      return { state: { ...state, step: 'delete_confirm' }, replies: [reply], effects: [] };
    },
    async answer(state, turn, ctx) {
      const yes = yesNo(turn);
      if (yes === undefined) return MISS;
      if (!yes) return ctx.go('menu', state);
      const s = say(state, ctx);
      // After erasure the chat and its conversation are gone: the next message is a stranger's, and gets
      // the consent notice. This state is not saved anywhere.
      return {
        state: { v: 1, step: 'new', locale: state.locale, draft: {}, misses: 0, lastAt: state.lastAt },
        replies: [{ text: s.t('privacy:deleted') }],
        effects: [{ kind: 'erase' }],
      };
    },
  },
};

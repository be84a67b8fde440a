// First contact: the language, confirmed in one line, then the consent notice (law 09-08).
import { LOCALES, type Locale } from '../../i18n/translator.ts';
import { pickOption, yesNo } from '../answers.ts';
import { MISS, type StepContext, type StepHandler, type StepResult, type Turn } from '../context.ts';
import type { Reply } from '../reply.ts';
import { findProvince } from '../place-lookup.ts';
import { say } from '../say.ts';
import type { ConversationState, Draft } from '../state.ts';
import { openMenuEntry } from './menu.flow.ts';

const CONSENT_OPTIONS = ['accept', 'decline', 'language'] as const;

function consentQuestion(state: ConversationState, ctx: StepContext) {
  const s = say(state, ctx);
  const choices = CONSENT_OPTIONS.map((id) => ({ id, label: s.t(`consent:option.${id}`) }));
  // The notice ends with its question; the next line says how to answer it.
  return s.ask(s.t('consent:notice'), choices, { noBack: true, how: s.t('consent:answer') });
}

const accept = async (state: ConversationState, ctx: StepContext) => {
  const s = say(state, ctx);
  // Optional: with the number, the same person is recognised on WhatsApp and at the venue.
  const askPhone = ctx.canAskPhone ? [{ text: s.t('phone:ask'), requestPhone: { label: s.t('phone:button') } }] : [];
  const next = await takeUpRequest(state, ctx, [{ text: s.t('consent:thanks') }, ...askPhone]);
  return { ...next, effects: [{ kind: 'consent' as const, locale: s.locale }, ...next.effects] };
};

/**
 * A request made before consent ("bghit nsajel f l9afila", "un rendez-vous chez l'ophtalmo") is kept
 * in the draft while the notice is shown, so that accepting it continues with what was asked.
 */
export function rememberRequest(state: ConversationState, turn: Turn): ConversationState {
  const { intent, entities } = turn.understanding;
  const patch: Partial<Draft> | undefined =
    intent === 'book'
      ? { request: 'register', service: entities.service }
      : intent === 'donate_blood'
        ? { request: 'donate' }
        : intent === 'campaigns_info'
          ? { request: 'campaigns', provinceCode: findProvince(turn.text) }
          : undefined;
  return patch ? { ...state, draft: { ...state.draft, ...patch } } : state;
}

/** After consent: the request of the first message, as if picked from the menu, or the menu. */
async function takeUpRequest(state: ConversationState, ctx: StepContext, before: Reply[]): Promise<StepResult> {
  const { request, service, provinceCode } = state.draft;
  const fresh = { ...state, draft: {} };
  if (request === 'register') return ctx.go('reg_who', fresh, service === undefined ? {} : { service }, before);
  if (request === 'campaigns' && provinceCode !== undefined) return ctx.go('campaign_list', fresh, { purpose: 'campaigns', provinceCode }, before);
  if (request === 'campaigns' || request === 'donate') {
    const next = await openMenuEntry(request, fresh, ctx);
    return { ...next, replies: [...before, ...next.replies] };
  }
  return ctx.go('menu', state, {}, before);
}

export const firstContactSteps: Partial<Record<ConversationState['step'], StepHandler>> = {
  new: {
    async enter(state, ctx) {
      const s = say(state, ctx);
      const welcome = [s.t('common:welcome'), s.t('consent:languageLine', { language: s.t(`language:inSentence.${s.locale}`) })].join('\n');
      return ctx.go('consent', state, {}, [{ text: welcome }]);
    },
    async answer(state, _turn, ctx) {
      return firstContactSteps.new?.enter(state, ctx) ?? MISS;
    },
  },
  consent: {
    async enter(state, _ctx) {
      return { state: { ...state, step: 'consent' }, replies: [consentQuestion(state, _ctx)], effects: [] };
    },
    async answer(state, turn, ctx) {
      const yn = yesNo(turn);
      const picked = pickOption(turn, CONSENT_OPTIONS) ?? (yn === undefined ? undefined : yn ? 'accept' : 'decline');
      if (picked === 'accept') return accept(state, ctx);
      if (picked === 'language') return ctx.go('language', state);
      if (picked === 'decline') {
        const s = say(state, ctx);
        return { state: { ...state, step: 'consent_declined' }, replies: [{ text: s.t('consent:declined') }], effects: [] };
      }
      return MISS;
    },
  },
  consent_declined: {
    async enter(state, ctx) {
      return firstContactSteps.consent?.enter(state, ctx) ?? { state, replies: [], effects: [] };
    },
    async answer(state, turn, ctx) {
      if (pickOption(turn, CONSENT_OPTIONS) === 'accept' || yesNo(turn) === true) return accept(state, ctx);
      // Nothing is stored while consent is refused; each message shows the notice again.
      return ctx.go('consent', state);
    },
  },
  language: {
    async enter(state, ctx) {
      const s = say(state, ctx);
      const choices = [...LOCALES.map((id) => ({ id, label: s.t(`language:name.${id}`) })), { id: 'voice', label: s.t(ctx.contact.voicePrompts ? 'language:voiceOff' : 'language:voiceOn') }];
      // Its recording goes to everyone who gets here: someone who cannot read hears which number asks for voice.
      return { state: { ...state, step: 'language' }, replies: [s.ask(s.t('language:question'), choices, { noBack: !ctx.contact.consented, voice: 'language:question' })], effects: [] };
    },
    async answer(state, turn, ctx) {
      const picked = pickOption(turn, LANGUAGE_OPTIONS);
      if (picked === undefined) return MISS;
      if (picked === 'voice') return switchVoice(state, !ctx.contact.voicePrompts, ctx);
      return switchLanguage(state, picked, ctx);
    },
  },
};

const LANGUAGE_OPTIONS = [...LOCALES, 'voice'] as const;

/** Voice prompts on or off, kept on the contact at once (a preference, before consent too), then where they were going. */
async function switchVoice(state: ConversationState, on: boolean, ctx: StepContext): Promise<StepResult> {
  const s = say(state, ctx);
  const done = { text: s.t(on ? 'language:voiceOnDone' : 'language:voiceOffDone') };
  const next = await ctx.go(ctx.contact.consented ? 'menu' : 'consent', state, {}, [done]);
  return { ...next, effects: [{ kind: 'set_voice' as const, on }, ...next.effects] };
}

/** Changes the reply language; before consent it only changes how the notice is shown. */
export async function switchLanguage(state: ConversationState, locale: Locale, ctx: StepContext) {
  const switched = { ...state, locale };
  const s = say(switched, ctx);
  const done = { text: s.t('language:changed', { language: s.t(`language:inSentence.${locale}`) }) };
  if (!ctx.contact.consented) return ctx.go('consent', switched, {}, [done]);
  const next = await ctx.go('menu', switched, {}, [done]);
  return { ...next, effects: [{ kind: 'set_locale' as const, locale }, ...next.effects] };
}

// Registering, second half: campaign, service, day and window with places left, summary, confirm.
import type { WindowAvailability } from '../../domain/campaigns/availability.ts';
import type { UpcomingCampaign } from '../../domain/campaigns/campaign-finder.ts';
import { serves } from '../../domain/campaigns/service-audience.ts';
import { isolateIn } from '../../i18n/bidi.ts';
import { formatDay, formatWindow, formatWindowShort } from '../../i18n/dates.ts';
import { pickOption } from '../answers.ts';
import { distanceText, localized, placeOf, provinceName, serviceName } from '../campaign-text.ts';
import { MISS, type StepContext, type StepHandler, type StepResult } from '../context.ts';
import type { BeneficiaryRef } from '../effects.ts';
import { say, type Say } from '../say.ts';
import type { ConversationState, Draft } from '../state.ts';
import { bookingAnswer, readBookingView, refusalText } from './booking-outcome.ts';
import { relativeName } from './register-person.flow.ts';

const LIST_LIMIT = 5;

const isDonation = (draft: Draft) => draft.service === 'blood_donation';

/** Days of the service with the places left on each, in order. */
export function daysOf(windows: readonly WindowAvailability[]): Array<{ day: string; remaining: number }> {
  const byDay = new Map<string, number>();
  for (const w of windows) byDay.set(w.day, (byDay.get(w.day) ?? 0) + w.remaining);
  return [...byDay].map(([day, remaining]) => ({ day, remaining }));
}

export function beneficiaryOf(draft: Draft): BeneficiaryRef | undefined {
  if (draft.beneficiaryId !== undefined) return { id: draft.beneficiaryId };
  const { relation, fullName, sex, birthYear, commune } = draft;
  if (!relation || !fullName || !sex || birthYear === undefined) return undefined;
  return { new: { relation, fullName, sex, birthYear, ...(commune ? { commune } : {}) } };
}

async function windowsOf(state: ConversationState, ctx: StepContext): Promise<WindowAvailability[]> {
  const { campaignId, service } = state.draft;
  if (campaignId === undefined || service === undefined) return [];
  return ctx.reader.availability({ campaignId, service, fromDay: ctx.today });
}

function waitlistedText(s: Say, draft: Draft): string {
  const name = relativeName(draft);
  return name === undefined ? s.t('register:waitlisted') : s.t('register:waitlistedRelative', { name });
}

function noPlaceLeft(state: ConversationState, ctx: StepContext): Promise<StepResult> {
  return ctx.go('reg_full', state);
}

async function summary(state: ConversationState, ctx: StepContext, campaign: UpcomingCampaign, window: WindowAvailability): Promise<string> {
  const s = say(state, ctx);
  const d = state.draft;
  const me = d.beneficiaryId !== undefined && d.relation === 'self';
  const who = d.fullName ?? (me ? s.t('register:summaryYou') : '');
  return s.t('register:summary', {
    who,
    service: serviceName(s, window.service),
    campaign: localized(campaign.title, s.locale),
    day: formatDay(window.day, s.locale),
    window: formatWindow(window.startsAt, window.endsAt, s.locale),
    place: placeOf(campaign, s.locale),
  });
}

export const registerSlotSteps: Partial<Record<ConversationState['step'], StepHandler>> = {
  reg_campaign: {
    journey: 'register',
    async enter(state, ctx) {
      const s = say(state, ctx);
      const { provinceCode, point } = state.draft;
      const near = point ?? (provinceCode ? { provinceCode } : undefined);
      const kind = isDonation(state.draft) ? 'blood_drive' : 'caravan';
      const list = await ctx.reader.campaigns({ today: ctx.today, kind, ...(near ? { near } : {}), limit: LIST_LIMIT });
      if (list.length === 0) {
        const where = provinceCode ? provinceName(provinceCode, s.locale) : '';
        const reply = s.ask(s.t('campaigns:none', { place: where }), [{ id: 'alerts', label: s.t('campaigns:alertMe') }]);
        return { state: { ...state, step: 'reg_campaign', draft: { ...state.draft, options: ['alerts'] } }, replies: [reply], effects: [] };
      }
      // Where each is and how far: a villager told of "the nearest" sees whether it is 5 or 500 km away.
      const choices = list.map((c) => ({ id: `c${c.id}`, label: localized(c.title, s.locale), detail: [isolateIn(s.locale, c.commune), distanceText(s, c)].filter((x) => x !== undefined).join(' · ') }));
      return {
        state: { ...state, step: 'reg_campaign', draft: { ...state.draft, options: choices.map((c) => c.id) } },
        replies: [s.ask(s.t(isDonation(state.draft) ? 'register:driveQuestion' : 'register:campaignQuestion'), choices)],
        effects: [],
      };
    },
    async answer(state, turn, ctx) {
      const picked = pickOption(turn, state.draft.options ?? []);
      if (picked === undefined) return MISS;
      if (picked === 'alerts') return ctx.go('place', state, { purpose: 'alerts' });
      return ctx.go('reg_service', state, { campaignId: Number(picked.slice(1)) });
    },
  },
  reg_service: {
    journey: 'register',
    async enter(state, ctx) {
      const s = say(state, ctx);
      const campaign = state.draft.campaignId === undefined ? undefined : await ctx.reader.campaign(state.draft.campaignId, ctx.today);
      if (!campaign) return ctx.go('menu', state, {}, [{ text: s.t('register:campaignGone') }]);
      // Only what fits the person: no gynecology for a man, no pediatrics for an adult, unless the campaign says so.
      const person = { sex: state.draft.sex, birthYear: state.draft.birthYear };
      const fitting = campaign.services.filter((o) => serves(o.audience, person, ctx.today));
      if (fitting.length === 0) return ctx.go('menu', state, {}, [{ text: s.t('register:noServiceForPerson') }]);
      const offered = fitting.map((o) => o.service);
      const wanted = state.draft.service;
      if (wanted !== undefined && offered.includes(wanted)) return ctx.go('reg_day', state, { service: wanted });
      if (offered.length === 1 && offered[0] !== undefined) return ctx.go('reg_day', state, { service: offered[0] });
      const choices = fitting.map((o) => ({
        id: o.service,
        label: serviceName(s, o.service),
        detail: o.remaining > 0 ? s.t('campaigns:placesLeft', { count: o.remaining }) : s.t('campaigns:full'),
      }));
      const before = wanted !== undefined ? [{ text: s.t('register:serviceNotOffered', { service: serviceName(s, wanted) }) }] : [];
      return { state: { ...state, step: 'reg_service', draft: { ...state.draft, service: undefined, options: offered } }, replies: [...before, s.ask(s.t('register:serviceQuestion'), choices, { voice: 'register:serviceQuestion' })], effects: [] };
    },
    async answer(state, turn, ctx) {
      const options = state.draft.options ?? [];
      const named = turn.understanding.entities.service;
      const service = pickOption(turn, options) ?? (named !== undefined && options.includes(named) ? named : undefined);
      return service === undefined ? MISS : ctx.go('reg_day', state, { service });
    },
  },
  reg_day: {
    journey: 'register',
    async enter(state, ctx) {
      const s = say(state, ctx);
      const days = daysOf(await windowsOf(state, ctx));
      if (days.length === 0 || days.every((d) => d.remaining === 0)) return noPlaceLeft(state, ctx);
      if (days.length === 1 && days[0] !== undefined) return ctx.go('reg_window', state, { day: days[0].day });
      const choices = days.map((d) => ({
        id: d.day,
        label: formatDay(d.day, s.locale),
        detail: d.remaining > 0 ? s.t('campaigns:placesLeft', { count: d.remaining }) : s.t('campaigns:full'),
      }));
      return { state: { ...state, step: 'reg_day', draft: { ...state.draft, options: days.map((d) => d.day) } }, replies: [s.ask(s.t('register:dayQuestion'), choices, { voice: 'register:dayQuestion' })], effects: [] };
    },
    async answer(state, turn, ctx) {
      const day = pickOption(turn, state.draft.options ?? []);
      return day === undefined ? MISS : ctx.go('reg_window', state, { day });
    },
  },
  reg_window: {
    journey: 'register',
    async enter(state, ctx) {
      const s = say(state, ctx);
      const open = (await windowsOf(state, ctx)).filter((w) => w.day === state.draft.day && w.remaining > 0);
      if (open.length === 0) return noPlaceLeft(state, ctx);
      const choices = open.map((w) => ({ id: `s${w.slotId}`, label: formatWindowShort(w.startsAt, w.endsAt), detail: s.t('campaigns:placesLeft', { count: w.remaining }) }));
      return {
        state: { ...state, step: 'reg_window', draft: { ...state.draft, options: choices.map((c) => c.id) } },
        replies: [s.ask(s.t('register:windowQuestion', { day: formatDay(state.draft.day ?? ctx.today, s.locale) }), choices, { voice: 'register:windowQuestion' })],
        effects: [],
      };
    },
    async answer(state, turn, ctx) {
      const picked = pickOption(turn, state.draft.options ?? []);
      return picked === undefined ? MISS : ctx.go('reg_confirm', state, { slotId: Number(picked.slice(1)) });
    },
  },
  reg_confirm: {
    journey: 'register',
    async enter(state, ctx) {
      const s = say(state, ctx);
      const { campaignId, slotId } = state.draft;
      const campaign = campaignId === undefined ? undefined : await ctx.reader.campaign(campaignId, ctx.today);
      const window = (await windowsOf(state, ctx)).find((w) => w.slotId === slotId);
      if (!campaign || !window) return ctx.go('reg_day', state);
      const choices = [{ id: 'confirm', label: s.t('register:confirm') }, { id: 'change', label: s.t('register:change') }];
      return { state: { ...state, step: 'reg_confirm' }, replies: [s.ask(await summary(state, ctx, campaign, window), choices)], effects: [] };
    },
    async answer(state, turn, ctx) {
      const picked = pickOption(turn, ['confirm', 'change']) ?? (turn.understanding.intent === 'yes' ? 'confirm' : undefined);
      if (picked === 'change') return ctx.go('reg_day', state, { slotId: undefined });
      const beneficiary = beneficiaryOf(state.draft);
      const slotId = state.draft.slotId;
      if (picked !== 'confirm' || !beneficiary || slotId === undefined) return MISS;
      const view = await readBookingView(state, ctx);
      return { state, replies: [], effects: [{ kind: 'book', beneficiary, slotId }], after: ([outcome]) => bookingAnswer(state, ctx, outcome, view) };
    },
  },
  reg_full: {
    journey: 'register',
    async enter(state, ctx) {
      const s = say(state, ctx);
      const otherDays = daysOf(await windowsOf(state, ctx)).filter((d) => d.remaining > 0 && d.day !== state.draft.day);
      const ids = otherDays.length > 0 ? ['waitlist', 'other_day'] : ['waitlist'];
      const choices = ids.map((id) => ({ id, label: s.t(`register:full.${id}`) }));
      return { state: { ...state, step: 'reg_full', draft: { ...state.draft, options: ids } }, replies: [s.ask(s.t('register:fullQuestion'), choices)], effects: [] };
    },
    async answer(state, turn, ctx) {
      const picked = pickOption(turn, state.draft.options ?? []) ?? (turn.understanding.intent === 'yes' ? 'waitlist' : undefined);
      if (picked === 'other_day') return ctx.go('reg_day', state, { day: undefined, slotId: undefined });
      const { campaignId, service, day } = state.draft;
      const beneficiary = beneficiaryOf(state.draft);
      if (picked !== 'waitlist' || !beneficiary || campaignId === undefined || service === undefined) return MISS;
      const s = say(state, ctx);
      return {
        state,
        replies: [],
        effects: [{ kind: 'waitlist', beneficiary, campaignId, service, ...(day ? { day } : {}) }],
        after: async ([outcome]) => ctx.go('menu', state, {}, [{ text: outcome?.ok ? waitlistedText(s, state.draft) : refusalText(s, outcome) }]),
      };
    },
  },
};

// Blood donation: the organisation's eligibility questions, one per message, then a drive and a time.
import { DateTime } from 'luxon';
import { evaluateDonorEligibility, type DonorAnswers, type Reason } from '../../domain/donors/donor-eligibility.ts';
import type { DonorRules } from '../../domain/donors/donor-rules.ts';
import { formatDay } from '../../i18n/dates.ts';
import { birthYearFrom, pickOption, readInteger, yesNo } from '../answers.ts';
import { MISS, type StepContext, type StepHandler, type StepResult, type Turn } from '../context.ts';
import { say, type Say } from '../say.ts';
import type { ConversationState, Draft, Step } from '../state.ts';
import { afterPerson, wordsAnswer } from './register-person.flow.ts';

const monthsAgo = (today: string, months: number) => DateTime.fromISO(today, { zone: 'utc' }).minus({ months }).toISODate() ?? today;

/** Deferrals asked about in one question; breastfeeding is asked with pregnancy. */
const eventCodes = (rules: DonorRules) => rules.deferrals.map((d) => d.code).filter((c) => c !== 'breastfeeding');

function eventLabel(s: Say, code: string): string {
  const key = `donor:event.${code}`;
  const label = s.t(key);
  return label === key ? code.replaceAll('_', ' ') : label;
}

function answersOf(draft: Draft, today: string): DonorAnswers | undefined {
  if (!draft.sex || draft.birthYear === undefined || draft.weightKg === undefined) return undefined;
  return {
    sex: draft.sex,
    birthYear: draft.birthYear,
    weightKg: draft.weightKg,
    ...(draft.lastDonationMonths !== undefined ? { lastDonationOn: monthsAgo(today, draft.lastDonationMonths) } : {}),
    donationsInLast12Months: draft.donationsLastYear ?? 0,
    events: draft.eventCode && draft.eventMonths !== undefined ? [{ code: draft.eventCode, on: monthsAgo(today, draft.eventMonths) }] : [],
    pregnant: draft.pregnant ?? false,
    breastfeeding: draft.breastfeeding ?? false,
  };
}

/** The number a reason counts (months, donations, years), which picks its plural form. */
const countOf = (params: Reason['params']) => params.months ?? params.limit ?? params.minAge ?? params.maxAge;

function reasonText(s: Say, r: Reason): string {
  const count = countOf(r.params);
  const counted: Record<string, string | number> = count === undefined ? {} : { count };
  if (r.code.startsWith('deferral:')) {
    return s.t('donor:reason.deferral', { event: eventLabel(s, r.code.slice('deferral:'.length)), ...counted });
  }
  const params = Object.fromEntries(Object.entries(r.params).map(([k, v]) => [k, k === 'until' ? formatDay(String(v), s.locale) : v]));
  return s.t(`donor:reason.${r.code}`, { ...params, ...counted });
}

/** All answers are in: a kind "not now" with the day they can, or on to the name and the drive. */
async function decide(state: ConversationState, ctx: StepContext): Promise<StepResult> {
  const s = say(state, ctx);
  const answers = answersOf(state.draft, ctx.today);
  if (!answers) return ctx.go('donor_sex', state);
  const verdict = evaluateDonorEligibility(await ctx.reader.donorRules(ctx.today), answers, ctx.today);
  if (!verdict.eligible) {
    const when = verdict.eligibleFrom ? s.t('donor:eligibleFrom', { day: formatDay(verdict.eligibleFrom, s.locale) }) : s.t('donor:askTeam');
    const text = [s.t('donor:notNow'), ...verdict.reasons.map((r) => `• ${reasonText(s, r)}`), when, s.t('donor:thanks')].join('\n');
    return ctx.go('menu', state, {}, [{ text }]);
  }
  const ok = [{ text: s.t('donor:eligible') }];
  const me = await ctx.reader.selfBeneficiary(ctx.contact.id);
  if (!me) return ctx.go('donor_name', state, {}, ok);
  const next = await afterPerson({ ...state, draft: { ...state.draft, beneficiaryId: me.id } }, ctx);
  return { ...next, replies: [...ok, ...next.replies] };
}

/** A question answered by a number in a range. */
function numberStep(step: Step, key: string, how: string, read: (n: number, ctx: StepContext) => Partial<Draft> | undefined, next: (state: ConversationState, ctx: StepContext) => Promise<StepResult>): StepHandler {
  return {
    journey: 'donate',
    async enter(state, ctx) {
      const s = say(state, ctx);
      return { state: { ...state, step }, replies: [s.askFree(s.t(key), s.t(how))], effects: [] };
    },
    async answer(state, turn: Turn, ctx) {
      const n = readInteger(turn);
      const patch = n === undefined ? undefined : read(n, ctx);
      return patch ? next({ ...state, draft: { ...state.draft, ...patch } }, ctx) : MISS;
    },
  };
}

function choiceStep(step: Step, key: string, ids: readonly string[], label: (s: Say, id: string) => string, onPick: (state: ConversationState, id: string, ctx: StepContext) => Promise<StepResult>): StepHandler {
  return {
    journey: 'donate',
    async enter(state, ctx) {
      const s = say(state, ctx);
      return { state: { ...state, step }, replies: [s.ask(s.t(key), ids.map((id) => ({ id, label: label(s, id) })))], effects: [] };
    },
    async answer(state, turn, ctx) {
      const yn = ids.length === 2 && ids[0] === 'yes' ? yesNo(turn) : undefined;
      const picked = pickOption(turn, ids) ?? (yn === undefined ? undefined : yn ? 'yes' : 'no');
      return picked === undefined ? MISS : onPick(state, picked, ctx);
    },
  };
}

const afterEvents = (state: ConversationState, ctx: StepContext) => (state.draft.sex === 'female' ? ctx.go('donor_pregnancy', state) : decide(state, ctx));

export const donorSteps: Partial<Record<ConversationState['step'], StepHandler>> = {
  donor_sex: choiceStep('donor_sex', 'donor:sexQuestion', ['female', 'male'], (s, id) => s.t(`register:sex.${id}`), (state, id, ctx) =>
    ctx.go('donor_age', state, { sex: id === 'female' ? 'female' : 'male' })),
  donor_age: numberStep('donor_age', 'donor:ageQuestion', 'register:ageHow', (n, ctx) => {
    const birthYear = birthYearFrom(n, ctx.today);
    return birthYear === undefined ? undefined : { birthYear };
  }, (state, ctx) => ctx.go('donor_weight', state)),
  donor_weight: numberStep('donor_weight', 'donor:weightQuestion', 'donor:weightHow', (n) => (n >= 20 && n <= 250 ? { weightKg: n } : undefined), (state, ctx) =>
    ctx.go('donor_given', state)),
  donor_given: choiceStep('donor_given', 'donor:givenQuestion', ['yes', 'no'], (s, id) => s.t(`donor:given.${id}`), (state, id, ctx) =>
    id === 'yes' ? ctx.go('donor_months', state) : ctx.go('donor_event', state, { lastDonationMonths: undefined, donationsLastYear: 0 })),
  donor_months: numberStep('donor_months', 'donor:monthsQuestion', 'donor:monthsHow', (n) => (n >= 1 && n <= 12 ? { lastDonationMonths: n } : undefined), (state, ctx) =>
    ctx.go('donor_count', state)),
  donor_count: numberStep('donor_count', 'donor:countQuestion', 'donor:countHow', (n) => (n >= 1 && n <= 12 ? { donationsLastYear: n } : undefined), (state, ctx) =>
    ctx.go('donor_event', state)),
  donor_event: {
    journey: 'donate',
    async enter(state, ctx) {
      const s = say(state, ctx);
      const rules = await ctx.reader.donorRules(ctx.today);
      const codes = ['none', ...eventCodes(rules)];
      const months = Math.max(0, ...rules.deferrals.filter((d) => d.code !== 'breastfeeding').map((d) => d.months));
      const choices = codes.map((id) => ({ id, label: id === 'none' ? s.t('donor:event.none') : eventLabel(s, id) }));
      return { state: { ...state, step: 'donor_event', draft: { ...state.draft, options: codes } }, replies: [s.ask(s.t('donor:eventQuestion', { count: months }), choices)], effects: [] };
    },
    async answer(state, turn, ctx) {
      const picked = pickOption(turn, state.draft.options ?? []) ?? (turn.understanding.intent === 'no' ? 'none' : undefined);
      if (picked === undefined) return MISS;
      if (picked === 'none') return afterEvents({ ...state, draft: { ...state.draft, eventCode: undefined, eventMonths: undefined } }, ctx);
      return ctx.go('donor_event_months', state, { eventCode: picked });
    },
  },
  donor_event_months: numberStep('donor_event_months', 'donor:eventMonthsQuestion', 'donor:monthsHow', (n) => (n >= 1 && n <= 36 ? { eventMonths: n } : undefined), afterEvents),
  donor_pregnancy: choiceStep('donor_pregnancy', 'donor:pregnancyQuestion', ['none', 'pregnant', 'breastfeeding'], (s, id) => s.t(`donor:pregnancy.${id}`), (state, id, ctx) =>
    decide({ ...state, draft: { ...state.draft, pregnant: id === 'pregnant', breastfeeding: id === 'breastfeeding' } }, ctx)),
  donor_name: {
    journey: 'donate',
    takesText: true,
    async enter(state, ctx) {
      const s = say(state, ctx);
      return { state: { ...state, step: 'donor_name' }, replies: [s.askFree(s.t('register:nameSelf'), s.t('register:nameHow'))], effects: [] };
    },
    async answer(state, turn, ctx) {
      const fullName = wordsAnswer(turn.text);
      return fullName === undefined ? MISS : afterPerson({ ...state, draft: { ...state.draft, fullName, relation: 'self' } }, ctx);
    },
  },
  // After a donation is booked: may we write when they can give again? Asked once; "2" or STOP ends it.
  donor_recall: {
    async enter(state, ctx) {
      const s = say(state, ctx);
      const choices = [{ id: 'recall_yes', label: s.t('donor:recallYes') }, { id: 'recall_no', label: s.t('donor:recallNo') }];
      return { state: { ...state, step: 'donor_recall' }, replies: [s.ask(s.t('donor:recallQuestion'), choices)], effects: [] };
    },
    async answer(state, turn, ctx) {
      const picked = pickOption(turn, ['recall_yes', 'recall_no']) ?? (yesNo(turn) === true ? 'recall_yes' : yesNo(turn) === false ? 'recall_no' : undefined);
      if (picked === undefined) return MISS;
      const on = picked === 'recall_yes';
      const s = say(state, ctx);
      return { state, replies: [], effects: [{ kind: 'donor_recall', on }], after: () => ctx.go('menu', state, {}, [{ text: s.t(on ? 'donor:recallOn' : 'donor:recallOff') }]) };
    },
  },
};

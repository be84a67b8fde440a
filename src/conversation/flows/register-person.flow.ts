// Registering: who the visit is for (the villager or a relative), with name, sex, age and commune.
import { normalizeText } from '../../understanding/normalize.ts';
import { findProvince } from '../place-lookup.ts';
import { birthYearFrom, pickOption, readInteger } from '../answers.ts';
import { MISS, type StepContext, type StepHandler, type StepResult, type Turn } from '../context.ts';
import { say } from '../say.ts';
import type { ConversationState } from '../state.ts';

const RELATIONS = ['self', 'child', 'parent', 'spouse', 'sibling', 'other'] as const;
const SEXES = ['female', 'male'] as const;

/**
 * The name of the relative being booked for, once given; undefined when the villager books for
 * themselves. Questions and answers about a relative name them and speak of them in the third person.
 */
export function relativeName(draft: ConversationState['draft']): string | undefined {
  return draft.relation !== undefined && draft.relation !== 'self' ? draft.fullName : undefined;
}

/** A question about the villager ("Quel âge avez-vous ?") or about the relative by name ("Quel âge a Fatima ?"). */
function aboutPerson(state: ConversationState, selfKey: string, relativeKey: string): [string, Record<string, string>] {
  const name = relativeName(state.draft);
  return name === undefined ? [selfKey, {}] : [relativeKey, { name }];
}

/** A name or a commune: some letters, not too long, not only digits. */
export function wordsAnswer(text: string): string | undefined {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed.length < 2 || trimmed.length > 80) return undefined;
  return /\p{L}{2}/u.test(normalizeText(trimmed)) ? trimmed : undefined;
}

/** An age ("34") or a birth year ("1990") as a birth year, or undefined when it can be neither. */
export function birthYearAnswer(turn: Turn, today: string): number | undefined {
  const n = readInteger(turn);
  return n === undefined ? undefined : birthYearFrom(n, today);
}

/**
 * The person is known: on to the campaign (or its services when one was picked from the list). The
 * commune just given is where the person lives: when it names a province, the place is not asked again.
 */
export async function afterPerson(state: ConversationState, ctx: StepContext): Promise<StepResult> {
  if (state.draft.campaignId !== undefined) return ctx.go('reg_service', state);
  const fromCommune = state.draft.commune !== undefined ? findProvince(state.draft.commune) : undefined;
  const provinceCode = state.draft.provinceCode ?? fromCommune ?? ctx.contact.provinceCode ?? undefined;
  if (provinceCode) return ctx.go('reg_campaign', state, { provinceCode });
  return ctx.go('place', state, { purpose: state.draft.service === 'blood_donation' ? 'donate' : 'register' });
}

export const registerPersonSteps: Partial<Record<ConversationState['step'], StepHandler>> = {
  reg_who: {
    journey: 'register',
    async enter(state, ctx) {
      const s = say(state, ctx);
      const choices = RELATIONS.map((id) => ({ id, label: s.t(`register:who.${id}`) }));
      return { state: { ...state, step: 'reg_who' }, replies: [s.ask(s.t('register:whoQuestion'), choices, { voice: 'register:whoQuestion' })], effects: [] };
    },
    async answer(state, turn, ctx) {
      const relation = pickOption(turn, RELATIONS);
      if (relation === undefined) return MISS;
      if (relation === 'self') {
        const me = await ctx.reader.selfBeneficiary(ctx.contact.id);
        // Their name, sex and age as registered before: the summary names them, services follow who they are.
        if (me) {
          const known = { fullName: me.full_name ?? undefined, sex: me.sex ?? undefined, birthYear: me.birth_year ?? undefined };
          return afterPerson({ ...state, draft: { ...state.draft, relation, beneficiaryId: me.id, ...known } }, ctx);
        }
      }
      return ctx.go('reg_name', state, { relation, beneficiaryId: undefined });
    },
  },
  reg_name: {
    journey: 'register',
    takesText: true,
    async enter(state, ctx) {
      const s = say(state, ctx);
      const key = state.draft.relation === 'self' ? 'register:nameSelf' : 'register:nameRelative';
      return { state: { ...state, step: 'reg_name' }, replies: [s.askFree(s.t(key), s.t('register:nameHow'))], effects: [] };
    },
    async answer(state, turn, ctx) {
      const fullName = wordsAnswer(turn.text);
      if (fullName === undefined) return MISS;
      return ctx.go('reg_sex', state, { fullName });
    },
  },
  reg_sex: {
    journey: 'register',
    async enter(state, ctx) {
      const s = say(state, ctx);
      // A child is a boy or a girl; nobody else is assumed to be a woman.
      const child = state.draft.relation === 'child';
      const choices = SEXES.map((id) => ({ id, label: s.t(child ? `register:sexChild.${id}` : `register:sex.${id}`) }));
      const [key, vars] = aboutPerson(state, 'register:sexSelf', child ? 'register:sexChildQuestion' : 'register:sexQuestion');
      return { state: { ...state, step: 'reg_sex' }, replies: [s.ask(s.t(key, vars), choices)], effects: [] };
    },
    async answer(state, turn, ctx) {
      const sex = pickOption(turn, SEXES);
      return sex === undefined ? MISS : ctx.go('reg_age', state, { sex });
    },
  },
  reg_age: {
    journey: 'register',
    async enter(state, ctx) {
      const s = say(state, ctx);
      const [key, vars] = aboutPerson(state, 'register:ageSelf', 'register:ageQuestion');
      return { state: { ...state, step: 'reg_age' }, replies: [s.askFree(s.t(key, vars), s.t('register:ageHow'))], effects: [] };
    },
    async answer(state, turn, ctx) {
      const birthYear = birthYearAnswer(turn, ctx.today);
      return birthYear === undefined ? MISS : ctx.go('reg_commune', state, { birthYear });
    },
  },
  reg_commune: {
    journey: 'register',
    takesText: true,
    async enter(state, ctx) {
      const s = say(state, ctx);
      const [key, vars] = aboutPerson(state, 'register:communeSelf', 'register:communeQuestion');
      return { state: { ...state, step: 'reg_commune' }, replies: [s.askFree(s.t(key, vars), s.t('register:communeHow'))], effects: [] };
    },
    async answer(state, turn, ctx) {
      const commune = wordsAnswer(turn.text);
      if (commune === undefined) return MISS;
      return afterPerson({ ...state, draft: { ...state.draft, commune } }, ctx);
    },
  },
};

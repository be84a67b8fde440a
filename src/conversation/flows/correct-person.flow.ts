// The right of rectification (law 09-08): a registered person's name, age or commune, one field at a
// time, read exactly as at registration, confirmed, then written with an audit row.
import type { Beneficiary } from '../../db/tables.ts';
import type { CorrectableField, PersonCorrection } from '../../domain/contacts/beneficiary-correction.ts';
import { pickOption, yesNo } from '../answers.ts';
import { MISS, type StepContext, type StepHandler, type StepResult, type Turn } from '../context.ts';
import { ageText, personName } from '../personal-data-text.ts';
import { say, type Say } from '../say.ts';
import type { ConversationState, Draft } from '../state.ts';
import { birthYearAnswer, wordsAnswer } from './register-person.flow.ts';

const FIELDS = ['fullName', 'birthYear', 'commune'] as const satisfies readonly CorrectableField[];
/** The question for each field, and how to answer it: the registration's own hint. */
const ASK: Record<CorrectableField, [question: string, how: string]> = {
  fullName: ['access:newName', 'register:nameHow'],
  birthYear: ['access:newAge', 'register:ageHow'],
  commune: ['access:newCommune', 'register:communeHow'],
};

/** The new value typed for `field`, read as the registration reads it; undefined when it does not fit. */
export function readCorrection(field: CorrectableField, turn: Turn, today: string): Partial<Draft> | undefined {
  if (field === 'birthYear') {
    const birthYear = birthYearAnswer(turn, today);
    return birthYear === undefined ? undefined : { birthYear };
  }
  const words = wordsAnswer(turn.text);
  if (words === undefined) return undefined;
  return field === 'fullName' ? { fullName: words } : { commune: words };
}

/** The correction the draft holds, once the field and its new value are known. */
function correctionOf(draft: Draft): PersonCorrection | undefined {
  const { correctField: field, fullName, birthYear, commune } = draft;
  if (field === 'fullName' && fullName !== undefined) return { field, value: fullName };
  if (field === 'birthYear' && birthYear !== undefined) return { field, value: birthYear };
  if (field === 'commune' && commune !== undefined) return { field, value: commune };
  return undefined;
}

function valueText(s: Say, field: CorrectableField, value: string | number | null, today: string): string {
  if (value === null) return s.t('access:notGiven');
  return field === 'birthYear' && typeof value === 'number' ? ageText(s, value, today) : String(value);
}

const storedValue = (p: Beneficiary, field: CorrectableField) => (field === 'fullName' ? p.full_name : field === 'birthYear' ? p.birth_year : p.commune);

/** The person being corrected, if still registered by this contact and not erased. */
async function chosen(state: ConversationState, ctx: StepContext): Promise<Beneficiary | undefined> {
  return (await ctx.reader.people(ctx.contact.id)).find((p) => p.id === state.draft.beneficiaryId);
}

function gone(state: ConversationState, ctx: StepContext): Promise<StepResult> {
  return ctx.go('menu', state, {}, [{ text: say(state, ctx).t('access:personGone') }]);
}

export const correctPersonSteps: Partial<Record<ConversationState['step'], StepHandler>> = {
  correct_person: {
    journey: 'correct',
    async enter(state, ctx) {
      const s = say(state, ctx);
      const people = await ctx.reader.people(ctx.contact.id);
      const fresh = { ...state, draft: {} };
      const [only] = people;
      if (only === undefined) return ctx.go('menu', state, {}, [{ text: s.t('access:noOneToCorrect') }]);
      if (people.length === 1) return ctx.go('correct_field', fresh, { beneficiaryId: only.id });
      const choices = people.map((p) => ({ id: `b${p.id}`, label: personName(s, p.full_name) }));
      return { state: { ...fresh, step: 'correct_person', draft: { options: choices.map((c) => c.id) } }, replies: [s.ask(s.t('access:correctWho'), choices)], effects: [] };
    },
    async answer(state, turn, ctx) {
      const picked = pickOption(turn, state.draft.options ?? []);
      if (picked === undefined) return MISS;
      return ctx.go('correct_field', state, { beneficiaryId: Number(picked.slice(1)) });
    },
  },
  correct_field: {
    journey: 'correct',
    async enter(state, ctx) {
      const s = say(state, ctx);
      const person = await chosen(state, ctx);
      if (!person) return gone(state, ctx);
      const choices = FIELDS.map((id) => ({ id, label: s.t(`access:field.${id}`) }));
      const question = s.t('access:correctField', { name: personName(s, person.full_name) });
      return { state: { ...state, step: 'correct_field' }, replies: [s.ask(question, choices)], effects: [] };
    },
    async answer(state, turn, ctx) {
      const correctField = pickOption(turn, FIELDS);
      return correctField === undefined ? MISS : ctx.go('correct_value', state, { correctField });
    },
  },
  correct_value: {
    journey: 'correct',
    takesText: true,
    async enter(state, ctx) {
      const s = say(state, ctx);
      const person = await chosen(state, ctx);
      const field = state.draft.correctField;
      if (!person) return gone(state, ctx);
      if (!field) return ctx.go('correct_field', state);
      const [question, how] = ASK[field];
      return { state: { ...state, step: 'correct_value' }, replies: [s.askFree(s.t(question, { name: personName(s, person.full_name) }), s.t(how))], effects: [] };
    },
    async answer(state, turn, ctx) {
      const field = state.draft.correctField;
      const patch = field === undefined ? undefined : readCorrection(field, turn, ctx.today);
      return patch === undefined ? MISS : ctx.go('correct_confirm', state, patch);
    },
  },
  correct_confirm: {
    journey: 'correct',
    async enter(state, ctx) {
      const s = say(state, ctx);
      const person = await chosen(state, ctx);
      const correction = correctionOf(state.draft);
      if (!person) return gone(state, ctx);
      if (!correction) return ctx.go('correct_field', state);
      const text = s.t('access:confirm', {
        field: s.t(`access:field.${correction.field}`),
        name: personName(s, person.full_name),
        before: valueText(s, correction.field, storedValue(person, correction.field), ctx.today),
        after: valueText(s, correction.field, correction.value, ctx.today),
      });
      const choices = [{ id: 'yes', label: s.t('access:confirmYes') }, { id: 'no', label: s.t('access:confirmNo') }];
      return { state: { ...state, step: 'correct_confirm' }, replies: [s.ask(text, choices)], effects: [] };
    },
    async answer(state, turn, ctx) {
      const s = say(state, ctx);
      const yes = yesNo(turn);
      const correction = correctionOf(state.draft);
      const beneficiaryId = state.draft.beneficiaryId;
      if (yes === undefined || correction === undefined || beneficiaryId === undefined) return MISS;
      if (!yes) return ctx.go('menu', state, {}, [{ text: s.t('access:unchanged') }]);
      return {
        state,
        replies: [],
        effects: [{ kind: 'correct_person', beneficiaryId, correction }],
        // Erased between the question and the answer: nothing was written, and the villager is told why.
        after: ([outcome]) => ctx.go('menu', state, {}, [{ text: s.t(outcome?.ok ? 'access:corrected' : 'access:personGone') }]),
      };
    },
  },
};

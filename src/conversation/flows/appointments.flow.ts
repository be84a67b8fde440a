// "My appointments": every appointment booked from this phone, to look at, cancel or move.
import type { ContactAppointment } from '../../domain/appointments/contact-appointments.ts';
import { formatConfirmationCode } from '../../domain/appointments/confirmation-code.ts';
import { isolateIn } from '../../i18n/bidi.ts';
import { formatDay, formatWindow, formatWindowShort } from '../../i18n/dates.ts';
import { pickOption, yesNo } from '../answers.ts';
import { localized, serviceName } from '../campaign-text.ts';
import { MISS, type StepContext, type StepHandler } from '../context.ts';
import { say, type Say } from '../say.ts';
import type { ConversationState } from '../state.ts';

function whoFor(s: Say, a: ContactAppointment): string {
  return a.beneficiary.name ?? s.t(`register:who.${a.beneficiary.relation}`);
}

function describe(s: Say, a: ContactAppointment): string {
  return s.t('appointments:line', {
    who: whoFor(s, a),
    service: serviceName(s, a.service),
    day: formatDay(a.day, s.locale),
    window: formatWindow(a.startsAt, a.endsAt, s.locale),
    campaign: localized(a.campaign.title, s.locale),
    code: formatConfirmationCode(a.code),
  });
}

/** "No appointment", or, for people on the waiting list, that they wait and for what: not "nothing". */
async function nothingBooked(s: Say, ctx: StepContext): Promise<string> {
  const waiting = await ctx.reader.waiting(ctx.contact.id, ctx.today);
  if (waiting.length === 0) return s.t('appointments:none');
  const lines = waiting.map((w) =>
    `• ${s.t('appointments:waitingLine', {
      who: w.name ?? s.t(`register:who.${w.relation}`),
      service: serviceName(s, w.service),
      campaign: localized(w.campaignTitle, s.locale),
      day: w.day === null ? s.t('appointments:anyDay') : formatDay(w.day, s.locale),
    })}`,
  );
  return [s.t('appointments:noneButWaiting'), ...lines, s.t('appointments:waitingNext')].join('\n');
}

async function chosen(state: ConversationState, ctx: StepContext): Promise<ContactAppointment | undefined> {
  const all = await ctx.reader.appointments(ctx.contact.id, ctx.today);
  return all.find((a) => a.id === state.draft.appointmentId);
}

export const appointmentSteps: Partial<Record<ConversationState['step'], StepHandler>> = {
  appt_list: {
    journey: 'appointments',
    async enter(state, ctx) {
      const s = say(state, ctx);
      const list = await ctx.reader.appointments(ctx.contact.id, ctx.today);
      if (list.length === 0) return ctx.go('menu', state, {}, [{ text: await nothingBooked(s, ctx) }]);
      const purpose = state.draft.apptPurpose ?? 'view';
      const only = list.length === 1 ? list[0] : undefined;
      if (only && purpose === 'cancel') return ctx.go('appt_cancel_confirm', state, { appointmentId: only.id });
      if (only && purpose === 'reschedule') return ctx.go('appt_resched_window', state, { appointmentId: only.id });
      const text = [s.t('appointments:header', { count: list.length }), ...list.map((a) => `• ${describe(s, a)}`), s.t('appointments:pick')].join('\n\n');
      const choices = list.map((a) => ({ id: `a${a.id}`, label: isolateIn(s.locale, whoFor(s, a)), detail: formatDay(a.day, s.locale) }));
      return { state: { ...state, step: 'appt_list', draft: { ...state.draft, options: choices.map((c) => c.id) } }, replies: [s.ask(text, choices)], effects: [] };
    },
    async answer(state, turn, ctx) {
      const picked = pickOption(turn, state.draft.options ?? []);
      if (picked === undefined) return MISS;
      const id = Number(picked.slice(1));
      const next = state.draft.apptPurpose === 'cancel' ? 'appt_cancel_confirm' : state.draft.apptPurpose === 'reschedule' ? 'appt_resched_window' : 'appt_action';
      return ctx.go(next, state, { appointmentId: id });
    },
  },
  appt_action: {
    journey: 'appointments',
    async enter(state, ctx) {
      const s = say(state, ctx);
      const a = await chosen(state, ctx);
      if (!a) return ctx.go('appt_list', state);
      const choices = [{ id: 'cancel', label: s.t('appointments:cancel') }, { id: 'reschedule', label: s.t('appointments:reschedule') }];
      return { state: { ...state, step: 'appt_action' }, replies: [s.ask(describe(s, a), choices)], effects: [] };
    },
    async answer(state, turn, ctx) {
      const picked = pickOption(turn, ['cancel', 'reschedule']);
      if (picked === undefined) return MISS;
      return ctx.go(picked === 'cancel' ? 'appt_cancel_confirm' : 'appt_resched_window', state);
    },
  },
  appt_cancel_confirm: {
    journey: 'appointments',
    async enter(state, ctx) {
      const s = say(state, ctx);
      const a = await chosen(state, ctx);
      if (!a) return ctx.go('appt_list', state);
      const choices = [{ id: 'yes', label: s.t('appointments:cancelYes') }, { id: 'no', label: s.t('appointments:cancelNo') }];
      return { state: { ...state, step: 'appt_cancel_confirm' }, replies: [s.ask(s.t('appointments:cancelQuestion', { appointment: describe(s, a) }), choices)], effects: [] };
    },
    async answer(state, turn, ctx) {
      const yes = yesNo(turn);
      const appointmentId = state.draft.appointmentId;
      if (yes === undefined || appointmentId === undefined) return MISS;
      const s = say(state, ctx);
      if (!yes) return ctx.go('menu', state, {}, [{ text: s.t('appointments:kept') }]);
      return {
        state,
        replies: [],
        effects: [{ kind: 'cancel', appointmentId }],
        after: ([outcome]) => ctx.go('menu', state, {}, [{ text: s.t(outcome?.ok ? 'appointments:cancelled' : 'appointments:notActive') }]),
      };
    },
  },
  appt_resched_window: {
    journey: 'appointments',
    async enter(state, ctx) {
      const s = say(state, ctx);
      const a = await chosen(state, ctx);
      if (!a) return ctx.go('appt_list', state);
      const windows = (await ctx.reader.availability({ campaignId: a.campaign.id, service: a.service, fromDay: ctx.today }))
        .filter((w) => w.remaining > 0 && w.slotId !== a.slotId)
        .slice(0, 10);
      if (windows.length === 0) return ctx.go('menu', state, {}, [{ text: s.t('appointments:noOtherTime') }]);
      const choices = windows.map((w) => ({ id: `s${w.slotId}`, label: formatDay(w.day, s.locale), detail: `${formatWindowShort(w.startsAt, w.endsAt)} · ${s.t('campaigns:placesLeft', { count: w.remaining })}` }));
      return {
        state: { ...state, step: 'appt_resched_window', draft: { ...state.draft, options: choices.map((c) => c.id) } },
        replies: [s.ask(s.t('appointments:rescheduleQuestion'), choices)],
        effects: [],
      };
    },
    async answer(state, turn, ctx) {
      const picked = pickOption(turn, state.draft.options ?? []);
      const appointmentId = state.draft.appointmentId;
      if (picked === undefined || appointmentId === undefined) return MISS;
      const toSlotId = Number(picked.slice(1));
      const s = say(state, ctx);
      return {
        state,
        replies: [],
        effects: [{ kind: 'reschedule', appointmentId, toSlotId }],
        after: async ([outcome]) => {
          if (outcome?.ok) {
            const moved = await chosen(state, ctx);
            return ctx.go('menu', state, {}, [{ text: s.t('appointments:moved', { appointment: moved ? describe(s, moved) : '' }) }]);
          }
          if (outcome?.reason === 'slot_full') return ctx.go('appt_resched_window', state, {}, [{ text: s.t('appointments:justFilled') }]);
          return ctx.go('menu', state, {}, [{ text: s.t('appointments:notActive') }]);
        },
      };
    },
  },
};

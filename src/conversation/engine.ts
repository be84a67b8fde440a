// The dialogue step: (state, message, understanding, context) -> (new state, replies, effects).
// It reads through the context but never writes: effects are applied by the caller, in one transaction.
import type { Understanding } from '../understanding/intents.ts';
import { localeFromUnderstanding, pickOption, yesNo } from './answers.ts';
import { MISS, type StepContext, type StepHandler, type StepResult, type Turn } from './context.ts';
import type { Inbound } from './inbound.ts';
import { rememberRequest, switchLanguage } from './flows/first-contact.flow.ts';
import { openHandoff, openMenuEntry } from './flows/menu.flow.ts';
import { optOut } from './flows/stop.flow.ts';
import { findProvince } from './place-lookup.ts';
import { say } from './say.ts';
import { BEFORE_CONSENT, type ConversationState, type Draft, type Step } from './state.ts';
import { STEP_HANDLERS } from './steps.ts';

/** A conversation silent for longer than this starts over at the menu. */
export const IDLE_RESET_MS = 24 * 60 * 60 * 1000;
const MISSES_BEFORE_PERSON = 3;
const RESTING: ReadonlySet<Step> = new Set(['new', 'menu', 'handoff']);
/** Requests that interrupt even a question expecting words. */
const INTERRUPTING: ReadonlySet<string> = new Set(['cancel', 'human', 'delete_data']);

export type StepContextBase = Omit<StepContext, 'go'>;

/**
 * @example
 * const result = await conversationStep(state, { channel: 'terminal', from: '+212600000001', text: '1' }, understand('1'), ctx);
 * result.replies[0]?.text;
 */
export async function conversationStep(state: ConversationState, inbound: Inbound, understanding: Understanding, base: StepContextBase): Promise<StepResult> {
  const ctx: StepContext = {
    ...base,
    async go(step: Step, from: ConversationState, patch: Partial<Draft> = {}, before = []) {
      const draft = step === 'menu' ? {} : { ...from.draft, ...patch };
      const entered = await STEP_HANDLERS[step].enter({ ...from, step, draft }, ctx);
      return { ...entered, replies: [...before, ...entered.replies] };
    },
  };
  const hasText = (inbound.text ?? '').trim() !== '';
  const locale = followScript(state.locale, understanding, expectsWords(STEP_HANDLERS[state.step])) ?? inbound.localeHint ?? (hasText ? localeFromUnderstanding(understanding) : 'ary');
  const idle = state.lastAt !== null && base.now.getTime() - Date.parse(state.lastAt) > IDLE_RESET_MS && !RESTING.has(state.step);
  const turn: Turn = { inbound, understanding, text: (inbound.text ?? '').trim() };
  // Anything but a voice note ends a run of them.
  const spoke = inbound.media === 'voice' && turn.text === '' ? {} : { voiceNotes: undefined };
  const current: ConversationState = { ...state, locale, lastAt: base.now.toISOString(), ...spoke, ...(idle ? { step: 'menu', draft: {}, misses: 0 } : {}) };
  const result = await route(current, turn, ctx, idle);
  return { ...result, state: { ...result.state, lastAt: current.lastAt } };
}

async function route(state: ConversationState, turn: Turn, ctx: StepContext, idle: boolean): Promise<StepResult> {
  const s = say(state, ctx);
  const intent = turn.inbound.choice !== undefined ? 'choice' : turn.understanding.intent;
  const handler = STEP_HANDLERS[state.step];

  // Safety first, whatever the step, the consent or the opt-out. Where a name is the answer, a name one
  // letter from an emergency word ("Nazih", "Nadif" and "nazif") is the name: only exact words count there.
  if (intent === 'emergency' && !(turn.understanding.approximate && expectsWords(handler))) {
    const numbers = { text: s.t('common:emergency', { samu: ctx.safety.samu, civil: ctx.safety.civil }) };
    const ticket = { kind: 'open_ticket' as const, reason: 'emergency' as const, urgent: true, text: turn.text };
    // After STOP, or while a person holds the ticket, the numbers and "someone is told" are all they get.
    if (ctx.contact.optedOut || (state.step === 'handoff' && ctx.contact.hasOpenTicket)) return { state, replies: [numbers], effects: [ticket] };
    const again = await handler.enter(state, ctx);
    return { ...again, replies: [numbers, ...again.replies], effects: [ticket, ...again.effects] };
  }
  if (ctx.contact.optedOut) {
    if (intent === 'subscribe') {
      const next = ctx.contact.consented ? await ctx.go('menu', state, {}, [{ text: s.t('alerts:optedIn') }]) : await ctx.go('consent', state);
      return { ...next, effects: [{ kind: 'opt_in' }, ...next.effects] };
    }
    if (intent === 'delete_data' && ctx.contact.consented) return ctx.go('delete_confirm', state);
    // Erasure stays possible after STOP: its confirmation is answered like any question.
    if (state.step === 'delete_confirm') return answerOrReask(state, turn, ctx);
    return { state, replies: [{ text: s.t('common:stopConfirmed') }], effects: [] };
  }
  if (intent === 'stop') return optOut(state, ctx);
  // A stop word among others is asked about; where a name is the answer ("Baraka Fatima") it is the name.
  if (intent === 'maybe_stop' && state.step !== 'stop_confirm' && !expectsWords(handler)) {
    // The "1" that answers this question must not confirm a reminder or a recall just sent.
    return ctx.go('stop_confirm', { ...state, reminder: undefined, recall: undefined }, { stopFrom: state.step });
  }
  if (state.step === 'handoff' && ctx.contact.hasOpenTicket) {
    // A person is handling this contact: keep what they write for the ticket, say nothing.
    const text = turn.text !== '' ? turn.text : `[${turn.inbound.media ?? (turn.inbound.location ? 'location' : 'choice')}]`;
    const voice = turn.text === '' && turn.inbound.media === 'voice' ? { voice: true as const } : {};
    return { state, replies: [], effects: [{ kind: 'ticket_message', text, ...voice }] };
  }
  if (turn.inbound.phoneShared && turn.inbound.phone) return phoneShared(state, turn.inbound.phone, ctx);
  if (turn.text === '' && turn.inbound.choice === undefined && !turn.inbound.location) {
    if (turn.inbound.media === 'voice' && ctx.contact.consented) return voiceNote(state, turn, ctx);
    const again = await handler.enter(state, ctx);
    // Staff can listen or look where the bot cannot: a voice note or picture goes to a ticket (a new one, or the open one).
    const media = turn.inbound.media;
    const kept: StepResult['effects'] =
      media && ctx.contact.consented ? [ctx.contact.hasOpenTicket ? { kind: 'ticket_message', text: `[${media}]` } : { kind: 'open_ticket', reason: 'media', urgent: false, text: `[${media}]` }] : [];
    return { ...again, replies: [{ text: s.t('common:cannotRead') }, ...again.replies], effects: [...kept, ...again.effects] };
  }
  if (!ctx.contact.consented) {
    if (intent === 'change_language') return ctx.go('language', state);
    if (state.step === 'stop_confirm') return answerOrReask(state, turn, ctx);
    state = rememberRequest(state, turn);
    const step = BEFORE_CONSENT.has(state.step) ? state.step : 'new';
    // Small talk before consent is not a wrong answer: greet and show the notice again.
    if (step !== 'new' && (intent === 'greeting' || intent === 'help' || intent === 'thanks')) return ctx.go(step, state, {}, [{ text: s.t('common:hello') }]);
    return answerOrReask({ ...state, step }, turn, ctx);
  }
  // Telegram sends /start when someone opens the bot again ("Restart"): a villager already here gets
  // the menu (after STOP, /start came in above as the request to start again).
  if (/^\/start\b/i.test(turn.text)) return ctx.go('menu', { ...state, reminder: undefined, recall: undefined });
  if (state.reminder) {
    const answered = await reminderAnswer({ ...state, reminder: undefined }, state.reminder.appointmentId, turn, ctx);
    if (answered) return answered;
    state = { ...state, reminder: undefined };
  }
  if (state.recall) {
    const answered = await recallAnswer({ ...state, recall: undefined }, state.recall.campaignId, turn, ctx);
    if (answered) return answered;
    state = { ...state, recall: undefined };
  }
  // Back from a person (the ticket was closed) or from a day of silence: say so, then start at the menu.
  const resumed = state.step === 'handoff';
  const before = resumed ? [{ text: s.t('handoff:closed') }] : idle ? [{ text: s.t('common:welcomeBack') }] : [];
  const from = resumed ? { ...state, step: 'menu' as const, draft: {} } : state;
  const global = await globalIntent(from, turn, ctx, intent);
  if (global) return { ...global, replies: [...before, ...global.replies] };
  if (idle || resumed) return ctx.go('menu', from, {}, before);
  return answerOrReask(from, turn, ctx);
}

/**
 * Many villagers cannot read: their voice note goes to a person (a new ticket, or the open one), and they
 * hear back that someone will listen, or, when the channel could not hand us the audio, that someone will
 * write; with the menu's number either way. The question they were on stays open.
 */
/** Voice notes in a row after which a villager is sent the recorded prompts as well as the text. */
export const VOICE_ONLY_AFTER = 2;

function voiceNote(state: ConversationState, turn: Turn, ctx: StepContext): StepResult {
  const s = say(state, ctx);
  const text = '[voice]';
  const kept: StepResult['effects'] = [ctx.contact.hasOpenTicket ? { kind: 'ticket_message', text, voice: true } : { kind: 'open_ticket', reason: 'voice', urgent: false, text, voice: true }];
  // Only audio we hold can be listened to: a channel that could not fetch it (or fetches none) gets "a person will write".
  const heard = turn.inbound.voice?.audio !== undefined && turn.inbound.voice.audio.length > 0;
  const replies = [{ text: s.t(heard ? 'handoff:voiceHeard' : 'handoff:voiceLost') }];
  // A second voice note with no written word between: this villager may not read, so the recordings go too.
  const voiceNotes = (state.voiceNotes ?? 0) + 1;
  if (voiceNotes < VOICE_ONLY_AFTER || ctx.contact.voicePrompts) return { state: { ...state, voiceNotes }, replies, effects: kept };
  return { state: { ...state, voiceNotes }, replies: [...replies, { text: s.t('language:voiceOnDone') }], effects: [...kept, { kind: 'set_voice', on: true }] };
}

/** Clear requests that take precedence over the question being asked. */
async function globalIntent(state: ConversationState, turn: Turn, ctx: StepContext, intent: string): Promise<StepResult | undefined> {
  const s = say(state, ctx);
  const handler = STEP_HANDLERS[state.step];
  const journey = handler.journey;
  // Where free text is the answer, "0" or "menu" alone goes back; "Enfant 0" or "Sidi 0" is an answer.
  const alone = !handler.takesText || turn.text.trim().split(/\s+/).length === 1;
  const back = intent === 'choice' && turn.inbound.choice === undefined && turn.understanding.entities.number === 0 && alone;
  if (back) return ctx.go('menu', state);
  // Where a name or a commune is expected ("Salam Amrani", "Hajar"), only the requests that must never
  // be missed interrupt, and only when heard in exact words: the learned table reads "Said Amellal" as
  // asking for a person because "Said" was once the doctor asked for. The rest is the answer.
  if (expectsWords(handler) && (!INTERRUPTING.has(intent) || turn.understanding.approximate === true)) return undefined;
  switch (intent) {
    case 'change_language': {
      const wanted = turn.understanding.entities.language;
      if (wanted === 'fr' || wanted === 'ar' || wanted === 'shi') return switchLanguage(state, wanted, ctx);
      if (wanted === 'ary') return switchLanguage(state, turn.understanding.script === 'latn' ? 'ary-Latn' : 'ary', ctx);
      return ctx.go('language', state);
    }
    case 'delete_data':
      return ctx.go('delete_confirm', state);
    case 'my_data':
      return ctx.go('my_data', state);
    case 'correct_data':
      return journey === 'correct' ? undefined : ctx.go('correct_person', state);
    case 'human':
      return openHandoff(state, ctx, 'asked');
    case 'cancel':
      if (journey === 'correct') return ctx.go('menu', state, {}, [{ text: s.t('access:unchanged') }]);
      if (journey === 'register' || journey === 'donate' || journey === 'place') {
        // Someone who already holds an appointment most likely means that one: stop the new
        // registration and ask about theirs, rather than say "nothing was registered".
        const held = await ctx.reader.appointments(ctx.contact.id, ctx.today);
        if (held.length === 0) return ctx.go('menu', state, {}, [{ text: s.t('register:abandoned') }]);
        return ctx.go('appt_list', { ...state, draft: {} }, { apptPurpose: 'cancel' }, [{ text: s.t('register:abandonedAppointmentsKept') }]);
      }
      return ctx.go('appt_list', state, { apptPurpose: 'cancel' });
    case 'reschedule':
      return ctx.go('appt_list', state, { apptPurpose: 'reschedule' });
    case 'my_appointments':
      return journey === 'appointments' ? undefined : ctx.go('appt_list', state, { apptPurpose: 'view' });
    case 'donate_blood':
      return journey === 'donate' ? undefined : openMenuEntry('donate', state, ctx);
    case 'book': {
      if (journey === 'register') return undefined;
      const service = turn.understanding.entities.service;
      return ctx.go('reg_who', state, service ? { service } : {});
    }
    case 'campaigns_info': {
      if (journey === 'place') return undefined;
      const provinceCode = findProvince(turn.text);
      if (provinceCode) return ctx.go('campaign_list', state, { purpose: 'campaigns', provinceCode });
      return openMenuEntry('campaigns', state, ctx);
    }
    case 'subscribe':
      return ctx.go('place', state, { purpose: 'alerts' });
    case 'help':
    case 'greeting': {
      const again = await handler.enter(state, ctx);
      return { ...again, replies: [{ text: s.t(intent === 'help' ? 'common:help' : 'common:hello') }, ...again.replies] };
    }
    case 'thanks':
      return handler.takesText ? undefined : { state, replies: [{ text: [s.t('common:youAreWelcome'), s.t('common:backToMenu')].join('\n') }], effects: [] };
    default:
      return undefined;
  }
}

/** A name or a commune is the answer here (not a place, which may come with a question about it). */
function expectsWords(handler: StepHandler): boolean {
  return handler.takesText === true && handler.journey !== 'place';
}

/** Gives the answer to the step; one that does not fit is re-asked with a hint, and three offer a person. */
async function answerOrReask(state: ConversationState, turn: Turn, ctx: StepContext): Promise<StepResult> {
  const handler = STEP_HANDLERS[state.step];
  const answered = await handler.answer(state, turn, ctx);
  if (answered !== MISS) return { ...answered, state: { ...answered.state, misses: 0 } };
  const misses = state.misses + 1;
  if (misses >= MISSES_BEFORE_PERSON && ctx.contact.consented) return ctx.go('offer_person', { ...state, misses: 0 });
  const s = say(state, ctx);
  const again = await (handler.reask ?? handler.enter)({ ...state, misses }, ctx);
  return { ...again, state: { ...again.state, misses }, replies: [{ text: s.t('common:notUnderstood', { hint: s.t('common:hintRead') }) }, ...again.replies] };
}

/**
 * Darija is answered in the script it is written in: a clear Darija request in the other script switches. Where a name
 * or a commune is the answer, a request only guessed ("Douar Ait Hmad" read as correcting data) is the answer, and
 * keeps the script.
 */
function followScript(current: ConversationState['locale'], u: Understanding, answering: boolean): ConversationState['locale'] {
  const clear = u.intent !== 'unknown' && u.intent !== 'choice' && u.locale === 'ary' && !(answering && u.approximate === true);
  if (!clear) return current;
  if (current === 'ary' && u.script === 'latn') return 'ary-Latn';
  if (current === 'ary-Latn' && u.script === 'arab') return 'ary';
  return current;
}

/** The villager pressed "share my number": kept only with consent, then back to the question. */
async function phoneShared(state: ConversationState, phone: string, ctx: StepContext): Promise<StepResult> {
  if (!ctx.contact.consented) return ctx.go(BEFORE_CONSENT.has(state.step) && state.step !== 'new' ? state.step : 'consent', state);
  const s = say(state, ctx);
  return {
    state,
    replies: [],
    effects: [{ kind: 'link_phone', phone }],
    after: async ([outcome]) => {
      const linked = outcome?.ok ? (outcome.linked ?? 'noted') : 'invalid';
      const thanks = { text: s.t(`phone:${linked === 'kept_apart' ? 'keptApart' : linked}`) };
      // Joined to another contact: that contact's conversation takes over from the next message.
      if (linked === 'joined') return { state: { ...state, step: 'menu', draft: {} }, replies: [thanks] };
      const again = await STEP_HANDLERS[state.step].enter(state, ctx);
      return { ...again, replies: [thanks, ...again.replies] };
    },
  };
}

/** The message right after a donor recall: 1 (or yes) starts the donor questions for that drive, 2 (or no) stops the recalls. */
async function recallAnswer(state: ConversationState, campaignId: number, turn: Turn, ctx: StepContext): Promise<StepResult | undefined> {
  const byButton = pickOption(turn, ['recall_book', 'recall_stop']);
  const answer = byButton ?? (yesNo(turn) === true ? 'recall_book' : yesNo(turn) === false ? 'recall_stop' : undefined);
  if (answer === 'recall_book') return ctx.go('donor_sex', state, { campaignId, service: 'blood_donation', relation: 'self', purpose: 'donate' });
  if (answer !== 'recall_stop') return undefined;
  const s = say(state, ctx);
  return { state, replies: [], effects: [{ kind: 'donor_recall', on: false }], after: () => ctx.go('menu', state, {}, [{ text: s.t('donor:recallOff') }]) };
}

/** The message right after a reminder: 1 (or yes) confirms, 2 (or no) cancels; anything else goes on as usual. */
async function reminderAnswer(state: ConversationState, appointmentId: number, turn: Turn, ctx: StepContext): Promise<StepResult | undefined> {
  const byButton = pickOption(turn, ['reminder_confirm', 'reminder_cancel']);
  const answer = byButton ?? (yesNo(turn) === true ? 'reminder_confirm' : yesNo(turn) === false ? 'reminder_cancel' : undefined);
  if (!answer) return undefined;
  const s = say(state, ctx);
  const confirm = answer === 'reminder_confirm';
  return {
    state,
    replies: [],
    effects: [confirm ? { kind: 'confirm_attendance', appointmentId } : { kind: 'cancel', appointmentId }],
    after: ([outcome]) => {
      const key = !outcome?.ok ? 'appointments:notActive' : confirm ? 'reminders:confirmed' : 'appointments:cancelled';
      return ctx.go('menu', state, {}, [{ text: s.t(key) }]);
    },
  };
}

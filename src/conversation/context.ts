// What a step may know and read. Reads go through the reader (bound to the message's transaction);
// writes are never made here: a step returns effects.
import type { Beneficiary, LocalizedText } from '../db/tables.ts';
import type { ContactAppointment } from '../domain/appointments/contact-appointments.ts';
import type { UpcomingCampaign, CampaignQuery } from '../domain/campaigns/campaign-finder.ts';
import type { WindowAvailability } from '../domain/campaigns/availability.ts';
import type { PersonalData } from '../domain/contacts/personal-data.ts';
import type { DonorRules } from '../domain/donors/donor-rules.ts';
import type { Translate } from '../i18n/translator.ts';
import type { Understanding } from '../understanding/intents.ts';
import type { Effect, Outcome } from './effects.ts';
import type { Inbound } from './inbound.ts';
import type { Reply } from './reply.ts';
import type { ConversationState, Draft, Step } from './state.ts';

export interface ConversationReader {
  campaigns(query: CampaignQuery): Promise<UpcomingCampaign[]>;
  /** One upcoming published campaign, or undefined when it is over, closed or unknown. */
  campaign(id: number, today: string): Promise<UpcomingCampaign | undefined>;
  availability(query: { campaignId: number; service: string; fromDay: string }): Promise<WindowAvailability[]>;
  appointments(contactId: number, fromDay: string): Promise<ContactAppointment[]>;
  /** Places the contact's people wait for (the waiting list) in campaigns not over on `today`. */
  waiting(contactId: number, today: string): Promise<WaitingPlace[]>;
  selfBeneficiary(contactId: number): Promise<Beneficiary | undefined>;
  /** The people this contact registered whose data was not erased, in the order they were registered. */
  people(contactId: number): Promise<Beneficiary[]>;
  /** Everything kept about the contact and the people they registered. */
  personalData(contactId: number): Promise<PersonalData>;
  /** The rules of the organisation running the soonest blood drive, or the defaults. */
  donorRules(today: string): Promise<DonorRules>;
}

export interface WaitingPlace {
  name: string | null;
  relation: Beneficiary['relation'];
  service: string;
  campaignTitle: LocalizedText;
  /** The day asked for, or null for any day of the campaign. */
  day: string | null;
}

export interface ContactFacts {
  id: number;
  consented: boolean;
  optedOut: boolean;
  provinceCode: string | null;
  hasOpenTicket: boolean;
  /** Whether we know the contact's phone number (WhatsApp gives it; Telegram only if shared). */
  hasPhone: boolean;
  /** The contact asked to be told when they may give blood again. */
  donorRecall: boolean;
  /** The contact asked for recorded voice prompts beside the text. */
  voicePrompts: boolean;
}

export interface SafetyNumbers {
  samu: string;
  civil: string;
}

export interface StepContext {
  /** Moves to a step: asks its question (or skips it when there is nothing to ask), after `before`. */
  go(step: Step, state: ConversationState, patch?: Partial<Draft>, before?: Reply[]): Promise<StepResult>;
  now: Date;
  /** Today in the campaigns' time zone, 'YYYY-MM-DD'. */
  today: string;
  contact: ContactFacts;
  t: Translate;
  reader: ConversationReader;
  safety: SafetyNumbers;
  /** The channel can ask for the phone number (a button) and we do not know it yet. */
  canAskPhone: boolean;
}

/** The message as the step sees it: what arrived and what understanding made of its text. */
export interface Turn {
  inbound: Inbound;
  understanding: Understanding;
  /** The text, trimmed; '' for a button press, a location or a picture. */
  text: string;
}

export interface StepResult {
  state: ConversationState;
  replies: Reply[];
  effects: Effect[];
  /** Called with the effects' outcomes, in order, once they are applied: a booking's code or refusal. */
  after?: (outcomes: Outcome[]) => Promise<{ state: ConversationState; replies: Reply[] }> | { state: ConversationState; replies: Reply[] };
}

/** An answer that does not fit the question: re-asked with a hint, and counted. */
export const MISS = Symbol('miss');
export type Miss = typeof MISS;

export interface StepHandler {
  /** Asks the step's question; may skip ahead when there is nothing to choose. */
  enter(state: ConversationState, ctx: StepContext): Promise<StepResult>;
  /**
   * Asks again after an answer that did not fit, when `enter` says much more than the question (a list of
   * campaigns): the question's line and the choices only. `enter` is used when absent.
   */
  reask?(state: ConversationState, ctx: StepContext): Promise<StepResult>;
  /** Reads the villager's answer. */
  answer(state: ConversationState, turn: Turn, ctx: StepContext): Promise<StepResult | Miss>;
  /** Free text is the answer here (a name, a commune, a place), so unclear intents do not interrupt. */
  takesText?: boolean;
  /** Steps of a journey that a clear "cancel" abandons (rather than cancelling an appointment). */
  journey?: 'register' | 'donate' | 'appointments' | 'place' | 'correct';
}

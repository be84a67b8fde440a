// The dialogue state saved per contact: the step, what has been gathered so far, and when.
import { z } from 'zod';
import { LOCALES } from '../i18n/locales.ts';

export const STEPS = [
  'new', 'language', 'consent', 'consent_declined', 'menu', 'offer_person', 'handoff', 'delete_confirm',
  'place', 'region', 'province', 'campaign_list',
  'reg_who', 'reg_name', 'reg_sex', 'reg_age', 'reg_commune', 'reg_campaign', 'reg_service', 'reg_day', 'reg_window',
  'reg_confirm', 'reg_full',
  'appt_list', 'appt_action', 'appt_cancel_confirm', 'appt_resched_window',
  'donor_sex', 'donor_age', 'donor_weight', 'donor_given', 'donor_months', 'donor_count', 'donor_event',
  'donor_event_months', 'donor_pregnancy', 'donor_name', 'donor_recall',
  'checkin_pain', 'checkin_fever', 'checkin_wound', 'checkin_bleeding', 'checkin_eating',
  'my_data', 'my_data_next', 'correct_person', 'correct_field', 'correct_value', 'correct_confirm',
  'stop_confirm',
] as const;
export const StepSchema = z.enum(STEPS);
export type Step = z.infer<typeof StepSchema>;
/** The steps of a contact who has not accepted the notice yet. */
export const BEFORE_CONSENT: ReadonlySet<Step> = new Set(['new', 'language', 'consent', 'consent_declined']);

export const LocaleSchema = z.enum(LOCALES);
/** Why the villager is choosing a place: the answer leads to a different next step. */
export const PlacePurposeSchema = z.enum(['campaigns', 'register', 'donate', 'alerts']);
export type PlacePurpose = z.infer<typeof PlacePurposeSchema>;

/** Everything a journey gathers before its confirm step; cleared when the villager goes back to the menu. */
export const DraftSchema = z.object({
  purpose: PlacePurposeSchema.optional(),
  regionCode: z.string().optional(),
  provinceCode: z.string().optional(),
  point: z.object({ lat: z.number(), lon: z.number() }).optional(),
  /** Ids offered by the current numbered list, so "2" means what the villager saw. */
  options: z.array(z.string()).optional(),
  relation: z.enum(['self', 'child', 'parent', 'spouse', 'sibling', 'other']).optional(),
  beneficiaryId: z.number().int().optional(),
  fullName: z.string().optional(),
  sex: z.enum(['female', 'male']).optional(),
  birthYear: z.number().int().optional(),
  commune: z.string().optional(),
  campaignId: z.number().int().optional(),
  service: z.string().optional(),
  day: z.string().optional(),
  slotId: z.number().int().optional(),
  appointmentId: z.number().int().optional(),
  /** What the appointments list is for: a plain look, or a cancel/reschedule asked in free text. */
  apptPurpose: z.enum(['view', 'cancel', 'reschedule']).optional(),
  weightKg: z.number().optional(),
  lastDonationMonths: z.number().int().optional(),
  donationsLastYear: z.number().int().optional(),
  eventCode: z.string().optional(),
  eventMonths: z.number().int().optional(),
  pregnant: z.boolean().optional(),
  breastfeeding: z.boolean().optional(),
  /** The field of `beneficiaryId` being corrected; its new value waits in fullName, birthYear or commune. */
  correctField: z.enum(['fullName', 'birthYear', 'commune']).optional(),
  /** The post-operative check-in being answered (its notification). */
  checkinNotificationId: z.number().int().optional(),
  /** What a first message asked for, carried across the consent notice and taken up once it is accepted. */
  request: z.enum(['register', 'donate', 'campaigns']).optional(),
  /** The step a "stop?" question interrupted, resumed when the villager says they do not want to stop. */
  stopFrom: StepSchema.optional(),
});
export type Draft = z.infer<typeof DraftSchema>;

export const ConversationStateSchema = z.object({
  v: z.literal(1),
  step: StepSchema,
  /** The language the villager reads; null until the first message. */
  locale: LocaleSchema.nullable(),
  draft: DraftSchema,
  /** Answers in a row that did not fit the question; three offer a person. */
  misses: z.number().int().min(0),
  /** ISO instant of the last message, to start over after a day of silence. */
  lastAt: z.string().nullable(),
  /** A reminder just sent: the next "1" or "2" answers it. */
  reminder: z.object({ appointmentId: z.number().int(), sentAt: z.string() }).optional(),
  /** A donor recall just sent, inviting to this drive: the next "1" books, "2" stops the recalls. */
  recall: z.object({ campaignId: z.number().int(), sentAt: z.string() }).optional(),
  /** Voice notes in a row with no written word between: a villager who only speaks is sent the recordings too. */
  voiceNotes: z.number().int().min(1).optional(),
});
export type ConversationState = z.infer<typeof ConversationStateSchema>;

export function initialState(): ConversationState {
  return { v: 1, step: 'new', locale: null, draft: {}, misses: 0, lastAt: null };
}

/**
 * A consented contact whose conversation was let go after long silence (the retention job keeps the
 * contact, not the state): back at the menu in their language, not shown the consent notice again.
 */
export function returningState(locale: ConversationState['locale']): ConversationState {
  return { v: 1, step: 'menu', locale, draft: {}, misses: 0, lastAt: null };
}

/** A saved state that no longer parses (an older shape) starts over rather than failing the villager. */
export function parseState(stored: unknown): ConversationState {
  const parsed = ConversationStateSchema.safeParse(stored);
  return parsed.success ? parsed.data : initialState();
}

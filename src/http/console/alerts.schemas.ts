// Post-operative alerts as the medical staff read and act on them. Shared by the routes and the web
// console: a renamed field breaks both type checks. Imports zod only.
import { z } from 'zod';
import { PageQuerySchema } from '../../domain/pagination.ts';
import { LocalizedTextSchema } from './capacity.schemas.ts';

/** `urgent`: a red flag that cannot wait (unbearable pain, bleeding); then other red flags; then patients nobody reached. */
export const ALERT_SERIOUSNESS = ['urgent', 'red_flag', 'unreachable'] as const;
export const AlertSeriousnessSchema = z.enum(ALERT_SERIOUSNESS);
export type AlertSeriousness = z.infer<typeof AlertSeriousnessSchema>;

const StaffStamp = z.object({ at: z.string(), by: z.string() });

/** GET /admin/api/alerts: open alerts, those nobody acknowledged first, then the most serious, then the newest. */
export const AlertSummarySchema = z.object({
  id: z.number().int(),
  kind: z.enum(['red_flag', 'unreachable']),
  seriousness: AlertSeriousnessSchema,
  appointmentId: z.number().int(),
  campaignId: z.number().int(),
  campaignTitle: LocalizedTextSchema,
  /** The service code of the operation ('surgery', 'ophthalmology'...). */
  service: z.string(),
  patient: z.string().nullable(),
  /** Days from the operation to the alert (J+n); null when no operation was recorded. */
  dayAfterSurgery: z.number().int().nullable(),
  /** What raised it: `{ question, answer }` for a red flag, `{ checkin, reason }` for a patient nobody reached. */
  details: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  acknowledged: StaffStamp.nullable(),
});
export type AlertSummary = z.infer<typeof AlertSummarySchema>;

export const AlertListSchema = z.object({ items: z.array(AlertSummarySchema), nextCursor: z.string().nullable() });
export type AlertList = z.infer<typeof AlertListSchema>;
export const AlertListQuerySchema = PageQuerySchema.extend({ campaign: z.coerce.number().int().positive().optional() });

export const CheckinAnswersSchema = z.object({
  /** 'day_1', 'day_3'...: the day after the operation it was asked on. */
  label: z.string(),
  askedAt: z.string(),
  completedAt: z.string().nullable(),
  /** question -> answer: pain 0-3, the others yes (true) or no (false). */
  answers: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])),
  redFlags: z.array(z.string()),
});
export type CheckinAnswers = z.infer<typeof CheckinAnswersSchema>;

export const AlertNoteSchema = z.object({ id: z.number().int(), at: z.string(), by: z.string(), text: z.string() });
export type AlertNote = z.infer<typeof AlertNoteSchema>;

/** GET /admin/api/alerts/:id: the phone is in it, to call the patient; reading it is audited. */
export const AlertDetailSchema = AlertSummarySchema.extend({
  /** E.164, or null when the patient wrote from a chat that gave no number. */
  phone: z.string().nullable(),
  relation: z.string(),
  sex: z.enum(['female', 'male']).nullable(),
  age: z.number().int().nullable(),
  procedureDoneAt: z.string().nullable(),
  checkins: z.array(CheckinAnswersSchema),
  notes: z.array(AlertNoteSchema),
  resolved: StaffStamp.nullable(),
});
export type AlertDetail = z.infer<typeof AlertDetailSchema>;

/** The answer of acknowledge, note and resolve: what changed, without the phone (reading it is audited). */
export const AlertStateSchema = AlertDetailSchema.pick({ id: true, acknowledged: true, resolved: true, notes: true });
export type AlertState = z.infer<typeof AlertStateSchema>;

export const AlertNoteBodySchema = z.object({ text: z.string().trim().min(1, 'write the note').max(1000, 'a note is at most 1,000 characters') });

// The check-in desk's API: what a desk sends (a scan, a batch of scans kept while offline, a walk-in) and
// every answer it can get, shared by the routes and the web app's client. Imports zod and its sibling schemas only.
import { z } from 'zod';
import { LocalizedTextSchema } from './capacity.schemas.ts';

/** The most scans one batch may carry: a desk offline for an hour at Nouaceur's pace. */
export const MAX_BATCH_ITEMS = 500;

const IsoDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');
/** A UUID the desk makes for each scan or walk-in: the server accepts each one once. */
const ClientIdSchema = z.uuid();
/** When it happened by the desk's clock, with its offset; the server bounds it (a desk's clock can be wrong). */
const DeskTimeSchema = z.iso.datetime({ offset: true });

/** POST /admin/api/campaigns/:id/checkins, and each item of .../checkins/batch. */
export const CheckinBodySchema = z.object({
  day: IsoDaySchema,
  /** As typed or scanned: any case, spaces and dashes, Arabic-Indic digits, 8 for B. */
  code: z.string().max(40),
  clientId: ClientIdSchema,
  at: DeskTimeSchema,
});
export type CheckinBody = z.infer<typeof CheckinBodySchema>;

/** POST /admin/api/campaigns/:id/checkins/batch: the scans a desk kept while the network was down. */
export const CheckinBatchBodySchema = z.object({ items: z.array(CheckinBodySchema).min(1).max(MAX_BATCH_ITEMS) });

export const DeskPersonSchema = z.object({
  name: z.string().nullable(),
  /** From the birth year, in the year of the day. */
  age: z.number().int().nullable(),
  sex: z.enum(['female', 'male']).nullable(),
  commune: z.string().nullable(),
});
export type DeskPerson = z.infer<typeof DeskPersonSchema>;

const WindowSchema = z.object({ start: z.string(), end: z.string() });

/** Who came and where they go: the person, the service, their window, and whether they must be fasting. */
const ArrivalDetails = {
  appointmentId: z.number().int(),
  code: z.string(),
  person: DeskPersonSchema,
  service: z.string(),
  window: WindowSchema,
  fasting: z.boolean(),
};

export const CheckedInSchema = z.object({ kind: z.literal('checked_in'), ...ArrivalDetails, arrivedAt: z.string() });
/** Checked in before (by the first arrival: the earliest time a desk gave): when, by whom, under which client id. */
export const AlreadySchema = z.object({
  kind: z.literal('already'),
  ...ArrivalDetails,
  at: z.string(),
  /** The staff member's name; null when a coordinator marked the attendance without the desk. */
  by: z.string().nullable(),
  firstClientId: z.string().nullable(),
});
/** Booked for another day of the campaign. */
export const OtherDaySchema = z.object({ kind: z.literal('other_day'), day: z.string(), service: z.string() });
/** Booked for another campaign of the same organisation; another organisation's code is `unknown`. */
export const OtherCampaignSchema = z.object({ kind: z.literal('other_campaign'), campaignId: z.number().int(), title: z.string() });
export const CancelledSchema = z.object({ kind: z.literal('cancelled'), code: z.string() });
export const UnknownSchema = z.object({ kind: z.literal('unknown') });

export const CheckinOutcomeSchema = z.discriminatedUnion('kind', [CheckedInSchema, AlreadySchema, OtherDaySchema, OtherCampaignSchema, CancelledSchema, UnknownSchema]);
export type CheckinOutcome = z.infer<typeof CheckinOutcomeSchema>;

/** An item of a batch: its outcome, or why it was refused (a day that has not begun, say); the others go on. */
export const BatchAnswerSchema = z.object({
  answers: z.array(z.union([z.object({ clientId: z.string(), outcome: CheckinOutcomeSchema }), z.object({ clientId: z.string(), error: z.string() })])),
});
export type BatchAnswer = z.infer<typeof BatchAnswerSchema>;

/** POST /admin/api/campaigns/:id/walk-ins: a person without a booking, registered at the desk. */
export const WalkInBodySchema = z.object({
  clientId: ClientIdSchema,
  day: IsoDaySchema,
  service: z.string().min(1).max(40),
  /** A window of that day and service; the one with places nearest to now when left out. */
  slotId: z.number().int().positive().optional(),
  person: z
    .object({
      name: z.string().trim().min(1).max(120),
      sex: z.enum(['female', 'male']),
      age: z.number().int().min(0).max(120).optional(),
      birthYear: z.number().int().min(1900).optional(),
      commune: z.string().trim().min(1).max(120),
      /** 06…, +212…; several people of one family share it (and their contact). */
      phone: z.string().max(40).optional(),
      /** Ticked on paper at the desk: the bot may write to this phone. */
      consent: z.boolean(),
    })
    .refine((p) => p.age !== undefined || p.birthYear !== undefined, { message: 'give age or birthYear', path: ['age'] }),
  /** The coordinator allows registering past the windows' places: counted apart as a walk-in. */
  overCapacity: z.boolean().default(false),
  at: DeskTimeSchema.optional(),
}).refine((w) => w.person.birthYear === undefined || w.person.birthYear <= Number(w.day.slice(0, 4)), { message: 'birth year after the day', path: ['person', 'birthYear'] });
export type WalkInBody = z.infer<typeof WalkInBodySchema>;

export const WalkedInSchema = z.object({ kind: z.literal('walked_in'), ...ArrivalDetails, arrivedAt: z.string(), overCapacity: z.boolean() });
/** No window of that service has a place left: the coordinator may allow `overCapacity`. */
export const WindowsFullSchema = z.object({
  kind: z.literal('full'),
  windows: z.array(z.object({ slotId: z.number().int(), start: z.string(), end: z.string(), booked: z.number().int(), capacity: z.number().int() })),
});
/** The answer kept for a walk-in whose data was erased since: sent again, it tells nothing of them. */
export const WalkInErasedSchema = z.object({ kind: z.literal('erased') });
export const WalkInOutcomeSchema = z.discriminatedUnion('kind', [WalkedInSchema, WindowsFullSchema, WalkInErasedSchema]);
export type WalkInOutcome = z.infer<typeof WalkInOutcomeSchema>;

/** An item of GET /admin/api/desk/campaigns: the organisation's published campaigns that have not ended, soonest first. */
export const DeskCampaignSchema = z.object({
  id: z.number().int(),
  /** French, Arabic or both, as every campaign's title. */
  title: LocalizedTextSchema,
  firstDay: z.string(),
  lastDay: z.string(),
  venue: z.string(),
  commune: z.string(),
});
export type DeskCampaign = z.infer<typeof DeskCampaignSchema>;
/** `today`: the service's day in Morocco, the desk's default day (the browser's clock and zone can be wrong). */
export const DeskCampaignsSchema = z.object({ items: z.array(DeskCampaignSchema), today: IsoDaySchema });

/** GET /admin/api/campaigns/:id/desk-day?day=: what a desk holds to check codes offline, and nothing more (no phone). */
export const DeskDayQuerySchema = z.object({ day: IsoDaySchema });
export const DeskBookingSchema = z.object({
  code: z.string(),
  name: z.string().nullable(),
  age: z.number().int().nullable(),
  sex: z.enum(['female', 'male']).nullable(),
  commune: z.string().nullable(),
  service: z.string(),
  window: WindowSchema,
  status: z.enum(['booked', 'cancelled', 'attended', 'no_show']),
});
export type DeskBooking = z.infer<typeof DeskBookingSchema>;
export const DeskDaySchema = z.object({
  campaignId: z.number().int(),
  day: z.string(),
  /** The day's services and whether they ask people to come fasting. */
  services: z.array(z.object({ service: z.string(), fasting: z.boolean() })),
  bookings: z.array(DeskBookingSchema),
});
export type DeskDay = z.infer<typeof DeskDaySchema>;

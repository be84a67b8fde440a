// The answers of the console's capacity and bookings routes, shared with the browser code: a renamed
// field breaks the type check of the server and of the web console alike. Imports zod only.
import { z } from 'zod';
import { LOCALES } from '../../i18n/locales.ts';

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const HourMinute = z.string().regex(/^\d{2}:\d{2}$/);
const Count = z.number().int().min(0);

/** `beyond`: walk-ins let in past the window's places, counted apart from `booked` so the figures stay true. */
export const CapacityWindowSchema = z.object({ slotId: z.number().int(), start: HourMinute, end: HourMinute, booked: Count, capacity: Count, beyond: Count });
/**
 * `waiting` counts those on the waiting list for this day and for any day of the campaign; `inQueue` those
 * checked in at the venue and not yet seen (GET /admin/api/campaigns/:id/queue lists them).
 */
export const CapacityServiceSchema = z.object({ service: z.string(), windows: z.array(CapacityWindowSchema), waiting: Count, inQueue: Count });
export const CapacityDaySchema = z.object({ day: IsoDay, services: z.array(CapacityServiceSchema) });

/**
 * GET /admin/api/campaigns/:id/capacity, and each `capacity` event of .../capacity/events.
 * `version` changes whenever a figure changes: compare it instead of the whole answer.
 */
/** `today` is the service's day in Morocco: the console compares days with it, not with the browser's clock. */
export const CampaignCapacitySchema = z.object({ campaignId: z.number().int(), days: z.array(CapacityDaySchema), today: IsoDay, version: z.string() });
export type CampaignCapacity = z.infer<typeof CampaignCapacitySchema>;
export type CapacityDay = z.infer<typeof CapacityDaySchema>;

export const APPOINTMENT_STATUSES = ['booked', 'cancelled', 'attended', 'no_show'] as const;

/** One person booked in a window; the phone is masked unless asked for by GET /admin/api/appointments/:id/phone. */
export const WindowBookingSchema = z.object({
  appointmentId: z.number().int(),
  name: z.string().nullable(),
  age: z.number().int().nullable(),
  sex: z.enum(['female', 'male']).nullable(),
  commune: z.string().nullable(),
  code: z.string(),
  phoneMasked: z.string().nullable(),
  status: z.enum(APPOINTMENT_STATUSES),
});
export type WindowBooking = z.infer<typeof WindowBookingSchema>;

/** GET /admin/api/slots/:slotId/bookings?q=&cursor=&limit= (limit at most 100). */
export const WindowBookingsSchema = z.object({ items: z.array(WindowBookingSchema), nextCursor: z.string().nullable() });

/** GET /admin/api/appointments/:id/phone: null when the villager wrote from a chat that gave no number. */
export const AppointmentPhoneSchema = z.object({ phone: z.string().nullable() });

export const CAMPAIGN_PHASES = ['draft', 'upcoming', 'running', 'past'] as const;
export const CampaignPhaseSchema = z.enum(CAMPAIGN_PHASES);
export type CampaignPhase = z.infer<typeof CampaignPhaseSchema>;

/** A campaign's title: French, Arabic or both (see CampaignFileSchema), and Moroccan Arabic beside them. */
export const LocalizedTextSchema = z.partialRecord(z.enum(LOCALES), z.string());

/** An item of GET /admin/api/campaigns (and the answer of GET /admin/api/campaigns/:id). */
export const CampaignSummarySchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  kind: z.enum(['caravan', 'blood_drive']),
  status: z.enum(['draft', 'published', 'closed', 'cancelled']),
  title: LocalizedTextSchema,
  provinceCode: z.string(),
  commune: z.string(),
  venueName: z.string(),
  firstDay: IsoDay,
  lastDay: IsoDay,
  capacity: Count,
  booked: Count,
  /** By the organisation's today in Africa/Casablanca; a draft is "draft" whatever its days. */
  phase: CampaignPhaseSchema,
});
export type CampaignSummary = z.infer<typeof CampaignSummarySchema>;
export const CampaignListSchema = z.object({ items: z.array(CampaignSummarySchema), nextCursor: z.string().nullable() });

/** The columns of GET /admin/api/campaigns/:id/bookings.csv, in order. */
export const BOOKINGS_CSV_COLUMNS = ['day', 'service', 'window', 'name', 'age', 'sex', 'commune', 'code', 'phone', 'status'] as const;

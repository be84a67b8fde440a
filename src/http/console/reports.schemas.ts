// The answers of the report routes, shared with the browser code: a campaign's report and the national
// view. Every figure is a count of rows; rates are left to the reader (count / base), never rounded here.
import { z } from 'zod';
import { LocalizedTextSchema } from './capacity.schemas.ts';

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Count = z.number().int().min(0);

/**
 * One service on one day. `registered`: appointments not cancelled that hold a place (walk-ins let in
 * within the places included); `overCapacity`: walk-ins let in beyond them; `walkIns`: everyone registered
 * at the desk, within the places or beyond; `checkedIn`: arrived at the venue; `noShow`: marked absent.
 */
export const ServiceDaySchema = z.object({
  day: IsoDay,
  service: z.string(),
  capacity: Count,
  registered: Count,
  overCapacity: Count,
  walkIns: Count,
  checkedIn: Count,
  seen: Count,
  operated: Count,
  noShow: Count,
  cancelled: Count,
});
export type ServiceDay = z.infer<typeof ServiceDaySchema>;

export const LEAD_BANDS = ['same_day', 'one_to_two', 'three_to_seven', 'more'] as const;
export type LeadBand = (typeof LEAD_BANDS)[number];
/** Booked ahead (walk-ins left out), by how many days before their day: `decided` came or were marked absent. */
export const LeadTimeSchema = z.object({ band: z.enum(LEAD_BANDS), booked: Count, decided: Count, noShow: Count });

export const AGE_BANDS = ['0-9', '10-19', '20-29', '30-39', '40-49', '50-59', '60-69', '70+', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
/** People (not appointments) registered, by sex and age on the campaign's first day. */
export const PyramidRowSchema = z.object({ band: z.enum(AGE_BANDS), female: Count, male: Count, unknown: Count });
export const PlaceCountSchema = z.object({ provinceCode: z.string().nullable(), provinceFr: z.string().nullable(), provinceAr: z.string().nullable(), commune: z.string().nullable(), people: Count });

export const FollowUpSchema = z.object({
  waitlistJoined: Count,
  waitlistServed: Count,
  waitlistWaiting: Count,
  remindersSent: Count,
  confirmed: Count,
  checkinsSent: Count,
  checkinsAnswered: Count,
  redFlagAlerts: Count,
  unreachableAlerts: Count,
});

export const BLOOD_GROUP_KEYS = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-', 'unknown'] as const;
/** `deferred`: came to the drive and gave no blood (a donation is recorded only when blood was taken). */
export const BloodDriveSchema = z.object({
  target: Count.nullable(),
  registered: Count,
  confirmed: Count,
  came: Count,
  donated: Count,
  deferred: Count,
  byGroup: z.array(z.object({ group: z.enum(BLOOD_GROUP_KEYS), donated: Count })),
});

/** GET /admin/api/campaigns/:id/report */
export const CampaignReportSchema = z.object({
  campaignId: z.number().int(),
  kind: z.enum(['caravan', 'blood_drive']),
  title: LocalizedTextSchema,
  firstDay: IsoDay,
  lastDay: IsoDay,
  /** The campaign's creation day stands in for its publication, which no column records. */
  since: IsoDay,
  today: IsoDay,
  serviceDays: z.array(ServiceDaySchema),
  leadTimes: z.array(LeadTimeSchema),
  pyramid: z.array(PyramidRowSchema),
  places: z.array(PlaceCountSchema),
  followUp: FollowUpSchema,
  bloodDrive: BloodDriveSchema.nullable(),
  bookingsPerDay: z.array(z.object({ day: IsoDay, bookings: Count })),
});
export type CampaignReport = z.infer<typeof CampaignReportSchema>;

export const NationalFiguresSchema = z.object({ campaigns: Count, capacity: Count, registered: Count, walkIns: Count, checkedIn: Count, seen: Count, operated: Count, noShow: Count });
export type NationalFigures = z.infer<typeof NationalFiguresSchema>;

export const NationalCampaignSchema = NationalFiguresSchema.omit({ campaigns: true }).extend({
  campaignId: z.number().int(),
  title: LocalizedTextSchema,
  organisation: z.string(),
  kind: z.enum(['caravan', 'blood_drive']),
  status: z.enum(['draft', 'published', 'closed', 'cancelled']),
  firstDay: IsoDay,
  lastDay: IsoDay,
  provinceCode: z.string(),
  regionCode: z.string(),
});
export type NationalCampaign = z.infer<typeof NationalCampaignSchema>;

const AreaSchema = NationalFiguresSchema.extend({ code: z.string(), nameFr: z.string(), nameAr: z.string() });

/** GET /admin/api/reports/national: campaigns (drafts left out), then totals per province, per region, and in all. */
export const NationalReportSchema = z.object({
  campaigns: z.array(NationalCampaignSchema),
  provinces: z.array(AreaSchema.extend({ regionCode: z.string() })),
  regions: z.array(AreaSchema),
  totals: NationalFiguresSchema,
});
export type NationalReport = z.infer<typeof NationalReportSchema>;

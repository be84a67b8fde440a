// The JSON shape of a campaign, as coordinators write it for `npm run campaign -- import`.
import { z } from 'zod';
import { DateTime } from 'luxon';
import { ServiceCodeSchema } from '../service-codes.ts';

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day as YYYY-MM-DD')
  .refine((d) => DateTime.fromISO(d).isValid, 'is not a real calendar day');

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM (24 h)');

const localized = z.object({
  fr: z.string().trim().min(1),
  ar: z.string().trim().min(1).optional(),
  ary: z.string().trim().min(1).optional(),
  'ary-Latn': z.string().trim().min(1).optional(),
});

export const TimeWindowSchema = z.object({
  /** "all" for every day of the campaign, or a list of days. */
  days: z.union([z.literal('all'), z.array(isoDay).min(1)]).default('all'),
  start: clockTime,
  end: clockTime,
  capacity: z.number().int('capacity must be a whole number').min(0, 'capacity cannot be negative'),
});

export const CampaignServiceSchema = z.object({
  code: ServiceCodeSchema,
  requiresFasting: z.boolean().default(false),
  /** Days after the procedure on which the patient is asked how they are (default 1, 3, 7, 14). */
  checkinDays: z
    .array(z.number().int('days are whole numbers').min(1, 'the first check-in is on day 1 at the earliest').max(90, 'check-ins stop after day 90'))
    .min(1)
    .max(10, 'at most 10 check-ins')
    .refine((days) => days.every((d, i) => i === 0 || d > (days[i - 1] ?? 0)), 'list the days in increasing order, each once')
    .optional(),
  windows: z.array(TimeWindowSchema).min(1, 'a service needs at least one time window'),
});

export const CampaignFileSchema = z
  .object({
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase letters, digits and dashes, e.g. "kelaat-mgouna-2026-12"'),
    /**
     * The slug of the organisation that runs it. Optional for a coordinator (it is always their own);
     * the organisation must exist: a campaign file never creates or renames one.
     */
    organisation: z
      .string({ error: 'give the slug of the organisation, like "association-sante-dades"; organisations are created with npm run org -- add' })
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lowercase letters, digits and dashes')
      .optional(),
    kind: z.enum(['caravan', 'blood_drive']),
    title: localized,
    description: localized.partial().default({}),
    province: z.string().min(1),
    commune: z.string().trim().min(1),
    venue: z.object({
      name: z.string().trim().min(1),
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
    }),
    firstDay: isoDay,
    lastDay: isoDay,
    status: z.enum(['draft', 'published', 'closed', 'cancelled']).default('draft'),
    donorTarget: z.number().int().positive().nullable().default(null),
    /** The id of the medical team's Telegram group (e.g. "-1001234567890"): post-operative alerts are posted there too. */
    staffTelegramChat: z.string().regex(/^-?\d{5,20}$/, 'a Telegram chat id is a number, like -1001234567890').optional(),
    /** When booked people are reminded (default: two days before at 18:00, the morning of the visit at 07:30). */
    reminders: z
      .array(z.object({ daysBefore: z.number().int().min(0).max(30, 'at most 30 days before'), at: clockTime }).strict())
      .min(1)
      .max(5, 'at most 5 reminders per appointment')
      .optional(),
    services: z.array(CampaignServiceSchema).min(1, 'a campaign offers at least one service'),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.firstDay > c.lastDay) {
      ctx.addIssue({ code: 'custom', path: ['lastDay'], message: `is before firstDay (${c.firstDay})` });
    }
    const seen = new Set<string>();
    c.services.forEach((s, i) => {
      if (seen.has(s.code)) ctx.addIssue({ code: 'custom', path: ['services', i, 'code'], message: `service ${s.code} is listed twice` });
      seen.add(s.code);
      s.windows.forEach((w, j) => {
        const at = ['services', i, 'windows', j];
        if (w.start >= w.end) ctx.addIssue({ code: 'custom', path: [...at, 'end'], message: `must be after start (${w.start})` });
        if (w.days !== 'all') {
          w.days.forEach((d, k) => {
            if (d < c.firstDay || d > c.lastDay) {
              ctx.addIssue({ code: 'custom', path: [...at, 'days', k], message: `${d} is outside the campaign (${c.firstDay} to ${c.lastDay})` });
            }
          });
        }
      });
    });
    c.services.forEach((s, i) => findOverlaps(s.windows, c.firstDay, c.lastDay).forEach(([a, b, day]) => {
      ctx.addIssue({
        code: 'custom',
        path: ['services', i, 'windows', b],
        message: `overlaps window ${a} (${s.windows[a]?.start}-${s.windows[a]?.end}) on ${day}`,
      });
    }));
    const times = (c.reminders ?? []).map((r) => `${r.daysBefore} ${r.at}`);
    times.forEach((time, i) => {
      if (times.indexOf(time) !== i) ctx.addIssue({ code: 'custom', path: ['reminders', i], message: 'this reminder is listed twice' });
    });
    if (c.kind === 'blood_drive' && !c.services.some((s) => s.code === 'blood_donation')) {
      ctx.addIssue({ code: 'custom', path: ['services'], message: 'a blood drive must offer blood_donation' });
    }
  });

type Window = z.infer<typeof TimeWindowSchema>;

/** Pairs of windows of one service that share a day and overlap in time: [earlier index, later index, day]. */
function findOverlaps(windows: readonly Window[], firstDay: string, lastDay: string): Array<[number, number, string]> {
  const found: Array<[number, number, string]> = [];
  windows.forEach((b, j) => {
    for (let i = 0; i < j; i++) {
      const a = windows[i];
      if (!a || !(a.start < b.end && b.start < a.end)) continue;
      const day = sharedDay(a.days, b.days, firstDay, lastDay);
      if (day !== undefined) {
        found.push([i, j, day]);
        return;
      }
    }
  });
  return found;
}

function sharedDay(a: Window['days'], b: Window['days'], firstDay: string, lastDay: string): string | undefined {
  if (a === 'all' && b === 'all') return firstDay <= lastDay ? firstDay : undefined;
  if (a === 'all') return b === 'all' ? undefined : b[0];
  if (b === 'all') return a[0];
  return a.find((d) => b.includes(d));
}

export type CampaignFile = z.infer<typeof CampaignFileSchema>;
/** What a coordinator writes before defaults are applied. */
export type CampaignFileInput = z.input<typeof CampaignFileSchema>;

/** One problem per line, each naming the field: `services[2].windows[0].capacity: capacity cannot be negative`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    // zod says "expected string, received undefined": people understand "is missing" faster.
    const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
    return `${formatPath(issue.path)}: ${missing ? `is missing (${issue.message.replace(/^Invalid input: /, '').replace(/, received undefined$/, '')})` : issue.message}`;
  });
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(file)';
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

// The JSON shape of a campaign, as coordinators write it for `npm run campaign -- import`.
import { z } from 'zod';
import { DateTime } from 'luxon';
import { SERVICE_CODES, ServiceCodeSchema } from '../service-codes.ts';
import { AudienceSchema } from './service-audience.ts';
import { LOCALES, type Locale } from '../../i18n/locales.ts';

/**
 * How large a campaign may be. A file is a few hundred bytes but expands into days x windows slots:
 * without bounds a 501-byte file asked for 14,610 of them. The largest caravans run a week or two.
 */
export const CAMPAIGN_LIMITS = {
  days: 31,
  windowsPerServiceDay: 24,
  placesPerWindow: 10_000,
} as const;

/** True for a day that exists ('2026-02-30' does not); cheaper than luxon, as a file may list thousands. */
function isCalendarDay(day: string): boolean {
  const [y = 0, m = 0, d = 0] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day as YYYY-MM-DD')
  .refine(isCalendarDay, 'is not a real calendar day');

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time as HH:MM (24 h)');

const words = z.string().trim().min(1);
const perLocale = z.object(Object.fromEntries(LOCALES.map((l) => [l, words.optional()])) as Record<Locale, z.ZodOptional<typeof words>>);

/** A venue's or commune's names: French is the one staff read, the others are for villagers in their script. */
const localized = perLocale.extend({ fr: words });

/**
 * A title in French, in Arabic or both, as a coordinator may work in either; Moroccan Arabic (ary, ary-Latn)
 * alone is not enough, as staff read one of the first two.
 */
const title = perLocale.refine((t) => t.fr !== undefined || t.ar !== undefined, {
  message: 'give a title in French ("fr"), in Arabic ("ar") or both',
});

export const TimeWindowSchema = z.object({
  /** "all" for every day of the campaign, or a list of days. */
  days: z
    .union([z.literal('all'), z.array(isoDay).min(1).max(CAMPAIGN_LIMITS.days, `list at most ${CAMPAIGN_LIMITS.days} days, the longest a campaign lasts (or write "all")`)])
    .default('all'),
  start: clockTime,
  end: clockTime,
  capacity: z
    .number()
    .int('capacity must be a whole number')
    .min(0, 'capacity cannot be negative')
    .max(CAMPAIGN_LIMITS.placesPerWindow, `at most ${CAMPAIGN_LIMITS.placesPerWindow.toLocaleString('en')} places in one time window`),
});

export const CampaignServiceSchema = z.object({
  code: ServiceCodeSchema,
  requiresFasting: z.boolean().default(false),
  /**
   * Who is offered the service: by default gynecology to women, pediatrics to children under 16, the
   * rest to anyone; "anyone" opens a service to everyone (men at a gynecology consultation for couples).
   */
  audience: AudienceSchema.optional(),
  /** Days after the procedure on which the patient is asked how they are (default 1, 3, 7, 14). */
  checkinDays: z
    .array(z.number().int('days are whole numbers').min(1, 'the first check-in is on day 1 at the earliest').max(90, 'check-ins stop after day 90'))
    .min(1)
    .max(10, 'at most 10 check-ins')
    .refine((days) => days.every((d, i) => i === 0 || d > (days[i - 1] ?? 0)), 'list the days in increasing order, each once')
    .optional(),
  windows: z
    .array(TimeWindowSchema)
    .min(1, 'a service needs at least one time window')
    .max(
      CAMPAIGN_LIMITS.windowsPerServiceDay * CAMPAIGN_LIMITS.days,
      `at most ${CAMPAIGN_LIMITS.windowsPerServiceDay * CAMPAIGN_LIMITS.days} time windows per service (${CAMPAIGN_LIMITS.windowsPerServiceDay} a day over ${CAMPAIGN_LIMITS.days} days)`,
    ),
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
    title,
    description: perLocale.default({}),
    province: z.string().min(1),
    /** One name, or one per locale as for the title ({"fr": "Kelâat M'Gouna", "ar": "قلعة مكونة"}). */
    commune: z.union([z.string().trim().min(1), localized]),
    venue: z.object({
      name: z.union([z.string().trim().min(1), localized]),
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
    }),
    firstDay: isoDay,
    lastDay: isoDay,
    status: z.enum(['draft', 'published', 'closed', 'cancelled']).default('draft'),
    donorTarget: z.number().int().positive().max(1_000_000, 'at most 1,000,000 donors').nullable().default(null),
    /** The id of the medical team's Telegram group (e.g. "-1001234567890"): post-operative alerts are posted there too. */
    staffTelegramChat: z.string().regex(/^-?\d{5,20}$/, 'a Telegram chat id is a number, like -1001234567890').optional(),
    /** When booked people are reminded (default: two days before at 18:00, the morning of the visit at 07:30). */
    reminders: z
      .array(z.object({ daysBefore: z.number().int().min(0).max(30, 'at most 30 days before'), at: clockTime }).strict())
      .min(1)
      .max(5, 'at most 5 reminders per appointment')
      .optional(),
    services: z
      .array(CampaignServiceSchema)
      .min(1, 'a campaign offers at least one service')
      .max(SERVICE_CODES.length, `at most ${SERVICE_CODES.length} services, one per service code`),
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
    });
    const times = (c.reminders ?? []).map((r) => `${r.daysBefore} ${r.at}`);
    times.forEach((time, i) => {
      if (times.indexOf(time) !== i) ctx.addIssue({ code: 'custom', path: ['reminders', i], message: 'this reminder is listed twice' });
    });
    if (c.kind === 'blood_drive' && !c.services.some((s) => s.code === 'blood_donation')) {
      ctx.addIssue({ code: 'custom', path: ['services'], message: 'a blood drive must offer blood_donation' });
    }
    const span = spanInDays(c.firstDay, c.lastDay);
    if (span > CAMPAIGN_LIMITS.days) {
      ctx.addIssue({
        code: 'custom',
        path: ['lastDay'],
        message: `the campaign would last ${span.toLocaleString('en')} days (${c.firstDay} to ${c.lastDay}); a campaign lasts at most ${CAMPAIGN_LIMITS.days} days: split a longer one into several campaigns`,
      });
      // The windows are not read on a span that long: they would be counted on every day of it.
      return;
    }
    c.services.forEach((s, i) => {
      s.windows.forEach((w, j) => {
        const at = ['services', i, 'windows', j];
        if (w.start >= w.end) ctx.addIssue({ code: 'custom', path: [...at, 'end'], message: `must be after start (${w.start})` });
        if (w.days !== 'all') {
          w.days.forEach((d, k) => {
            if (d < c.firstDay || d > c.lastDay) {
              ctx.addIssue({ code: 'custom', path: [...at, 'days', k], message: `${d} is outside the campaign (${c.firstDay} to ${c.lastDay})` });
            }
            if (w.days.indexOf(d) !== k) ctx.addIssue({ code: 'custom', path: [...at, 'days', k], message: `${d} is listed twice` });
          });
        }
      });
    });
    const crowded = c.services.flatMap((s, i) => {
      const [day, count] = busiestDay(s.windows, c.firstDay, c.lastDay);
      if (count <= CAMPAIGN_LIMITS.windowsPerServiceDay) return [];
      ctx.addIssue({
        code: 'custom',
        path: ['services', i, 'windows'],
        message: `${count} time windows on ${day}; a service has at most ${CAMPAIGN_LIMITS.windowsPerServiceDay} a day`,
      });
      return [i];
    });
    // Overlaps compare windows two by two: only once their number per day is known to be small.
    if (crowded.length > 0) return;
    c.services.forEach((s, i) => findOverlaps(s.windows, c.firstDay, c.lastDay).forEach(([a, b, day]) => {
      ctx.addIssue({
        code: 'custom',
        path: ['services', i, 'windows', b],
        message: `overlaps window ${a} (${s.windows[a]?.start}-${s.windows[a]?.end}) on ${day}`,
      });
    }));
  });

type Window = z.infer<typeof TimeWindowSchema>;

/** Days from `first` to `last`, both counted: 1 for a one-day campaign. */
function spanInDays(first: string, last: string): number {
  return Math.round(DateTime.fromISO(last, { zone: 'utc' }).diff(DateTime.fromISO(first, { zone: 'utc' }), 'days').days) + 1;
}

/** The day with the most windows of one service, and how many it has. */
function busiestDay(windows: readonly Window[], firstDay: string, lastDay: string): [string, number] {
  const everyDay = windows.filter((w) => w.days === 'all').length;
  const perDay = new Map<string, number>();
  for (const w of windows) if (w.days !== 'all') for (const d of new Set(w.days)) perDay.set(d, (perDay.get(d) ?? 0) + 1);
  let busiest: [string, number] = [firstDay, everyDay];
  for (const [day, n] of perDay) if (day >= firstDay && day <= lastDay && n + everyDay > busiest[1]) busiest = [day, n + everyDay];
  return busiest;
}

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
  return error.issues.flatMap(unwrapUnion).map((issue) => {
    // zod says "expected string, received undefined": people understand "is missing" faster.
    const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
    return `${formatPath(issue.path)}: ${missing ? `is missing (${issue.message.replace(/^Invalid input: /, '').replace(/, received undefined$/, '')})` : issue.message}`;
  });
}

type Issue = z.core.$ZodIssue;

/**
 * A field that takes one of two shapes ("all" or a list of days) fails as "Invalid input": say instead
 * what the shape the coordinator wrote got wrong (the list is too long), when only one shape fits.
 */
function unwrapUnion(issue: Issue): Issue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const fitting = issue.errors.filter((branch) => !branch.some((i) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value')));
  const [only] = fitting;
  if (fitting.length !== 1 || !only) return [issue];
  return only.flatMap((i) => unwrapUnion({ ...i, path: [...issue.path, ...i.path] }));
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(file)';
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

// Which field a problem belongs to, whether it comes from the schema run here or from the API's 400 `problems`
// ("services[0].windows[1].capacity: ..."), and how it reads in the staff member's language. Pure.
import type { Messages } from '../../i18n/index.ts';
import type { WindowOrigin } from './campaign-form.model.ts';

/** The form-level banner, for problems no field owns. */
export const FORM = 'form';
/** The title as a whole, French or Arabic: its message sits under both title fields. */
export const TITLE = 'title';

const TOP_FIELDS: Record<string, string> = {
  slug: 'slug', kind: 'kind', province: 'province', commune: 'commune', firstDay: 'first-day', lastDay: 'last-day',
  status: 'status', staffTelegramChat: 'staff-chat', reminders: 'reminders', organisation: FORM,
};

/** The id of the input a problem at `path` belongs to (or of the title group). */
export function fieldFor(path: ReadonlyArray<string | number>, origins: readonly WindowOrigin[][]): string {
  const [head, second, third, fourth, fifth] = path;
  if (head === 'title' && second === undefined) return TITLE;
  if (head === 'title' || head === 'description') return `${head}-${second === 'ar' ? 'ar' : 'fr'}`;
  if (head === 'venue') return second === 'lat' ? 'venue-lat' : second === 'lon' ? 'venue-lon' : 'venue-name';
  if (head === 'services') {
    if (typeof second !== 'number') return 'service-0-code';
    if (third === 'checkinDays') return `service-${second}-checkin`;
    if (third === 'windows' && typeof fourth === 'number') {
      const origin = origins[second]?.[fourth];
      if (!origin || origin.days.length === 0) return `service-${second}-windows`;
      if (fifth === 'start' || fifth === 'end') return `service-${second}-row-${origin.row}-${fifth}`;
      return `service-${second}-row-${origin.row}-day-${origin.days[0] ?? 'none'}`;
    }
    if (third === 'windows') return `service-${second}-windows`;
    return `service-${second}-code`;
  }
  return typeof head === 'string' ? TOP_FIELDS[head] ?? FORM : FORM;
}

/** "services[0].windows[1].capacity: capacity cannot be negative" -> path and message. */
export function readProblem(problem: string): { path: Array<string | number>; message: string } {
  const match = /^([^:\s]+): (.*)$/s.exec(problem);
  if (!match || match[1] === '(file)') return { path: [], message: problem };
  return { path: readPath(match[1] ?? ''), message: match[2] ?? problem };
}

/** "services[0].windows[1]" (or with dots) -> ['services', 0, 'windows', 1]. */
export function readPath(text: string): Array<string | number> {
  return text.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** The parts of a zod issue the translation reads. */
export interface IssueLike {
  code: string;
  path: ReadonlyArray<PropertyKey>;
  message: string;
  input?: unknown;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
}

/**
 * The schema's messages are written in English for the campaign file's authors; the form says the common
 * ones in the staff member's language and keeps the schema's own words for the rarer rules.
 */
export function translateIssue(t: Messages, issue: IssueLike, value?: unknown): string {
  const last = issue.path[issue.path.length - 1];
  // An empty field fails its format too: what it needs first is a value.
  if (value === '') return t.required;
  if (issue.path.length === 1 && issue.path[0] === 'title') return t.titleOneLanguage;
  if (issue.code === 'invalid_type' && issue.expected === 'number') return t.notANumber;
  if (issue.code === 'invalid_type' && issue.input === undefined) return t.required;
  if (issue.code === 'too_small' && issue.origin === 'string') return t.required;
  if (issue.code === 'too_small' && issue.minimum !== undefined) return t.atLeast(Number(issue.minimum));
  if (issue.code === 'too_big' && issue.maximum !== undefined) return t.atMost(Number(issue.maximum));
  if (issue.code === 'invalid_format' || issue.code === 'invalid_string') return last === 'slug' ? t.slugFormat : t.invalidFormat;
  if (issue.code === 'custom' && last === 'end') return t.endAfterStart;
  if (issue.code === 'custom' && last === 'lastDay' && /before firstDay/.test(issue.message)) return t.lastDayBeforeFirst;
  if (issue.code === 'custom' && /overlaps window/.test(issue.message)) return t.windowsOverlap;
  if (issue.code === 'custom' && /listed twice/.test(issue.message)) return t.listedTwice;
  return issue.message;
}

// The form's own shape (text as typed, a grid of days x windows) and its translation to and from the campaign
// file the API imports. Pure: the page keeps the state, this turns it into JSON and back.
import type { CampaignFileInput } from '../../../../src/domain/campaigns/campaign-file.ts';

export interface WindowRow {
  start: string;
  end: string;
  /** Places per campaign day ("2026-12-14" -> "40"), as typed; an empty cell means no window that day. */
  capacities: Record<string, string>;
}

export interface ServiceForm {
  code: string;
  fasting: boolean;
  checkinDays: string;
  rows: WindowRow[];
}

export interface CampaignForm {
  slug: string;
  kind: 'caravan' | 'blood_drive';
  titleFr: string;
  titleAr: string;
  descriptionFr: string;
  descriptionAr: string;
  province: string;
  commune: string;
  venueName: string;
  lat: string;
  lon: string;
  firstDay: string;
  lastDay: string;
  services: ServiceForm[];
  reminders: string;
  staffChat: string;
  status: 'draft' | 'published';
}

/** Where each window of the file came from: its service's grid row and the days it covers. */
export type WindowOrigin = { row: number; days: string[] };
export interface BuiltFile {
  file: CampaignFileInput;
  origins: WindowOrigin[][];
  /** Problems found while reading the text fields, by field id. */
  unreadable: Record<string, 'reminders' | 'checkinDays'>;
}

export const MAX_GRID_DAYS = 31;

export function emptyWindow(): WindowRow {
  return { start: '09:00', end: '12:00', capacities: {} };
}

export function emptyForm(): CampaignForm {
  return {
    slug: '', kind: 'caravan', titleFr: '', titleAr: '', descriptionFr: '', descriptionAr: '', province: '', commune: '', venueName: '',
    lat: '', lon: '', firstDay: '', lastDay: '', services: [{ code: 'general_medicine', fasting: false, checkinDays: '', rows: [emptyWindow()] }],
    reminders: '', staffChat: '', status: 'draft',
  };
}

/** The campaign's days, first to last; none while the two days are missing, reversed or too far apart. */
export function campaignDays(firstDay: string, lastDay: string): string[] {
  const pattern = /^\d{4}-\d{2}-\d{2}$/;
  if (!pattern.test(firstDay) || !pattern.test(lastDay) || firstDay > lastDay) return [];
  const days: string[] = [];
  const at = new Date(`${firstDay}T12:00:00Z`);
  while (days.length <= MAX_GRID_DAYS) {
    const day = at.toISOString().slice(0, 10);
    if (day > lastDay) return days;
    days.push(day);
    at.setUTCDate(at.getUTCDate() + 1);
  }
  return [];
}

const SEPARATORS = /[,،;؛\n]+/;

/** "1, 3, 7" (or with Arabic commas) -> [1, 3, 7]; undefined when empty, null when unreadable. */
export function parseDayList(text: string): number[] | undefined | null {
  const parts = text.split(SEPARATORS).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return undefined;
  const days = parts.map(Number);
  return days.every((d) => Number.isFinite(d)) ? days : null;
}

/** "2 18:00, 0 07:30" -> reminders; "2 à 18:00" and "2 على 18:00" read the same. */
export function parseReminders(text: string): Array<{ daysBefore: number; at: string }> | undefined | null {
  const parts = text.split(SEPARATORS).map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) return undefined;
  const reminders = parts.map((p) => /^(\d{1,2})\s*(?:à|a|على)?\s*(\d{2}:\d{2})$/u.exec(p));
  if (reminders.some((r) => r === null)) return null;
  return reminders.map((r) => ({ daysBefore: Number(r?.[1]), at: r?.[2] ?? '' }));
}

function numberOrNaN(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.replace(',', '.'));
}

/** One grid row becomes one window for every day when all days hold the same number, else one per number. */
function rowWindows(row: WindowRow, days: readonly string[]): Array<{ days: string[] | 'all'; capacity: number; covers: string[] }> {
  const filled = days.filter((d) => (row.capacities[d] ?? '').trim() !== '');
  if (filled.length === 0) return [{ days: 'all', capacity: Number.NaN, covers: days.slice(0, 1) }];
  const byCapacity = new Map<string, string[]>();
  for (const d of filled) {
    const key = (row.capacities[d] ?? '').trim();
    byCapacity.set(key, [...(byCapacity.get(key) ?? []), d]);
  }
  if (byCapacity.size === 1 && filled.length === days.length) return [{ days: 'all', capacity: numberOrNaN(filled.map((d) => row.capacities[d] ?? '')[0] ?? ''), covers: [...days] }];
  return [...byCapacity].map(([capacity, covered]) => ({ days: covered, capacity: numberOrNaN(capacity), covers: covered }));
}

export function toCampaignFile(form: CampaignForm): BuiltFile {
  const days = campaignDays(form.firstDay, form.lastDay);
  const unreadable: BuiltFile['unreadable'] = {};
  const origins: WindowOrigin[][] = [];
  const services = form.services.map((service, i) => {
    const checkinDays = parseDayList(service.checkinDays);
    if (checkinDays === null) unreadable[`service-${i}-checkin`] = 'checkinDays';
    const windows = service.rows.flatMap((row, r) => rowWindows(row, days).map((w) => ({ ...w, start: row.start, end: row.end, row: r })));
    origins.push(windows.map((w) => ({ row: w.row, days: w.covers })));
    return {
      code: service.code as CampaignFileInput['services'][number]['code'],
      requiresFasting: service.fasting,
      ...(checkinDays ? { checkinDays } : {}),
      windows: windows.map((w) => ({ days: w.days, start: w.start, end: w.end, capacity: w.capacity })),
    };
  });
  const reminders = parseReminders(form.reminders);
  if (reminders === null) unreadable.reminders = 'reminders';
  // A field left empty is left out: a title needs French or Arabic, not both.
  const text = (fr: string, ar: string) => ({ ...(fr.trim() ? { fr: fr.trim() } : {}), ...(ar.trim() ? { ar: ar.trim() } : {}) });
  const file: CampaignFileInput = {
    slug: form.slug.trim(),
    kind: form.kind,
    title: text(form.titleFr, form.titleAr),
    description: text(form.descriptionFr, form.descriptionAr),
    province: form.province.trim(),
    commune: form.commune.trim(),
    venue: { name: form.venueName.trim(), lat: numberOrNaN(form.lat), lon: numberOrNaN(form.lon) },
    firstDay: form.firstDay,
    lastDay: form.lastDay,
    status: form.status,
    ...(form.staffChat.trim() ? { staffTelegramChat: form.staffChat.trim() } : {}),
    ...(reminders ? { reminders } : {}),
    services,
  };
  return { file, origins, unreadable };
}

/** A campaign file opened from disk fills the form, so an existing campaign is edited and imported again. */
export function fromCampaignFile(file: CampaignFileInput): CampaignForm {
  const days = campaignDays(file.firstDay, file.lastDay);
  const named = (value: string | { fr: string; ar?: string | undefined }) => (typeof value === 'string' ? value : value.fr);
  return {
    slug: file.slug, kind: file.kind, titleFr: file.title.fr ?? '', titleAr: file.title.ar ?? '',
    descriptionFr: file.description?.fr ?? '', descriptionAr: file.description?.ar ?? '', province: file.province,
    commune: named(file.commune), venueName: named(file.venue.name), lat: String(file.venue.lat), lon: String(file.venue.lon),
    firstDay: file.firstDay, lastDay: file.lastDay,
    services: file.services.map((s) => {
      const rows: WindowRow[] = [];
      for (const w of s.windows) {
        let row = rows.find((r) => r.start === w.start && r.end === w.end);
        if (!row) rows.push((row = { start: w.start, end: w.end, capacities: {} }));
        for (const d of w.days === 'all' || w.days === undefined ? days : w.days) row.capacities[d] = String(w.capacity);
      }
      return { code: s.code, fasting: s.requiresFasting ?? false, checkinDays: (s.checkinDays ?? []).join(', '), rows };
    }),
    reminders: (file.reminders ?? []).map((r) => `${r.daysBefore} ${r.at}`).join(', '),
    staffChat: file.staffTelegramChat ?? '',
    status: file.status === 'published' ? 'published' : 'draft',
  };
}

// The composer's form as the coordinator fills it, and the request it makes: pure, so the rules are
// tested without a browser.
import type { BroadcastProgress } from '../../api/types.ts';
import { TIME_ZONE } from '../../i18n/index.ts';
import type { Locale } from '../../../../src/i18n/locales.ts';

/** The villagers' locales in the order a coordinator reads them: staff languages first. */
export const VILLAGER_LOCALES = ['fr', 'ar', 'ary', 'ary-Latn', 'shi'] as const satisfies readonly Locale[];
export type VillagerLocale = (typeof VILLAGER_LOCALES)[number];
/** Fails to compile when the server answers in a locale the composer does not offer. */
export const EVERY_LOCALE_OFFERED: [Exclude<Locale, VillagerLocale>] extends [never] ? true : never = true;
export const BLOOD_GROUPS = ['A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'] as const;
export type BloodGroup = (typeof BLOOD_GROUPS)[number];

export interface ComposerForm {
  provinces: string[];
  campaignId: number | undefined;
  donors: boolean;
  bloodGroups: BloodGroup[];
  locales: VillagerLocale[];
  texts: Partial<Record<VillagerLocale, string>>;
  /** 'YYYY-MM-DDTHH:MM' in Morocco's time, or undefined for now. */
  at: string | undefined;
}

export const EMPTY_FORM: ComposerForm = { provinces: [], campaignId: undefined, donors: false, bloodGroups: [], locales: [], texts: {}, at: undefined };

export interface BroadcastRequest {
  audience: { provinces?: string[]; pastBeneficiariesOf?: number; eligibleDonors?: { bloodGroups?: BloodGroup[] }; locales?: VillagerLocale[] };
  texts: Partial<Record<VillagerLocale, string>>;
  scheduledAt?: string;
}

export const hasAudience = (f: ComposerForm) => f.provinces.length > 0 || f.campaignId !== undefined || f.donors;
export const hasText = (f: ComposerForm) => Object.values(f.texts).some((t) => t.trim() !== '');

/** The body of the preview and of the sending; undefined while no audience is chosen. */
export function requestOf(f: ComposerForm): BroadcastRequest | undefined {
  if (!hasAudience(f)) return undefined;
  const texts = Object.fromEntries(Object.entries(f.texts).filter(([, t]) => t.trim() !== '').map(([l, t]) => [l, t.trim()]));
  return {
    audience: {
      ...(f.provinces.length ? { provinces: f.provinces } : {}),
      ...(f.campaignId !== undefined ? { pastBeneficiariesOf: f.campaignId } : {}),
      ...(f.donors ? { eligibleDonors: f.bloodGroups.length ? { bloodGroups: f.bloodGroups } : {} } : {}),
      ...(f.locales.length ? { locales: f.locales } : {}),
    },
    texts,
    ...(f.at ? { scheduledAt: moroccanInstant(f.at).toISOString() } : {}),
  };
}

/** Minutes Morocco is ahead of UTC at `instant`. */
function offsetMinutes(instant: Date): number {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(instant).map((p) => [p.type, p.value]));
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return Math.round((local - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** A wall-clock time in Morocco ('2026-12-14T10:00') as an instant, whatever the device's own zone. */
export function moroccanInstant(local: string): Date {
  const [day = '', time = '00:00'] = local.split('T');
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const [h = 0, min = 0] = time.split(':').map(Number);
  const asUtc = Date.UTC(y, m - 1, d, h, min);
  return new Date(asUtc - offsetMinutes(new Date(asUtc)) * 60_000);
}

/** Broadcasts this large have their progress read less often: each read counts all their messages (0.15 s at a million, more from disk). */
export const LARGE_BROADCAST = 200_000;

/** How long the progress panel waits between two reads: 2 s, or 5 s for a large broadcast. */
export function progressPollMs(p: Pick<BroadcastProgress, 'targeted' | 'queued'>): number {
  return Math.max(p.targeted ?? 0, p.queued) >= LARGE_BROADCAST ? 5000 : 2000;
}

/** Messages done with (sent, failed or cancelled) out of those to write: the bar's share, 0 to 1. */
export function doneShare(p: Pick<BroadcastProgress, 'targeted' | 'queued' | 'sent' | 'failed' | 'cancelled' | 'status'>): number {
  const total = Math.max(p.targeted ?? 0, p.queued);
  if (total === 0) return p.status === 'done' || p.status === 'cancelled' ? 1 : 0;
  return Math.min(1, (p.sent + p.failed + p.cancelled) / total);
}

/** A broadcast still moving: the page keeps asking for its figures. */
export const isLive = (p: Pick<BroadcastProgress, 'status' | 'waiting'>) => p.status === 'scheduled' || p.status === 'running' || p.waiting > 0;

/** What the coordinator is told: "done" once every message has gone, not when the last page was written. */
export const shownStatus = (p: Pick<BroadcastProgress, 'status' | 'waiting'>): BroadcastProgress['status'] => (p.status === 'done' && p.waiting > 0 ? 'running' : p.status);

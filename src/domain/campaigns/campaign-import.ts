// Creates or updates a campaign from its file: services and time windows follow the file, bookings are kept.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import { isExclusionViolation } from '../../db/pg-errors.ts';
import type { WriteContext } from '../actor.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { BookedWindowsRefused, InvalidInput, SlugTaken, WindowsRemovalRefused } from '../errors.ts';
import type { BookedWindow } from './booked-windows.ts';
import { CampaignFileSchema, describeIssues, type CampaignFile } from './campaign-file.ts';
import { addDays, daysBetween } from './days.ts';

export interface ImportResult {
  campaignId: number;
  created: boolean;
  status: CampaignFile['status'];
  slots: { inserted: number; updated: number; deleted: number; unchanged: number };
  /** What the coordinator should know: a draft villagers do not see, days already past. */
  notes: string[];
}

export interface ImportOptions {
  /** Time windows the file leaves out are deleted; without it such an import is refused (WindowsRemovalRefused). */
  allowRemoval?: boolean;
}

/**
 * What to tell whoever imported `file` on `today`: a draft is invisible to villagers, and days before
 * today cannot be booked. Pure.
 *
 * @example importNotes({ ...file, status: 'draft' }, '2026-12-01') // ['draft: villagers will not see it until you publish it ...']
 */
export function importNotes(file: Pick<CampaignFile, 'status' | 'firstDay' | 'lastDay'>, today: string): string[] {
  const notes: string[] = [];
  if (file.status === 'draft') notes.push('draft: villagers will not see it until you publish it ("status": "published" in the file, then import it again)');
  if (file.firstDay < today) {
    const past = daysBetween(file.firstDay, file.lastDay < today ? file.lastDay : addDays(today, -1));
    notes.push(`${past.length === 1 ? 'day' : 'days'} in the past: ${past.join(', ')} (nobody can book ${past.length === 1 ? 'it' : 'them'})`);
  }
  return notes;
}

/** A wanted time window, keyed by service, day and start time. */
interface WantedSlot {
  key: string;
  path: string;
  service: string;
  day: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
}

/** Parses untrusted JSON into a campaign file; throws `InvalidInput` listing each bad field. */
export function parseCampaignFile(input: unknown): CampaignFile {
  const parsed = CampaignFileSchema.safeParse(input);
  if (!parsed.success) throw new InvalidInput(describeIssues(parsed.error));
  return parsed.data;
}

/**
 * @example
 * const result = await db.transaction().execute((trx) => importCampaign(trx, ctx, parseCampaignFile(json), organisationId));
 * // A slug that belongs to another organisation's campaign throws SlugTaken and changes nothing.
 */
export async function importCampaign(trx: Kysely<Database>, ctx: WriteContext, file: CampaignFile, organisationId: number, options: ImportOptions = {}): Promise<ImportResult> {
  const province = await trx.selectFrom('provinces').select('code').where('code', '=', file.province).executeTakeFirst();
  if (!province) {
    throw new InvalidInput([`province: unknown province code ${JSON.stringify(file.province)} (see the provinces table, e.g. "tinghir", "nouaceur", "casablanca")`]);
  }
  const values = {
    kind: file.kind,
    title: JSON.stringify(file.title),
    description: JSON.stringify(file.description),
    province_code: file.province,
    // The French (or only) name is the one staff read; the others are for villagers in their script.
    commune: typeof file.commune === 'string' ? file.commune : file.commune.fr,
    commune_names: typeof file.commune === 'string' ? null : JSON.stringify(file.commune),
    venue_name: typeof file.venue.name === 'string' ? file.venue.name : file.venue.name.fr,
    venue_names: typeof file.venue.name === 'string' ? null : JSON.stringify(file.venue.name),
    venue_lat: file.venue.lat,
    venue_lon: file.venue.lon,
    first_day: file.firstDay,
    last_day: file.lastDay,
    status: file.status,
    donor_target: file.donorTarget,
    staff_telegram_chat: file.staffTelegramChat ?? null,
    // Stored with a label each ('d2_1800'): a reminder is written once per appointment and label.
    reminder_rules: file.reminders ? JSON.stringify(file.reminders.map((r) => ({ label: `d${r.daysBefore}_${r.at.replace(':', '')}`, ...r }))) : null,
  };
  const campaign = await trx
    .insertInto('campaigns')
    .values({ slug: file.slug, organisation_id: organisationId, ...values })
    // Only the owner's campaign is updated; another organisation's slug leaves no row (and no hint of whose).
    .onConflict((oc) => oc.column('slug').doUpdateSet({ ...values, updated_at: sql<Date>`now()` }).where('campaigns.organisation_id', '=', organisationId))
    // xmax = 0 only on a freshly inserted row: tells "created" from "updated" in one round trip.
    .returning(['id', sql<boolean>`(xmax = 0)`.as('created')])
    .executeTakeFirst();
  if (!campaign) throw new SlugTaken(file.slug);

  await syncServices(trx, campaign.id, file);
  const slots = await syncSlots(trx, campaign.id, wantedSlots(file), options.allowRemoval === true);
  await recordAudit(trx, {
    actor: ctx.actor,
    action: campaign.created ? 'campaign.create' : 'campaign.update',
    entity: 'campaign',
    entityId: campaign.id,
    details: { slug: file.slug, slots },
  });
  return { campaignId: campaign.id, created: campaign.created, status: file.status, slots, notes: importNotes(file, ctx.today) };
}

function wantedSlots(file: CampaignFile): WantedSlot[] {
  const all = daysBetween(file.firstDay, file.lastDay);
  return file.services.flatMap((s, i) =>
    s.windows.flatMap((w, j) =>
      (w.days === 'all' ? all : w.days).map((day) => ({
        key: `${s.code}|${day}|${w.start}`,
        path: `services[${i}].windows[${j}]`,
        service: s.code,
        day,
        startsAt: w.start,
        endsAt: w.end,
        capacity: w.capacity,
      })),
    ),
  );
}

async function syncServices(trx: Kysely<Database>, campaignId: number, file: CampaignFile): Promise<void> {
  const codes = file.services.map((s) => s.code);
  const dropped = await trx
    .selectFrom('campaign_services')
    .select('service')
    .where('campaign_id', '=', campaignId)
    .where('service', 'not in', codes)
    .execute();
  for (const { service } of dropped) {
    const held = await countActive(trx, campaignId, service);
    if (held > 0) {
      throw new InvalidInput([`services: ${service} was removed but ${held} people hold appointments for it; cancel them first or keep the service`]);
    }
  }
  if (dropped.length > 0) {
    await trx.deleteFrom('campaign_services').where('campaign_id', '=', campaignId).where('service', 'not in', codes).execute();
  }
  for (const s of file.services) {
    const checkinDays = s.checkinDays ? JSON.stringify(s.checkinDays) : null;
    await trx
      .insertInto('campaign_services')
      .values({ campaign_id: campaignId, service: s.code, requires_fasting: s.requiresFasting, checkin_days: checkinDays, audience: s.audience ?? null })
      .onConflict((oc) => oc.columns(['campaign_id', 'service']).doUpdateSet({ requires_fasting: s.requiresFasting, checkin_days: checkinDays, audience: s.audience ?? null }))
      .execute();
  }
}

async function countActive(trx: Kysely<Database>, campaignId: number, service: string): Promise<number> {
  const row = await trx
    .selectFrom('appointments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('campaign_id', '=', campaignId)
    .where('service', '=', service)
    .where('status', '=', 'booked')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function syncSlots(trx: Kysely<Database>, campaignId: number, wanted: WantedSlot[], allowRemoval: boolean): Promise<ImportResult['slots']> {
  const existing = await trx
    .selectFrom('slots')
    .select(['id', 'service', 'day', 'starts_at', 'ends_at', 'capacity', 'booked'])
    .where('campaign_id', '=', campaignId)
    .forUpdate()
    .execute();
  const byKey = new Map(existing.map((s) => [`${s.service}|${s.day}|${s.starts_at.slice(0, 5)}`, s]));
  const wantedKeys = new Set(wanted.map((w) => w.key));
  const counts = { inserted: 0, updated: 0, deleted: 0, unchanged: 0 };
  const stale = existing.filter((s) => !wantedKeys.has(`${s.service}|${s.day}|${s.starts_at.slice(0, 5)}`));
  // A booked window is neither removed nor given fewer places than it holds: the people booked keep theirs.
  const held: BookedWindow[] = stale
    .filter((s) => s.booked > 0)
    .map((s) => ({ service: s.service, day: s.day, start: s.starts_at.slice(0, 5), end: s.ends_at.slice(0, 5), booked: s.booked }));
  for (const w of wanted) {
    const s = byKey.get(w.key);
    if (s && w.capacity < s.booked) held.push({ service: w.service, day: w.day, start: w.startsAt, end: w.endsAt, booked: s.booked, capacity: w.capacity, path: w.path });
  }
  if (held.length > 0) throw new BookedWindowsRefused(held);
  // Deleting windows is rarely what a coordinator editing a file meant (a renamed start time, a day
  // left out): say which ones first, and delete only when asked to.
  if (stale.length > 0 && !allowRemoval) {
    throw new WindowsRemovalRefused(stale.map((s) => `${s.service} on ${s.day} from ${s.starts_at.slice(0, 5)} to ${s.ends_at.slice(0, 5)}`));
  }

  if (stale.length > 0) {
    await trx.deleteFrom('slots').where('id', 'in', stale.map((s) => s.id)).execute();
    counts.deleted = stale.length;
  }
  const fresh = wanted.filter((w) => !byKey.has(w.key));
  try {
    for (const w of wanted) {
      const s = byKey.get(w.key);
      if (!s) continue;
      if (s.ends_at.slice(0, 5) !== w.endsAt || s.capacity !== w.capacity) {
        await trx.updateTable('slots').set({ ends_at: w.endsAt, capacity: w.capacity }).where('id', '=', s.id).execute();
        counts.updated++;
      } else {
        counts.unchanged++;
      }
    }
    if (fresh.length > 0) {
      await trx
        .insertInto('slots')
        .values(fresh.map((w) => ({ campaign_id: campaignId, service: w.service, day: w.day, starts_at: w.startsAt, ends_at: w.endsAt, capacity: w.capacity })))
        .execute();
      counts.inserted = fresh.length;
    }
  } catch (err) {
    if (isExclusionViolation(err, 'slots_windows_do_not_overlap')) {
      throw new InvalidInput(['services: two time windows of the same service overlap on the same day']);
    }
    throw err;
  }
  return counts;
}

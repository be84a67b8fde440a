// What the medical staff read of the alerts: the open ones of their organisation in the order they should
// be called about, and one alert with everything the patient answered so far and the phone to call.
import { DateTime } from 'luxon';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/tables.ts';
import type { Actor } from '../domain/actor.ts';
import { recordAudit } from '../domain/audit/audit-log.ts';
import { decodeCursor, pageOf, type Page, type PageQuery } from '../domain/pagination.ts';
import { ageOn } from '../domain/venue/check-in-decision.ts';
import { localDay } from '../domain/clock.ts';
import { type AlertDetail, type AlertNote, type AlertState, type AlertSeriousness, type AlertSummary, type CheckinAnswers } from '../http/console/alerts.schemas.ts';

/**
 * 3 urgent, 2 red flag, 1 unreachable. Urgent is the conversation's own rule (checkin.flow.ts): unbearable
 * pain or bleeding, the answers told to call the emergency number at once.
 */
const RANK = sql<number>`case when a.kind = 'red_flag' and ((a.details ->> 'question' = 'pain' and a.details ->> 'answer' = '3') or (a.details ->> 'question' = 'bleeding' and a.details ->> 'answer' = 'true')) then 3 when a.kind = 'red_flag' then 2 else 1 end`;
/** 0 while nobody acknowledged it: those come first. */
const TAKEN = sql<number>`case when a.acknowledged_at is null then 0 else 1 end`;
const SERIOUSNESS_OF_RANK: Record<number, AlertSeriousness> = { 3: 'urgent', 2: 'red_flag', 1: 'unreachable' };
const ListCursor = z.tuple([z.number().int(), z.number().int(), z.number().int()]);

/** Days from the operation to `at`, by the calendar of `zone` (J+n); null without an operation. Pure. */
export function dayAfterSurgery(procedureDoneAt: Date | null, at: Date, zone: string): number | null {
  if (procedureDoneAt === null) return null;
  const day = (d: Date) => DateTime.fromISO(localDay(d, zone), { zone: 'utc' });
  return Math.round(day(at).diff(day(procedureDoneAt), 'days').days);
}

function alertRows(db: Kysely<Database>, organisationId: number) {
  return db
    .selectFrom('staff_alerts as a')
    .innerJoin('campaigns as c', 'c.id', 'a.campaign_id')
    .innerJoin('appointments as ap', 'ap.id', 'a.appointment_id')
    .innerJoin('beneficiaries as b', 'b.id', 'ap.beneficiary_id')
    .leftJoin('staff as ack', 'ack.id', 'a.acknowledged_by')
    .select(['a.id', 'a.kind', 'a.appointment_id', 'a.campaign_id', 'a.details', 'a.created_at', 'a.acknowledged_at', 'ack.name as acknowledged_by', 'c.title', 'ap.service', 'ap.procedure_done_at', 'b.full_name'])
    .select([RANK.as('rank'), TAKEN.as('taken')])
    .where('c.organisation_id', '=', organisationId);
}

type AlertRow = Awaited<ReturnType<ReturnType<typeof alertRows>['execute']>>[number];

function summaryOf(r: AlertRow, zone: string): AlertSummary {
  return {
    id: r.id,
    kind: r.kind,
    seriousness: SERIOUSNESS_OF_RANK[r.rank] ?? 'unreachable',
    appointmentId: r.appointment_id,
    campaignId: r.campaign_id,
    campaignTitle: r.title,
    service: r.service,
    patient: r.full_name,
    dayAfterSurgery: dayAfterSurgery(r.procedure_done_at, r.created_at, zone),
    details: r.details,
    createdAt: r.created_at.toISOString(),
    acknowledged: r.acknowledged_at ? { at: r.acknowledged_at.toISOString(), by: r.acknowledged_by ?? '' } : null,
  };
}

/** Open alerts of the organisation's campaigns: not acknowledged first, then the most serious, then the newest. */
export async function listOpenAlerts(db: Kysely<Database>, organisationId: number, zone: string, query: PageQuery & { campaignId?: number }): Promise<Page<AlertSummary>> {
  const after = decodeCursor(query.cursor, ListCursor);
  const rows = await alertRows(db, organisationId)
    .where('a.resolved_at', 'is', null)
    .$if(query.campaignId !== undefined, (q) => q.where('a.campaign_id', '=', query.campaignId ?? 0))
    .$if(after !== undefined, (q) => q.where(sql<boolean>`(${TAKEN}, -${RANK}, -a.id) > (${after?.[0] ?? 0}, ${-(after?.[1] ?? 0)}, ${-(after?.[2] ?? 0)})`))
    .orderBy('taken')
    .orderBy('rank', 'desc')
    .orderBy('a.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = pageOf(rows, query.limit, (r) => [r.taken, r.rank, r.id]);
  return { items: page.items.map((r) => summaryOf(r, zone)), nextCursor: page.nextCursor };
}

/**
 * One alert of the organisation (open or resolved) with the patient's phone, every check-in answered so far
 * and the notes; showing the phone is written to the audit log in the same transaction. undefined elsewhere.
 */
export async function readAlert(trx: Kysely<Database>, viewer: { actor: Actor; organisationId: number }, alertId: number, zone: string, today: string): Promise<AlertDetail | undefined> {
  const row = await alertRows(trx, viewer.organisationId)
    .innerJoin('contacts as k', 'k.id', 'b.contact_id')
    .leftJoin('staff as res', 'res.id', 'a.resolved_by')
    .select(['k.phone_e164', 'b.relation', 'b.sex', 'b.birth_year', 'a.resolved_at', 'res.name as resolved_by'])
    .where('a.id', '=', alertId)
    .executeTakeFirst();
  if (!row) return undefined;
  const checkins = await trx
    .selectFrom('checkins as ch')
    .innerJoin('notifications as n', 'n.id', 'ch.notification_id')
    .select(['n.label', 'ch.created_at', 'ch.completed_at', 'ch.answers', 'ch.red_flags'])
    .where('ch.appointment_id', '=', row.appointment_id)
    .orderBy('ch.created_at')
    .orderBy('ch.id')
    .execute();
  const notes = await notesOf(trx, alertId);
  await recordAudit(trx, { actor: viewer.actor, action: 'staff_alert.phone_shown', entity: 'staff_alert', entityId: alertId, details: { appointmentId: row.appointment_id }, organisationId: viewer.organisationId });
  return {
    ...summaryOf(row, zone),
    phone: row.phone_e164,
    relation: row.relation,
    sex: row.sex,
    age: ageOn(today, row.birth_year),
    procedureDoneAt: row.procedure_done_at?.toISOString() ?? null,
    checkins: checkins.map((c): CheckinAnswers => ({ label: c.label, askedAt: c.created_at.toISOString(), completedAt: c.completed_at?.toISOString() ?? null, answers: c.answers, redFlags: c.red_flags })),
    notes,
    resolved: row.resolved_at ? { at: row.resolved_at.toISOString(), by: row.resolved_by ?? '' } : null,
  };
}

async function notesOf(db: Kysely<Database>, alertId: number): Promise<AlertNote[]> {
  const rows = await db
    .selectFrom('staff_alert_notes as o')
    .innerJoin('staff as s', 's.id', 'o.staff_id')
    .select(['o.id', 'o.created_at', 's.name', 'o.text'])
    .where('o.alert_id', '=', alertId)
    .orderBy('o.id')
    .execute();
  return rows.map((n) => ({ id: n.id, at: n.created_at.toISOString(), by: n.name, text: n.text }));
}

/** Who took and closed the alert, and its notes: the answer to an action, with no phone in it. */
export async function alertState(db: Kysely<Database>, organisationId: number, alertId: number): Promise<AlertState | undefined> {
  const row = await db
    .selectFrom('staff_alerts as a')
    .innerJoin('campaigns as c', 'c.id', 'a.campaign_id')
    .leftJoin('staff as ack', 'ack.id', 'a.acknowledged_by')
    .leftJoin('staff as res', 'res.id', 'a.resolved_by')
    .select(['a.id', 'a.acknowledged_at', 'ack.name as acknowledged_by', 'a.resolved_at', 'res.name as resolved_by'])
    .where('a.id', '=', alertId)
    .where('c.organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    acknowledged: row.acknowledged_at ? { at: row.acknowledged_at.toISOString(), by: row.acknowledged_by ?? '' } : null,
    resolved: row.resolved_at ? { at: row.resolved_at.toISOString(), by: row.resolved_by ?? '' } : null,
    notes: await notesOf(db, alertId),
  };
}

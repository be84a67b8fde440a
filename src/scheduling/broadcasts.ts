// Broadcasts: a coordinator's announcement to an audience, fanned out a page of contacts at a time.
// Each page is one transaction that writes the outbox rows and remembers who got one, so a page run
// twice (a worker killed mid-way, a retried job) reaches nobody twice, and no more than a page of
// recipients is ever in memory.
import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import { BLOOD_GROUPS, type Database, type Locale, type UnreachableCounts } from '../db/tables.ts';
import { localDay } from '../domain/clock.ts';
import { actorLabel, type Actor } from '../domain/actor.ts';
import { recordAudit } from '../domain/audit/audit-log.ts';
import { NotFound } from '../domain/errors.ts';
import { dealtWithOrganisation } from '../domain/organisations/organisation-contacts.ts';
import { decodeCursor, pageOf, type Page, type PageQuery } from '../domain/pagination.ts';

const LocaleSchema = z.enum(['ary', 'ary-Latn', 'ar', 'fr']);

export const AudienceSchema = z
  .object({
    /** Contacts subscribed to alerts for these provinces. */
    provinces: z.array(z.string().min(1)).min(1).optional(),
    /** People registered for this campaign before. */
    pastBeneficiariesOf: z.number().int().positive().optional(),
    /**
     * Donors who have given through Qafila and may give again on `on` (default: the day the broadcast is
     * created), of these blood groups if given — an appeal for a group that runs short.
     */
    eligibleDonors: z
      .object({
        bloodGroups: z.array(z.enum(BLOOD_GROUPS)).min(1).optional(),
        on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day as YYYY-MM-DD').optional(),
      })
      .strict()
      .optional(),
    /** Only contacts reading these languages. */
    locales: z.array(LocaleSchema).min(1).optional(),
  })
  .refine((a) => a.provinces !== undefined || a.pastBeneficiariesOf !== undefined || a.eligibleDonors !== undefined, {
    message: 'give provinces, pastBeneficiariesOf or eligibleDonors',
  });
export type Audience = z.infer<typeof AudienceSchema>;

export const BroadcastInputSchema = z.object({
  campaignId: z.number().int().positive().optional(),
  audience: AudienceSchema,
  texts: z.partialRecord(LocaleSchema, z.string().trim().min(1).max(1000)).refine((t) => Object.keys(t).length > 0, { message: 'give the text in at least one language' }),
  /** When to start; now when absent. */
  scheduledAt: z.coerce.date().optional(),
});
export type BroadcastInput = z.input<typeof BroadcastInputSchema>;

/**
 * Consented, not opted out, in the audience, and dealt with the organisation: the contacts a broadcast
 * may reach (null: a broadcast made before organisations had staff, which keeps its audience).
 * `after`: only contacts with a greater id (a page's cursor), said in each subquery too so that every index scan starts there.
 */
function audienceContacts(db: Kysely<Database>, audience: Audience, organisationId: number | null, after = 0): SelectQueryBuilder<Database, 'contacts', { id: number; locale: Locale | null }> {
  return audienceMembers(db, audience, organisationId, after).where((eb) => messagingChat(eb, { unblocked: true }));
}

/** Test chats: a message written there reaches nobody's phone. */
const TEST_CHANNELS = ['terminal', 'web'];

/** The contact has a chat a message can reach: not the terminal or the simulator (and, with `unblocked`, not blocked). */
function messagingChat(eb: ExpressionBuilder<Database, 'contacts'>, options: { unblocked: boolean }) {
  return eb.exists(
    eb
      .selectFrom('contact_identities as ci')
      .select('ci.contact_id')
      .whereRef('ci.contact_id', '=', 'contacts.id')
      .where('ci.channel', 'not in', TEST_CHANNELS)
      .$if(options.unblocked, (q) => q.where('ci.blocked_at', 'is', null)),
  );
}

/** The audience, reachable or not: the contacts it means, whether a message can reach them or not. */
function audienceMembers(db: Kysely<Database>, audience: Audience, organisationId: number | null, after = 0): SelectQueryBuilder<Database, 'contacts', { id: number; locale: Locale | null }> {
  return db
    .selectFrom('contacts')
    .select(['contacts.id', 'contacts.locale'])
    .where('contacts.id', '>', after)
    .where('contacts.consent_at', 'is not', null)
    .where('contacts.opted_out_at', 'is', null)
    .$if(audience.locales !== undefined, (q) => q.where('contacts.locale', 'in', audience.locales ?? []))
    .$if(organisationId !== null, (q) => q.where((eb) => dealtWithOrganisation(eb, organisationId ?? 0)))
    .where((eb) =>
      eb.or([
        ...(audience.provinces ? [eb.exists(eb.selectFrom('alert_subscriptions as s').select('s.contact_id').whereRef('s.contact_id', '=', 'contacts.id').where('s.contact_id', '>', after).where('s.province_code', 'in', audience.provinces))] : []),
        ...(audience.pastBeneficiariesOf !== undefined
          ? [eb.exists(eb.selectFrom('appointments as a').innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id').select('a.id').whereRef('b.contact_id', '=', 'contacts.id').where('a.campaign_id', '=', audience.pastBeneficiariesOf))]
          : []),
        ...(audience.eligibleDonors ? [eligibleDonor(eb, audience.eligibleDonors)] : []),
      ]),
    );
}

/** The contact gave blood themselves, and none of their donations keeps them from giving on `on`. */
function eligibleDonor(eb: ExpressionBuilder<Database, 'contacts'>, donors: NonNullable<Audience['eligibleDonors']>) {
  const on = donors.on ?? '9999-12-31';
  return eb.exists(
    eb
      .selectFrom('beneficiaries as b')
      .select('b.id')
      .whereRef('b.contact_id', '=', 'contacts.id')
      .where('b.relation', '=', 'self')
      .where('b.erased_at', 'is', null)
      .$if(donors.bloodGroups !== undefined, (q) => q.where('b.blood_group', 'in', donors.bloodGroups ?? []))
      .where((inner) => inner.exists(inner.selectFrom('donations as d').select('d.id').whereRef('d.beneficiary_id', '=', 'b.id')))
      .where((inner) => inner.not(inner.exists(inner.selectFrom('donations as d').select('d.id').whereRef('d.beneficiary_id', '=', 'b.id').where('d.next_eligible_on', '>', on)))),
  );
}

/**
 * `zone`: where the campaigns' days are counted, for the day donors must be eligible on. A campaign
 * (the broadcast's own or its audience's) of another organisation throws NotFound.
 */
export async function createBroadcast(db: Kysely<Database>, actor: Actor, organisationId: number, input: BroadcastInput, now: Date, zone = 'Africa/Casablanca'): Promise<{ id: number; targeted: number; unreachable: Unreachable | null; scheduledAt: Date }> {
  const parsed = BroadcastInputSchema.parse(input);
  // The day donors must be eligible on is fixed when the broadcast is made, not page by page.
  const b = parsed.audience.eligibleDonors && !parsed.audience.eligibleDonors.on
    ? { ...parsed, audience: { ...parsed.audience, eligibleDonors: { ...parsed.audience.eligibleDonors, on: localDay(parsed.scheduledAt ?? now, zone) } } }
    : parsed;
  return db.transaction().execute(async (trx) => {
    for (const campaignId of [b.campaignId, b.audience.pastBeneficiariesOf]) {
      if (campaignId === undefined) continue;
      const own = await trx.selectFrom('campaigns').select('id').where('id', '=', campaignId).where('organisation_id', '=', organisationId).executeTakeFirst();
      if (!own) throw new NotFound(`no campaign ${campaignId}`);
    }
    const { targeted, unreachable } = await countAudience(trx, b.audience, organisationId);
    const scheduledAt = b.scheduledAt ?? now;
    const row = await trx
      .insertInto('broadcasts')
      .values({ organisation_id: organisationId, campaign_id: b.campaignId ?? null, audience: JSON.stringify(b.audience), texts: JSON.stringify(b.texts), scheduled_at: scheduledAt, created_by: actorLabel(actor), targeted, unreachable: JSON.stringify(unreachable) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor, action: 'broadcast.create', entity: 'broadcast', entityId: row.id, details: { targeted, unreachable, audience: b.audience } });
    return { id: row.id, targeted, unreachable: unreachableOf(unreachable), scheduledAt };
  });
}

/** Who the broadcast will reach (targeted), and who of its audience it cannot, by reason. */
async function countAudience(db: Kysely<Database>, audience: Audience, organisationId: number): Promise<{ targeted: number; unreachable: UnreachableCounts }> {
  const row = await db
    .selectFrom(
      audienceMembers(db, audience, organisationId)
        .select((eb) => [messagingChat(eb, { unblocked: false }).as('messaging'), messagingChat(eb, { unblocked: true }).as('reachable')])
        .as('a'),
    )
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('a.reachable', '=', true).as('targeted'),
      eb.fn.countAll<number>().filterWhere('a.messaging', '=', false).as('test_chat_only'),
      eb.fn.countAll<number>().filterWhere((f) => f.and([f('a.messaging', '=', true), f('a.reachable', '=', false)])).as('blocked'),
    ])
    .executeTakeFirstOrThrow();
  return { targeted: Number(row.targeted), unreachable: { test_chat_only: Number(row.test_chat_only), blocked: Number(row.blocked) } };
}

/** Audience members no message can reach: how many, and why. */
export interface Unreachable {
  total: number;
  reasons: UnreachableCounts;
}

function unreachableOf(counts: UnreachableCounts | null): Unreachable | null {
  return counts === null ? null : { total: counts.test_chat_only + counts.blocked, reasons: counts };
}

/** The text each locale reads, falling back within the same script first, then to any text given. */
const FALLBACK: Record<Locale, readonly Locale[]> = { ary: ['ary', 'ar', 'fr', 'ary-Latn'], ar: ['ar', 'ary', 'fr', 'ary-Latn'], 'ary-Latn': ['ary-Latn', 'fr', 'ary', 'ar'], fr: ['fr', 'ary-Latn', 'ar', 'ary'] };

export function textFor(texts: Partial<Record<Locale, string>>, locale: Locale): string {
  for (const l of FALLBACK[locale]) {
    const text = texts[l];
    if (text) return text;
  }
  return '';
}

export interface FanoutPage {
  /** Outbox ids written by this page, by channel, to queue after the commit. */
  queued: Map<string, number[]>;
  done: boolean;
}

/**
 * Writes the next page of a broadcast. `footer` is the line telling how to stop, per locale.
 */
export async function fanoutPage(db: Kysely<Database>, broadcastId: number, pageSize: number, footer: (locale: Locale) => string): Promise<FanoutPage> {
  return db.transaction().execute(async (trx) => {
    const b = await trx.selectFrom('broadcasts').selectAll().where('id', '=', broadcastId).forUpdate().executeTakeFirst();
    if (!b || b.status === 'cancelled' || b.status === 'done') return { queued: new Map(), done: true };
    const audience = AudienceSchema.parse(b.audience);
    const pageQuery = audienceContacts(trx, audience, b.organisation_id, b.cursor)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('broadcast_deliveries as d').select('d.contact_id').whereRef('d.contact_id', '=', 'contacts.id').where('d.broadcast_id', '=', broadcastId).where('d.contact_id', '>', b.cursor))))
      .orderBy('contacts.id')
      .limit(pageSize);
    // What each language reads, with how to stop; the template carries the bare text.
    const locales = ['ary', 'ary-Latn', 'ar', 'fr'] as const;
    const full = Object.fromEntries(locales.map((l) => [l, `${textFor(b.texts, l)}\n${footer(l)}`]));
    const plain = Object.fromEntries(locales.map((l) => [l, textFor(b.texts, l)]));
    // One statement: the page, the chat each person used last (not the terminal or the simulator),
    // the outbox rows and the record of who got one.
    const result = await sql<{ written: Array<{ id: number; channel: string }>; last: number | null; n: number }>`
      with page as (${pageQuery}),
      target as (
        -- Lateral: a look-up by index for each person of the page, not a scan of every identity.
        select p.id, coalesce(p.locale, 'fr') as locale, i.channel, i.external_id
        from page p cross join lateral (
          select channel, external_id from contact_identities
          where contact_id = p.id and channel not in ('terminal', 'web') and blocked_at is null
          order by last_inbound_at desc nulls last limit 1
        ) i
      ),
      ob as (
        insert into outbox (contact_id, organisation_id, campaign_id, channel, recipient, kind, payload)
        select id, ${b.organisation_id}::int, ${b.campaign_id}::int, channel, external_id, 'broadcast',
          jsonb_build_object('text', ${JSON.stringify(full)}::jsonb ->> locale, 'template', jsonb_build_object('params', jsonb_build_array(${JSON.stringify(plain)}::jsonb ->> locale)))
        from target
        returning id, contact_id, channel
      ),
      dl as (insert into broadcast_deliveries (broadcast_id, contact_id, outbox_id) select ${broadcastId}, contact_id, id from ob)
      select (select coalesce(json_agg(json_build_object('id', ob.id, 'channel', ob.channel) order by ob.id), '[]'::json) from ob) as written,
             (select max(id) from page) as last,
             (select count(*)::int from page) as n`.execute(trx);
    const row = result.rows[0] ?? { written: [], last: null, n: 0 };
    const queued = new Map<string, number[]>();
    for (const w of row.written) queued.set(w.channel, [...(queued.get(w.channel) ?? []), Number(w.id)]);
    const page = { length: row.n, last: row.last };
    const last = page.last ?? undefined;
    const done = page.length < pageSize;
    await trx
      .updateTable('broadcasts')
      .set({ cursor: last ?? b.cursor, status: done ? 'done' : 'running', updated_at: sql<Date>`now()` })
      .where('id', '=', broadcastId)
      .execute();
    return { queued, done };
  });
}

export interface BroadcastProgress {
  id: number;
  status: string;
  targeted: number | null;
  /** Audience members left out because no message can reach them (null for a broadcast made before they were counted). */
  unreachable: Unreachable | null;
  scheduledAt: Date;
  queued: number;
  sent: number;
  failed: number;
  cancelled: number;
}

/**
 * A broadcast of the organisation with its counts so far; undefined when there is none of theirs. Once
 * the retention job has written its figures on its row (and deleted its deliveries), they are read there.
 */
export async function broadcastProgress(db: Kysely<Database>, organisationId: number, id: number): Promise<BroadcastProgress | undefined> {
  const b = await db.selectFrom('broadcasts').select(['id', 'status', 'targeted', 'unreachable', 'scheduled_at', 'queued', 'sent', 'failed', 'cancelled', 'counted_at']).where('id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!b) return undefined;
  const summary = { id: b.id, status: b.status, targeted: b.targeted, unreachable: unreachableOf(b.unreachable), scheduledAt: b.scheduled_at };
  if (b.counted_at !== null) return { ...summary, queued: b.queued ?? 0, sent: b.sent ?? 0, failed: b.failed ?? 0, cancelled: b.cancelled ?? 0 };
  const counts = await db
    .selectFrom('broadcast_deliveries as d')
    .innerJoin('outbox as o', 'o.id', 'd.outbox_id')
    .select(['o.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('d.broadcast_id', '=', id)
    .groupBy('o.status')
    .execute();
  const n = (status: string) => Number(counts.find((c) => c.status === status)?.n ?? 0);
  return { ...summary, queued: counts.reduce((sum, c) => sum + Number(c.n), 0), sent: n('sent'), failed: n('failed'), cancelled: n('cancelled') };
}

export interface BroadcastSummary {
  id: number;
  status: string;
  campaignId: number | null;
  targeted: number | null;
  scheduledAt: Date;
  createdBy: string;
}

/** The organisation's broadcasts, newest first. */
export async function listBroadcasts(db: Kysely<Database>, organisationId: number, page: PageQuery): Promise<Page<BroadcastSummary>> {
  const after = decodeCursor(page.cursor, z.number().int());
  const rows = await db
    .selectFrom('broadcasts')
    .select(['id', 'status', 'campaign_id', 'targeted', 'scheduled_at', 'created_by'])
    .where('organisation_id', '=', organisationId)
    .$if(after !== undefined, (q) => q.where('id', '<', after ?? 0))
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
  const items = rows.map((r) => ({ id: r.id, status: r.status, campaignId: r.campaign_id, targeted: r.targeted, scheduledAt: r.scheduled_at, createdBy: r.created_by }));
  return pageOf(items, page.limit, (r) => r.id);
}

/** Stops the fan-out of the organisation's broadcast and withdraws what has not left yet. */
export async function cancelBroadcast(db: Kysely<Database>, actor: Actor, organisationId: number, id: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const b = await trx
      .updateTable('broadcasts')
      .set({ status: 'cancelled', updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('organisation_id', '=', organisationId)
      .where('status', 'in', ['scheduled', 'running'])
      .returning('id')
      .executeTakeFirst();
    if (!b) return false;
    await trx
      .updateTable('outbox')
      .set({ status: 'cancelled', updated_at: sql<Date>`now()` })
      .where('status', '=', 'pending')
      .where('id', 'in', (eb) => eb.selectFrom('broadcast_deliveries').select('outbox_id').where('broadcast_id', '=', id))
      .execute();
    await recordAudit(trx, { actor, action: 'broadcast.cancel', entity: 'broadcast', entityId: id });
    return true;
  });
}

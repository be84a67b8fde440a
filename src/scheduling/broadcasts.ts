// Broadcasts: a coordinator's announcement to an audience, fanned out a page of contacts at a time.
// Each page is one transaction that writes the outbox rows and remembers who got one, so a page run
// twice (a worker killed mid-way, a retried job) reaches nobody twice, and no more than a page of
// recipients is ever in memory.
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, Locale, UnreachableCounts } from '../db/tables.ts';
import { actorLabel, type Actor } from '../domain/actor.ts';
import { recordAudit } from '../domain/audit/audit-log.ts';
import { LOCALES } from '../i18n/locales.ts';
import { assertOwnCampaigns, AudienceSchema, consentingCandidates, dealtWithOf, LocaleSchema, lastUsedChat, withDonorDay } from './broadcast-audience.ts';
import { unreachableOf, type Unreachable } from './broadcast-progress.ts';
import { broadcastMessage } from './broadcast-text.ts';
import { previewAudience } from './broadcast-preview.ts';
import { createSegments } from './broadcast-segments.ts';

export { AudienceSchema, type Audience } from './broadcast-audience.ts';
export { textFor } from './broadcast-text.ts';
export { broadcastProgress, listBroadcasts, type BroadcastProgress, type BroadcastSummary, type Unreachable } from './broadcast-progress.ts';

export const BroadcastInputSchema = z.object({
  campaignId: z.number().int().positive().optional(),
  audience: AudienceSchema,
  texts: z.partialRecord(LocaleSchema, z.string().trim().min(1).max(1000)).refine((t) => Object.keys(t).length > 0, { message: 'give the text in at least one language' }),
  /** When to start; now when absent. */
  scheduledAt: z.coerce.date().optional(),
});
export type BroadcastInput = z.input<typeof BroadcastInputSchema>;

/**
 * `zone`: where the campaigns' days are counted, for the day donors must be eligible on. A campaign
 * (the broadcast's own or its audience's) of another organisation throws NotFound.
 */
export async function createBroadcast(db: Kysely<Database>, actor: Actor, organisationId: number, input: BroadcastInput, now: Date, zone = 'Africa/Casablanca'): Promise<{ id: number; targeted: number; unreachable: Unreachable | null; scheduledAt: Date }> {
  const parsed = BroadcastInputSchema.parse(input);
  // The day donors must be eligible on is fixed when the broadcast is made, not page by page.
  const b = { ...parsed, audience: withDonorDay(parsed.audience, parsed.scheduledAt ?? now, zone) };
  return db.transaction().execute(async (trx) => {
    await assertOwnCampaigns(trx, organisationId, [b.campaignId, b.audience.pastBeneficiariesOf]);
    const scheduledAt = b.scheduledAt ?? now;
    // The preview's own count: what the composer showed is what is recorded, and then written.
    const counted = await previewAudience(trx, organisationId, b.audience, scheduledAt, zone);
    const targeted = counted.reach;
    const unreachable: UnreachableCounts = { test_chat_only: counted.excluded.testChatOnly, blocked: counted.excluded.blocked };
    const row = await trx
      .insertInto('broadcasts')
      .values({ organisation_id: organisationId, campaign_id: b.campaignId ?? null, audience: JSON.stringify(b.audience), texts: JSON.stringify(b.texts), scheduled_at: scheduledAt, created_by: actorLabel(actor), targeted, unreachable: JSON.stringify(unreachable) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await createSegments(trx, row.id, b.audience);
    await recordAudit(trx, { actor, action: 'broadcast.create', entity: 'broadcast', entityId: row.id, details: { targeted, unreachable, audience: b.audience } });
    return { id: row.id, targeted, unreachable: unreachableOf(unreachable), scheduledAt };
  });
}

export interface FanoutPage {
  /** Outbox ids written by this page, by channel, to queue after the commit. */
  queued: Map<string, number[]>;
  /** Nothing more to write: in the segment asked for, or in the whole broadcast when none was named. */
  done: boolean;
  /** The segment written (null: none was left to write). */
  segment: number | null;
  /** Where the segment's next page starts. */
  cursor: number;
}

/**
 * Writes the next page of a broadcast's `segment` (any segment not being written, when absent).
 * `footer` is the line telling how to stop, per locale. The segment's row is locked for the page, so a
 * page runs once at a time per segment, and cancelling (which takes the same locks) waits for it.
 */
export async function fanoutPage(db: Kysely<Database>, broadcastId: number, pageSize: number, footer: (locale: Locale) => string, segment?: number): Promise<FanoutPage> {
  return db.transaction().execute(async (trx) => {
    // A page lost with its commit (Postgres crashing within the moment) is written again from the cursor it
    // left unchanged: no need to wait for the disk at each of a national broadcast's thousand commits.
    await sql`set local synchronous_commit = off`.execute(trx);
    const seg = await trx
      .selectFrom('broadcast_segments')
      .selectAll()
      .where('broadcast_id', '=', broadcastId)
      .where('done', '=', false)
      .$if(segment !== undefined, (q) => q.where('segment', '=', segment ?? 0).forUpdate())
      .$if(segment === undefined, (q) => q.orderBy('segment').limit(1).forUpdate().skipLocked())
      .executeTakeFirst();
    const nothing = { queued: new Map<string, number[]>(), done: true, segment: null, cursor: 0 };
    if (!seg) return nothing;
    // Read after the segment's lock: a cancel that took it first has committed by now.
    const b = await trx.selectFrom('broadcasts').selectAll().where('id', '=', broadcastId).executeTakeFirst();
    if (!b || b.status === 'cancelled' || b.status === 'done') return nothing;
    const audience = AudienceSchema.parse(b.audience);
    const range = { after: seg.after_id, until: seg.until_id };
    // A page is the next `pageSize` consenting people the audience's description names (a cheap index
    // range whose rows hold consent and STOP), and the checks of the organisation and the chat run on those
    // alone. Checking the organisation before the limit made Postgres hash every contact of the
    // organisation for each page: quadratic in the audience. The range is not read twice.
    const candidates = consentingCandidates(trx, audience, range).orderBy('contacts.id').limit(pageSize);
    // The chat is chosen below (lastUsedChat): whoever has none a message can reach drops out there.
    const pageQuery = dealtWithOf(trx, sql<number>`(select id from candidates)`, b.organisation_id)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('outbox as d').select('d.contact_id').where('d.broadcast_id', '=', broadcastId).whereRef('d.contact_id', '=', 'contacts.id'))));
    // What each language reads, with how to stop; the template carries the bare text. One payload per
    // language, parsed once per page, not once per person.
    const payloads = LOCALES.map((l) => {
      const m = broadcastMessage(b.texts, l, footer(l));
      return sql`(${l}, ${JSON.stringify({ text: m.text, template: { params: [m.template.params[0]] } })}::jsonb)`;
    });
    // One statement: the page, the chat each person used last (not the terminal or the simulator), and
    // the outbox rows, each naming the broadcast (who got one).
    const result = await sql<{ written: Array<{ id: number; channel: string }>; last: number | null; n: number }>`
      with candidates as materialized (${candidates}),
      page as (${pageQuery}),
      target as (
        select p.id, coalesce(p.locale, 'fr') as locale, i.channel, i.external_id
        from page p cross join lateral ${lastUsedChat(sql.ref('p.id'))} i
      ),
      payloads (locale, payload) as materialized (values ${sql.join(payloads)}),
      ob as (
        insert into outbox (contact_id, organisation_id, campaign_id, broadcast_id, channel, recipient, kind, payload)
        select t.id, ${b.organisation_id}::int, ${b.campaign_id}::int, ${broadcastId}::int, t.channel, t.external_id, 'broadcast', p.payload
        from target t join payloads p on p.locale = t.locale
        returning id, channel
      )
      select (select coalesce(json_agg(json_build_object('id', ob.id, 'channel', ob.channel) order by ob.id), '[]'::json) from ob) as written,
             (select max(id) from candidates) as last,
             (select count(*)::int from candidates) as n`.execute(trx);
    const row = result.rows[0] ?? { written: [], last: null, n: 0 };
    const queued = new Map<string, number[]>();
    for (const w of row.written) queued.set(w.channel, [...(queued.get(w.channel) ?? []), Number(w.id)]);
    const cursor = row.last ?? seg.after_id;
    const segmentDone = row.n < pageSize;
    await trx.updateTable('broadcast_segments').set({ after_id: cursor, done: segmentDone }).where('broadcast_id', '=', broadcastId).where('segment', '=', seg.segment).execute();
    // Last of all, so two pages of the broadcast wait on each other's row lock only for a commit. Counting
    // down in one UPDATE: of two segments ending together, the second sees the first's count.
    const after = await trx
      .updateTable('broadcasts')
      .set((eb) => ({
        segments_left: segmentDone ? sql<number>`segments_left - 1` : eb.ref('segments_left'),
        status: sql<'running' | 'done'>`case when ${segmentDone} and segments_left <= 1 then 'done' else 'running' end`,
        updated_at: sql<Date>`now()`,
      }))
      .where('id', '=', broadcastId)
      .where('status', 'in', segmentDone ? ['scheduled', 'running'] : ['scheduled'])
      .returning('status')
      .executeTakeFirst();
    const broadcastDone = segmentDone && after?.status === 'done';
    return { queued, done: segment === undefined ? broadcastDone : segmentDone, segment: seg.segment, cursor };
  });
}

/** Stops the fan-out of the organisation's broadcast and withdraws what has not left yet, even once all is written. */
export async function cancelBroadcast(db: Kysely<Database>, actor: Actor, organisationId: number, id: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // The segments' locks first, as a page takes them: a page being written ends (and its messages are
    // withdrawn below), and the next one finds the broadcast cancelled.
    await trx
      .selectFrom('broadcast_segments')
      .select('segment')
      .where('broadcast_id', '=', id)
      .where((eb) => eb.exists(eb.selectFrom('broadcasts').select('id').where('id', '=', id).where('organisation_id', '=', organisationId)))
      .orderBy('segment')
      .forUpdate()
      .execute();
    const b = await trx
      .updateTable('broadcasts')
      .set({ status: 'cancelled', updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('organisation_id', '=', organisationId)
      // Written out but not all gone yet is still mid-way: the messages waiting are withdrawn.
      .where((eb) =>
        eb.or([
          eb('status', 'in', ['scheduled', 'running']),
          eb.and([
            eb('status', '=', 'done'),
            eb.exists(eb.selectFrom('outbox as o').select('o.id').whereRef('o.broadcast_id', '=', 'broadcasts.id').where('o.status', '=', 'pending')),
          ]),
        ]),
      )
      .returning('id')
      .executeTakeFirst();
    if (!b) return false;
    await trx
      .updateTable('outbox')
      .set({ status: 'cancelled', updated_at: sql<Date>`now()` })
      .where('broadcast_id', '=', id)
      .where('status', '=', 'pending')
      .execute();
    await recordAudit(trx, { actor, action: 'broadcast.cancel', entity: 'broadcast', entityId: id });
    return true;
  });
}

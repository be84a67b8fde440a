// The outbox: replies and notifications waiting for delivery, written in the transaction that decided them.
// Its status moves pending -> sending -> sent (or failed); a row is claimed before the provider is called,
// so a crash can leave only rows in "sending", which are reported rather than sent twice.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, Locale, OutboxKind } from '../db/tables.ts';
import { ReplySchema, type Reply } from '../conversation/reply.ts';

export interface ClaimedMessage {
  id: number;
  channel: string;
  recipient: string;
  /** The contact's language, for a template; null before consent. */
  locale: Locale | null;
  reply: Reply;
  /** Provider ids of the parts already sent by an earlier attempt, in order. */
  sentParts: string[];
  /** The reply confirming an erasure: blanked once it has gone. */
  forgetAfterSend: boolean;
}

/** A row whose parts all went, to be marked sent: by `finishSent`, or by the claim of the next rows. */
export interface SentMessage {
  message: { id: number; channel: string };
  sentParts: readonly string[];
}

interface ClaimedRow {
  id: number;
  channel: string;
  recipient: string;
  payload: unknown;
  provider_id: string | null;
  forget_after_send: boolean;
  locale: Locale | null;
}

/**
 * The statement of claimForSending. Its rows are found by id alone: "(status = 'pending') is true" keeps
 * the planner off outbox_pending, which it would otherwise AND with the ids when its statistics predate a
 * broadcast's rows, reading every pending entry (a million, during a national broadcast) at each claim.
 */
export function claimStatement(ids: readonly number[], previous: readonly SentMessage[], waitingChats: readonly string[]) {
  const finish = previous.length > 0 ? sql`${markSentStatement(previous)}, ` : sql``;
  return sql<ClaimedRow>`
    with ${finish}claimed as (
      update outbox set status = 'sending', attempts = attempts + 1, updated_at = now()
      where id = any(${[...ids]}::bigint[]) and (status = 'pending') is true and recipient <> all(${[...waitingChats]}::text[])
      returning id, channel, recipient, payload, provider_id, forget_after_send, contact_id
    )
    select c.id, c.channel, c.recipient, c.payload, c.provider_id, c.forget_after_send, k.locale
    from claimed c left join contacts k on k.id = c.contact_id`;
}

/**
 * Takes the pending rows of `ids` for sending, in the order given; a row is left out when it was sent,
 * failed, or is being sent elsewhere, or when it goes to one of `waitingChats` (an earlier message to
 * that chat failed: this one waits for it). `previous`, the rows the same job sent just before, are
 * marked sent in the same statement. A statement costs Postgres far more than the rows it touches, so a
 * broadcast claims its rows a few at a time; replies, one at a time.
 */
export async function claimForSending(db: Kysely<Database>, ids: readonly number[], previous: readonly SentMessage[] = [], waitingChats: readonly string[] = []): Promise<ClaimedMessage[]> {
  const result = await claimStatement(ids, previous, waitingChats).execute(db);
  const order = new Map(ids.map((id, i) => [id, i]));
  return result.rows
    .map((row) => ({
      id: Number(row.id),
      channel: row.channel,
      recipient: row.recipient,
      locale: row.locale,
      reply: ReplySchema.parse(row.payload),
      sentParts: row.provider_id ? row.provider_id.split(' ') : [],
      forgetAfterSend: row.forget_after_send,
    }))
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

/**
 * The last part's provider id of each row, so delivery statuses find it: a CTE named sent_part (a voice
 * note's id is kept on the row with a "voice:" mark, which the provider's statuses do not carry). Not for
 * the reply confirming an erasure: a WhatsApp message id holds the number it went to.
 */
function sentPartStatement(sent: readonly SentMessage[]) {
  const ids = sent.map((s) => s.message.id);
  const last = sent.map((s) => (s.sentParts.at(-1) ?? '').replace(/^voice:/, ''));
  return sql`
    sent_part as (
      insert into sent_messages (channel, provider_id, outbox_id)
      select o.channel, u.provider_id, o.id
      from unnest(${ids}::bigint[], ${last}::text[]) u(outbox_id, provider_id) join outbox o on o.id = u.outbox_id
      where not o.forget_after_send
      on conflict do nothing
    )`;
}

/** A row confirming an erasure keeps its status and times only, once it has gone or failed. */
const FORGET = {
  recipient: sql<string>`case when forget_after_send then '' else recipient end`,
  payload: sql<string>`case when forget_after_send then '{}'::jsonb else payload end`,
};

/** Two CTEs: the last part of each row recorded and the rows marked sent. */
function markSentStatement(sent: readonly SentMessage[]) {
  const ids = sent.map((s) => s.message.id);
  const parts = sent.map((s) => s.sentParts.join(' '));
  return sql`
    ${sentPartStatement(sent)},
    marked_sent as (
      update outbox set status = 'sent', sent_at = now(), error = null, updated_at = now(),
        provider_id = case when forget_after_send then null else u.parts end,
        recipient = ${FORGET.recipient}, payload = ${FORGET.payload}
      from unnest(${ids}::bigint[], ${parts}::text[]) u(outbox_id, parts)
      where outbox.id = u.outbox_id and status in ('pending', 'sending')
    )`;
}

/**
 * Records a part as sent: on the row, so a retry after a later part failed does not send it again,
 * and by its provider id, so delivery statuses find the row.
 */
export async function recordPartSent(db: Kysely<Database>, message: { id: number; channel: string }, sentParts: readonly string[]): Promise<void> {
  await sql`
    with ${sentPartStatement([{ message, sentParts }])}
    update outbox set provider_id = ${sentParts.join(' ')}, updated_at = now() where id = ${message.id}`.execute(db);
}

/** The last rows of a job went: record their last parts and mark them sent, in one statement. */
export async function finishSent(db: Kysely<Database>, sent: readonly SentMessage[]): Promise<void> {
  if (sent.length === 0) return;
  await sql`with ${markSentStatement(sent)} select 1`.execute(db);
}

/** When the chat identity last wrote to us, for channels that only answer within a window. */
export async function lastInboundAt(db: Kysely<Database>, channel: string, externalId: string): Promise<Date | null> {
  const row = await db.selectFrom('contact_identities').select('last_inbound_at').where('channel', '=', channel).where('external_id', '=', externalId).executeTakeFirst();
  return row?.last_inbound_at ?? null;
}

export async function markSent(db: Kysely<Database>, ids: readonly number[], providerId?: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    .set({ status: 'sent', sent_at: sql<Date>`now()`, error: null, updated_at: sql<Date>`now()`, ...FORGET, ...(providerId !== undefined ? { provider_id: sql<string>`case when forget_after_send then null else ${providerId} end` } : {}) })
    .where('id', 'in', [...ids])
    .where('status', 'in', ['pending', 'sending'])
    .execute();
}

/** A transient failure: back to pending, with the error kept for the message log. */
export async function releaseForRetry(db: Kysely<Database>, id: number, error: string): Promise<void> {
  await db.updateTable('outbox').set({ status: 'pending', error: error.slice(0, 500), updated_at: sql<Date>`now()` }).where('id', '=', id).where('status', '=', 'sending').execute();
}

/** A row claimed with others but never tried (its chat waits for an earlier one): pending again, as before its claim. */
export async function unclaim(db: Kysely<Database>, id: number): Promise<void> {
  await db.updateTable('outbox').set({ status: 'pending', attempts: sql<number>`attempts - 1`, updated_at: sql<Date>`now()` }).where('id', '=', id).where('status', '=', 'sending').execute();
}

/** A claimed row whose chat is not free yet goes back to pending as it was, its sent parts kept, for its job to come back. */
export async function putBack(db: Kysely<Database>, id: number): Promise<void> {
  await db.updateTable('outbox').set({ status: 'pending', updated_at: sql<Date>`now()` }).where('id', '=', id).where('status', '=', 'sending').execute();
}

export async function markFailed(db: Kysely<Database>, ids: readonly number[], error: string): Promise<void> {
  await failRows(db, ids, sql<string>`${error.slice(0, 500)}`);
}

/** A job's last attempt is over: its rows not sent yet fail, each keeping the error it already has. */
export async function failUnsent(db: Kysely<Database>, ids: readonly number[], error: string): Promise<void> {
  await failRows(db, ids, sql<string>`coalesce(error, ${error.slice(0, 500)})`);
}

async function failRows(db: Kysely<Database>, ids: readonly number[], error: RawBuilder<string>): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    .set({ status: 'failed', error: sql<string>`case when forget_after_send then null else ${error} end`, updated_at: sql<Date>`now()`, ...FORGET })
    .where('id', 'in', [...ids])
    .where('status', 'in', ['pending', 'sending'])
    .execute();
}

/**
 * Rows still pending after `olderThanMs`: their job was lost (Redis flushed, crash before enqueue), or
 * it is still waiting its turn (a long broadcast), which the sweep asks the queue.
 */
export async function pendingOutbox(db: Kysely<Database>, channel: string, olderThanMs: number, limit = 1000): Promise<Array<{ id: number; kind: OutboxKind }>> {
  return db
    .selectFrom('outbox')
    .select(['id', 'kind'])
    .where('channel', '=', channel)
    .where('status', '=', 'pending')
    .where('created_at', '<', sql<Date>`now() - make_interval(secs => ${olderThanMs / 1000})`)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Rows claimed for sending longer ago than `olderThanMs` and never finished: a process died while
 * the provider was being called, so nobody knows whether the person got the message. They are not
 * sent again; they are reported, for a person to check: an organisation's staff see its own
 * (broadcasts, reminders, alerts), the platform admin the replies in the chat, which belong to none.
 */
export async function doubtfulOutbox(db: Kysely<Database>, organisationId: number | null, olderThanMs: number): Promise<Array<{ id: number; channel: string; recipient: string; kind: string; since: Date }>> {
  const rows = await db
    .selectFrom('outbox')
    .select(['id', 'channel', 'recipient', 'kind', 'updated_at'])
    .where('status', '=', 'sending')
    .where((eb) => (organisationId === null ? eb('organisation_id', 'is', null) : eb('organisation_id', '=', organisationId)))
    .where('updated_at', '<', sql<Date>`now() - make_interval(secs => ${olderThanMs / 1000})`)
    .orderBy('id')
    .limit(1000)
    .execute();
  return rows.map((r) => ({ id: r.id, channel: r.channel, recipient: r.recipient, kind: r.kind, since: r.updated_at }));
}

/** How long a row may stay "sending" before it counts as doubtful: no send takes that long. */
export const DOUBTFUL_AFTER_MS = 5 * 60_000;

export type OutboxBacklogStatus = 'pending' | 'sending' | 'doubtful';

/**
 * Rows waiting per channel: pending, sending (for less than `doubtfulAfterMs`) and doubtful (sending
 * for longer). One statement, each half read through its partial index (pending, sending), so it
 * costs the rows waiting and not the whole table.
 */
export async function outboxBacklog(db: Kysely<Database>, doubtfulAfterMs = DOUBTFUL_AFTER_MS): Promise<Array<{ channel: string; status: OutboxBacklogStatus; count: number }>> {
  return (await outboxBacklogQuery(doubtfulAfterMs).execute(db)).rows;
}

/** The statement of `outboxBacklog`, apart so that its plan can be checked. */
export function outboxBacklogQuery(doubtfulAfterMs: number) {
  return sql<{ channel: string; status: OutboxBacklogStatus; count: number }>`
    select channel, 'pending' as status, count(*)::int as count from outbox where status = 'pending' group by channel
    union all
    select channel, case when updated_at < now() - make_interval(secs => ${doubtfulAfterMs / 1000}) then 'doubtful' else 'sending' end, count(*)::int
    from outbox where status = 'sending' group by 1, 2`;
}

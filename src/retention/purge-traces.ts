// What only matters for a while: inbound receipts, the audit log, the state of silent conversations.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { JOIN_IDENTITY_ACTION } from '../domain/contacts/phone-link.ts';
import { oldestFirst, type Batch } from './batches.ts';

/** Receipts of messages received before the cutoff: no provider retries them any more. */
export function purgeInboundReceipts(db: Kysely<Database>, cutoff: Date, rows: number): () => Promise<Batch> {
  return async () => {
    const result = await sql<{ removed: number }>`
      with gone as (
        delete from inbound_receipts where (channel, provider_id) in (
          select channel, provider_id from inbound_receipts where received_at < ${cutoff} limit ${rows})
        returning 1
      )
      select count(*)::int as removed from gone`.execute(db);
    const removed = result.rows[0]?.removed ?? 0;
    return { removed, more: removed === rows };
  };
}

/** Audit entries written before the cutoff, but for the joins of two contacts, which erasure needs. */
export function purgeAuditLog(db: Kysely<Database>, cutoff: Date, rows: number): () => Promise<Batch> {
  return oldestFirst(db, { table: 'audit_log', writtenAt: 'at', cutoff, rows, also: sql<boolean>`x.action <> ${JOIN_IDENTITY_ACTION}` });
}

/**
 * The state of conversations silent since before the cutoff (the contact stays; they come back to the
 * menu, welcomed back). Not while a person holds the contact's ticket: what they write goes to it. Walked
 * by contact: an index on the time of the last message would be updated by every message.
 */
export function purgeSilentConversations(db: Kysely<Database>, cutoff: Date, rows: number): () => Promise<Batch> {
  let after = 0;
  return async () => {
    const result = await sql<{ last: number | null; removed: number }>`
      with scanned as (select contact_id from conversations where contact_id > ${after} order by contact_id limit ${rows}),
      gone as (
        delete from conversations v using scanned s
        where v.contact_id = s.contact_id and v.updated_at < ${cutoff}
          and not exists (select 1 from handoff_tickets h where h.contact_id = v.contact_id and h.status = 'open')
        returning 1
      )
      select (select max(contact_id) from scanned) as last, (select count(*) from gone)::int as removed`.execute(db);
    const row = result.rows[0];
    if (!row || row.last === null) return { removed: row?.removed ?? 0, more: false };
    after = row.last;
    return { removed: row.removed, more: true };
  };
}

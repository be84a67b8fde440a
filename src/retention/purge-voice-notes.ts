// Voice notes are a person's voice, and the heaviest rows there are: they go once their ticket has been
// closed for the retention period (the line "[voice]" stays, as the ticket's other lines do).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { Batch } from './batches.ts';

/** Voice notes of tickets closed before the cutoff, a tenth of a batch at a time (each row holds audio). */
export function purgeVoiceNotes(db: Kysely<Database>, cutoff: Date, rows: number): () => Promise<Batch> {
  const limit = Math.max(1, Math.floor(rows / 10));
  return async () => {
    const result = await sql<{ removed: number }>`
      with gone as (
        delete from voice_notes where id in (
          select v.id from voice_notes v join handoff_tickets t on t.id = v.ticket_id
          where t.status = 'closed' and t.closed_at < ${cutoff} limit ${limit})
        returning 1
      )
      select count(*)::int as removed from gone`.execute(db);
    const removed = result.rows[0]?.removed ?? 0;
    return { removed, more: removed === limit };
  };
}

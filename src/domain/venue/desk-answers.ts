// Every scan and walk-in a desk sends is kept under the client id the desk made for it, with the answer
// it got: sent again (a retry, a batch sent twice after the network came back) it gets that answer back
// and changes nothing.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import { InvalidInput } from '../errors.ts';

export interface DeskRecord {
  clientId: string;
  kind: 'checkin' | 'walk_in';
  organisationId: number;
  campaignId: number;
  appointmentId: number | null;
  staffId: number;
  at: Date;
  outcome: string;
  answer: unknown;
}

/** The answer kept for `clientId`, or undefined the first time it is seen. Another organisation's client id is refused. */
export async function keptAnswer(trx: Kysely<Database>, organisationId: number, clientId: string, kind: DeskRecord['kind']): Promise<unknown> {
  const row = await trx.selectFrom('desk_checkins').select(['organisation_id', 'kind', 'answer']).where('client_id', '=', clientId).executeTakeFirst();
  if (!row) return undefined;
  if (row.organisation_id !== organisationId || row.kind !== kind) throw new InvalidInput([`clientId: ${clientId} was used for something else; make a new one for each scan`]);
  return row.answer;
}

/** Keeps the answer; false when the client id was kept meanwhile (the same scan sent twice at once). */
export async function keepAnswer(trx: Kysely<Database>, record: DeskRecord): Promise<boolean> {
  const row = await trx
    .insertInto('desk_checkins')
    .values({
      client_id: record.clientId,
      kind: record.kind,
      organisation_id: record.organisationId,
      campaign_id: record.campaignId,
      appointment_id: record.appointmentId,
      staff_id: record.staffId,
      at: record.at,
      outcome: record.outcome,
      answer: JSON.stringify(record.answer),
    })
    .onConflict((oc) => oc.column('client_id').doNothing())
    .returning('client_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Rewrites the answer kept for a scan a reconciliation overturned (an earlier arrival came in later). */
export async function replaceAnswer(trx: Kysely<Database>, clientId: string, outcome: string, answer: unknown): Promise<void> {
  await trx.updateTable('desk_checkins').set({ outcome, answer: JSON.stringify(answer) }).where('client_id', '=', clientId).execute();
}

// What was said to an erased person, or about them to a staff chat: the rows stay (a broadcast's progress,
// the message log count them) with their status and times only, no address, text or provider id.
import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';

/** The appointments of every person the contacts registered. */
export function appointmentsOf(eb: ExpressionBuilder<Database, keyof Database>, contactIds: readonly number[]) {
  return eb.selectFrom('appointments as a').innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id').select('a.id').where('b.contact_id', 'in', contactIds);
}

/**
 * Blanks the contacts' messages and the staff chats' alerts about their appointments (the chat is the
 * staff's and stays; the text named the patient and gave the phone); what has not left is cancelled.
 * Provider ids go too, with the delivery log and the inbound receipts: a WhatsApp message id holds the
 * number it came from or went to.
 */
export async function forgetMessages(trx: Kysely<Database>, contactIds: readonly number[]): Promise<void> {
  const alerts = (eb: ExpressionBuilder<Database, keyof Database>) => eb.selectFrom('staff_alerts as s').select('s.id').where('s.appointment_id', 'in', appointmentsOf(eb, contactIds));
  const traces = (eb: ExpressionBuilder<Database, 'outbox'>) => eb.or([eb('contact_id', 'in', contactIds), eb('staff_alert_id', 'in', alerts(eb))]);
  await trx
    .deleteFrom('sent_messages')
    .where('outbox_id', 'in', (eb) => eb.selectFrom('outbox').select('id').where(traces))
    .execute();
  await trx
    .updateTable('outbox')
    .set({
      recipient: sql<string>`case when contact_id is null then recipient else '' end`,
      payload: '{}',
      provider_id: null,
      error: null,
      // A row being sent right now is cancelled too: a retry must not find it pending, with no address.
      status: sql`case when status in ('pending', 'sending') then 'cancelled' else status end`,
      updated_at: sql<Date>`now()`,
    })
    .where(traces)
    .execute();
  await trx.deleteFrom('inbound_receipts').where('contact_id', 'in', contactIds).execute();
}

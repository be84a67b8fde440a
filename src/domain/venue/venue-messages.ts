// One message about an appointment made at the venue (a no-show's offer, a walk-in's greeting), as a
// notification: one per appointment and kind, for a contact a message may reach (consent given in the
// chat, not opted out, not erased), due now or when the quiet hours end. Its firing checks it all again
// and writes the outbox row in the person's language at that time.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import { outOfQuietHours, type QuietHours } from '../../scheduling/quiet-hours.ts';
import type { ScheduledNotification } from '../../scheduling/reminders.ts';

export async function queueVenueMessages(
  trx: Kysely<Database>,
  kind: 'no_show' | 'walk_in',
  appointmentIds: readonly number[],
  now: Date,
  settings: { zone: string; quiet: QuietHours },
): Promise<ScheduledNotification[]> {
  if (appointmentIds.length === 0) return [];
  const dueAt = outOfQuietHours(now, settings.zone, settings.quiet);
  const rows = await trx
    .insertInto('notifications')
    .columns(['kind', 'contact_id', 'appointment_id', 'label', 'due_at'])
    .expression((eb) =>
      eb
        .selectFrom('appointments as a')
        .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
        .innerJoin('contacts as k', 'k.id', 'b.contact_id')
        // The label is the kind: one message of each kind per appointment.
        .select([sql.lit(kind).as('kind'), 'k.id', 'a.id', sql.lit(kind).as('label'), sql<Date>`${dueAt}::timestamptz`.as('due_at')])
        .where('a.id', 'in', appointmentIds)
        .where('b.erased_at', 'is', null)
        .where('k.consent_at', 'is not', null)
        .where('k.opted_out_at', 'is', null),
    )
    .onConflict((oc) => oc.columns(['appointment_id', 'label']).where('status', 'in', ['pending', 'queued', 'sent']).doNothing())
    .returning(['id', 'due_at'])
    .execute();
  return rows.map((r) => ({ id: r.id, dueAt: r.due_at }));
}

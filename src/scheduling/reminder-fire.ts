// Firing a reminder: still booked? Then the code, the venue, what to bring, and "1 or 2".
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import type { Cancel, FireDeps, FireResult, FireTarget } from './fire-notification.ts';
import { queueNotification } from './notification-outbox.ts';
import { reminderReply } from './reminder-message.ts';

export async function fireReminder(
  trx: Kysely<Database>,
  deps: FireDeps,
  n: { id: number; appointmentId: number },
  target: FireTarget,
  now: Date,
  cancel: Cancel,
): Promise<FireResult> {
  const a = await trx
    .selectFrom('appointments as a')
    .innerJoin('slots as s', 's.id', 'a.slot_id')
    .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
    .innerJoin('campaigns as c', 'c.id', 'a.campaign_id')
    .innerJoin('campaign_services as cs', (j) => j.onRef('cs.campaign_id', '=', 'a.campaign_id').onRef('cs.service', '=', 'a.service'))
    .select(['a.status', 'a.code', 'a.service', 's.day', 's.starts_at', 's.ends_at', 'b.full_name', 'b.relation', 'c.venue_name', 'c.venue_names', 'c.venue_lat', 'c.venue_lon', 'c.commune', 'c.commune_names', 'cs.requires_fasting'])
    .where('a.id', '=', n.appointmentId)
    .executeTakeFirst();
  if (!a || a.status !== 'booked') return cancel('appointment no longer booked');
  const reply = reminderReply(deps.t, target.locale, {
    who: a.full_name ?? '',
    service: a.service,
    day: a.day,
    startsAt: a.starts_at,
    endsAt: a.ends_at,
    venue: { name: a.venue_name, lat: a.venue_lat, lon: a.venue_lon },
    commune: a.commune,
    names: { ...(a.venue_names ? { venue: a.venue_names } : {}), ...(a.commune_names ? { commune: a.commune_names } : {}) },
    code: a.code,
    fasting: a.requires_fasting,
    relation: a.relation,
  });
  // The next "1" or "2" from this person answers the reminder.
  return queueNotification(trx, n.id, target, reply, { reminder: { appointmentId: n.appointmentId, sentAt: now.toISOString() } });
}

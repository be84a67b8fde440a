// A notification's time has come: check it still makes sense, say it in the contact's current language,
// and hand it to the outbox — once, under a row lock, however many times the timer fires.
import { sql, type Kysely } from 'kysely';
import type { Database, Locale } from '../db/tables.ts';
import type { Translate } from '../i18n/translator.ts';
import { outOfQuietHours, type QuietHours } from './quiet-hours.ts';
import { reminderReply } from './reminder-message.ts';

export interface FireDeps {
  db: Kysely<Database>;
  t: Translate;
  zone: string;
  quiet: QuietHours;
}

export type FireResult =
  | { kind: 'sent'; outboxId: number; channel: string }
  | { kind: 'deferred'; until: Date }
  | { kind: 'skipped'; reason: string };

export async function fireNotification(deps: FireDeps, id: number, now: Date): Promise<FireResult> {
  // A timer that fires late at night (a worker was down) waits for the morning.
  const allowed = outOfQuietHours(now, deps.zone, deps.quiet);
  if (allowed.getTime() !== now.getTime()) return { kind: 'deferred', until: allowed };
  return deps.db.transaction().execute(async (trx) => {
    const n = await trx.selectFrom('notifications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!n) return { kind: 'skipped', reason: 'no such notification' };
    if (n.status !== 'pending' && n.status !== 'queued') return { kind: 'skipped', reason: `already ${n.status}` };
    const cancel = async (reason: string): Promise<FireResult> => {
      await trx.updateTable('notifications').set({ status: 'cancelled', reason, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
      return { kind: 'skipped', reason };
    };
    const contact = await trx.selectFrom('contacts').select(['locale', 'consent_at', 'opted_out_at']).where('id', '=', n.contact_id).executeTakeFirst();
    if (!contact || contact.consent_at === null) return cancel('no consent');
    if (contact.opted_out_at !== null) return cancel('opted out');
    // The chat the person used last: that is where they will look.
    const identity = await trx
      .selectFrom('contact_identities')
      .select(['channel', 'external_id'])
      .where('contact_id', '=', n.contact_id)
      .where('channel', 'not in', ['terminal', 'web'])
      .orderBy(sql`last_inbound_at desc nulls last`)
      .executeTakeFirst();
    if (!identity) return cancel('no channel to reach the contact');
    if (n.kind !== 'reminder' || n.appointment_id === null) return cancel(`${n.kind} is not sent by this worker yet`);
    const a = await trx
      .selectFrom('appointments as a')
      .innerJoin('slots as s', 's.id', 'a.slot_id')
      .innerJoin('beneficiaries as b', 'b.id', 'a.beneficiary_id')
      .innerJoin('campaigns as c', 'c.id', 'a.campaign_id')
      .innerJoin('campaign_services as cs', (j) => j.onRef('cs.campaign_id', '=', 'a.campaign_id').onRef('cs.service', '=', 'a.service'))
      .select(['a.status', 'a.code', 'a.service', 's.day', 's.starts_at', 's.ends_at', 'b.full_name', 'c.venue_name', 'c.venue_lat', 'c.venue_lon', 'c.commune', 'cs.requires_fasting'])
      .where('a.id', '=', n.appointment_id)
      .executeTakeFirst();
    if (!a || a.status !== 'booked') return cancel('appointment no longer booked');
    const locale: Locale = contact.locale ?? 'fr';
    const reply = reminderReply(deps.t, locale, {
      who: a.full_name ?? '',
      service: a.service,
      day: a.day,
      startsAt: a.starts_at,
      endsAt: a.ends_at,
      venue: { name: a.venue_name, lat: a.venue_lat, lon: a.venue_lon },
      commune: a.commune,
      code: a.code,
      fasting: a.requires_fasting,
    });
    const outbox = await trx
      .insertInto('outbox')
      .values({ contact_id: n.contact_id, channel: identity.channel, recipient: identity.external_id, kind: 'notification', payload: JSON.stringify(reply) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.updateTable('notifications').set({ status: 'sent', outbox_id: outbox.id, attempts: sql<number>`attempts + 1`, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
    // The next "1" or "2" from this person answers the reminder.
    await trx
      .updateTable('conversations')
      .set({ state: sql`jsonb_set(state, '{reminder}', ${JSON.stringify({ appointmentId: n.appointment_id, sentAt: now.toISOString() })}::jsonb)` })
      .where('contact_id', '=', n.contact_id)
      .execute();
    return { kind: 'sent', outboxId: outbox.id, channel: identity.channel };
  });
}

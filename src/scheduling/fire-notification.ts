// A notification's time has come: check it still makes sense, say it in the contact's current language,
// and hand it to the outbox — once, under a row lock, however many times the timer fires.
import { sql, type Kysely } from 'kysely';
import type { Database, Locale } from '../db/tables.ts';
import type { Translate } from '../i18n/translator.ts';
import { outOfQuietHours, type QuietHours } from './quiet-hours.ts';
import { fireCheckin } from './checkin-fire.ts';
import { fireRecall } from './recall-fire.ts';
import { fireReminder } from './reminder-fire.ts';
import { raiseStaffAlert } from './staff-alerts.ts';

export interface FireDeps {
  db: Kysely<Database>;
  t: Translate;
  zone: string;
  quiet: QuietHours;
}

/** Where and in which language the contact is reached. */
export interface FireTarget {
  contactId: number;
  channel: string;
  recipient: string;
  locale: Locale;
}

export type Cancel = (reason: string) => Promise<FireResult>;

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
    if (contact.opted_out_at !== null) {
      // After STOP nothing unasked is sent; a patient's follow-up then falls to a phone call.
      if (n.kind === 'checkin' && n.appointment_id !== null && !n.label.endsWith('_unreachable')) await raiseStaffAlert(trx, 'unreachable', n.appointment_id, { reason: 'opted out', checkin: n.label });
      return cancel('opted out');
    }
    // The chat the person used last: that is where they will look.
    const identity = await trx
      .selectFrom('contact_identities')
      .select(['channel', 'external_id'])
      .where('contact_id', '=', n.contact_id)
      .where('channel', 'not in', ['terminal', 'web'])
      .orderBy(sql`last_inbound_at desc nulls last`)
      .executeTakeFirst();
    if (!identity) return cancel('no channel to reach the contact');
    const target = { contactId: n.contact_id, channel: identity.channel, recipient: identity.external_id, locale: contact.locale ?? 'fr' };
    if (n.kind === 'recall' && n.donation_id !== null) return fireRecall(trx, deps, { id, donationId: n.donation_id }, target, now, cancel);
    if (n.appointment_id === null) return cancel('no appointment');
    if (n.kind === 'reminder') return fireReminder(trx, deps, { id, appointmentId: n.appointment_id }, target, now, cancel);
    if (n.kind === 'checkin') return fireCheckin(trx, deps, { id, appointmentId: n.appointment_id, label: n.label, contactId: n.contact_id }, target, now, cancel);
    return cancel(`${n.kind} is not sent by this worker yet`);
  });
}


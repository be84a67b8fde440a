// The bot's word to a walk-in: registered at the desk with a phone and the consent ticked on paper, they
// get one message with their code and what comes next. It goes only through a chat that phone already
// has with the bot and only to a contact who consented there: the firing checks both, as for a reminder.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import type { QuietHours } from '../../scheduling/quiet-hours.ts';
import type { ScheduledNotification } from '../../scheduling/reminders.ts';
import { queueVenueMessages } from './venue-messages.ts';

/**
 * The greeting's notification for this walk-in's appointment: none without a phone and the paper consent,
 * nor when the contact has not consented in the chat, has opted out, or was greeted already (see
 * queueVenueMessages).
 */
export async function greetWalkIn(
  trx: Kysely<Database>,
  walkIn: { appointmentId: number; phone?: string | undefined; consentOnPaper: boolean },
  now: Date,
  settings: { zone: string; quiet: QuietHours },
): Promise<ScheduledNotification[]> {
  if (!walkIn.phone || !walkIn.consentOnPaper) return [];
  return queueVenueMessages(trx, 'walk_in', [walkIn.appointmentId], now, settings);
}

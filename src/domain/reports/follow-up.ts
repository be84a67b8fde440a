// What happened around the appointments: the waiting list, reminders and the answers "I will come",
// post-operative check-ins sent and answered, and the alerts they raised.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';

export interface FollowUp {
  waitlistJoined: number;
  waitlistServed: number;
  waitlistWaiting: number;
  remindersSent: number;
  confirmed: number;
  checkinsSent: number;
  checkinsAnswered: number;
  redFlagAlerts: number;
  unreachableAlerts: number;
}

export async function followUp(db: Kysely<Database>, campaignId: number): Promise<FollowUp> {
  const [waitlist, notifications, confirmed, answered, alerts] = await Promise.all([
    db
      .selectFrom('waitlist_entries')
      .select((eb) => [
        eb.fn.countAll<number>().as('joined'),
        eb.fn.countAll<number>().filterWhere('status', '=', 'promoted').as('served'),
        eb.fn.countAll<number>().filterWhere('status', '=', 'waiting').as('waiting'),
      ])
      .where('campaign_id', '=', campaignId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('notifications as n')
      .innerJoin('appointments as a', 'a.id', 'n.appointment_id')
      .select((eb) => [
        eb.fn.countAll<number>().filterWhere('n.kind', '=', 'reminder').as('reminders'),
        eb.fn.countAll<number>().filterWhere('n.kind', '=', 'checkin').as('checkins'),
      ])
      .where('a.campaign_id', '=', campaignId)
      .where('n.status', '=', 'sent')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('appointments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('campaign_id', '=', campaignId)
      .where('status', '!=', 'cancelled')
      .where('confirmed_at', 'is not', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('checkins as c')
      .innerJoin('appointments as a', 'a.id', 'c.appointment_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('a.campaign_id', '=', campaignId)
      .where('c.completed_at', 'is not', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('staff_alerts')
      .select((eb) => [
        eb.fn.countAll<number>().filterWhere('kind', '=', 'red_flag').as('redFlags'),
        eb.fn.countAll<number>().filterWhere(sql<boolean>`kind = 'unreachable'`).as('unreachable'),
      ])
      .where('campaign_id', '=', campaignId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    waitlistJoined: waitlist.joined,
    waitlistServed: waitlist.served,
    waitlistWaiting: waitlist.waiting,
    remindersSent: notifications.reminders,
    confirmed: confirmed.n,
    checkinsSent: notifications.checkins,
    checkinsAnswered: answered.n,
    redFlagAlerts: alerts.redFlags,
    unreachableAlerts: alerts.unreachable,
  };
}

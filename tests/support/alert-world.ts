// Operated patients of a caravan whose post-operative check-ins raised alerts, days counted from the
// server's today: what the alerts and audit tests share.
import { DateTime } from 'luxon';
import type { Db } from '../../src/db/connection.ts';
import { localDay } from '../../src/domain/clock.ts';
import { DEFAULT_CHECKIN_DAYS, markProcedureDone } from '../../src/scheduling/checkins.ts';
import { DEFAULT_QUIET_HOURS } from '../../src/scheduling/quiet-hours.ts';
import { raiseStaffAlert } from '../../src/scheduling/staff-alerts.ts';
import { addPerson, book, somebody } from './capacity-world.ts';
import { addDays } from './conversation-harness.ts';
import { importTestCampaign } from './fixtures.ts';

export const ZONE = 'Africa/Casablanca';
export const TODAY = localDay(new Date(), ZONE);
/** Noon of a day counted from today, in Casablanca: never near midnight, whatever the clock change. */
export const noonOf = (daysFromToday: number) => DateTime.fromISO(addDays(TODAY, daysFromToday), { zone: ZONE }).set({ hour: 12 }).toJSDate();

/** A caravan of `organisation` that ran today, with surgery, posting its alerts to `staffChat` when given. */
export function importSurgeryCaravan(db: Db, slug: string, options: { organisation?: string; staffChat?: string } = {}): Promise<number> {
  return importTestCampaign(db, {
    slug,
    ...(options.organisation ? { organisation: options.organisation } : {}),
    ...(options.staffChat ? { staffTelegramChat: options.staffChat } : {}),
    title: { fr: 'Caravane de Tinghir', ar: 'قافلة تنغير' },
    firstDay: TODAY,
    lastDay: addDays(TODAY, 1),
    services: [{ code: 'surgery', windows: [{ start: '08:00', end: '12:00', capacity: 40 }] }],
  });
}

/** Someone booked in surgery today and operated `daysAgo` days ago at noon, with their check-ins planned. */
export async function operatedPatient(db: Db, campaignId: number, name: string, daysAgo: number): Promise<{ appointmentId: number; phone: string }> {
  const person = somebody(name);
  const slot = await db.selectFrom('slots').select('id').where('campaign_id', '=', campaignId).where('day', '=', TODAY).executeTakeFirstOrThrow();
  const { appointmentId } = await bookedId(db, await addPerson(db, person), slot.id);
  const campaign = await db.selectFrom('campaigns').select('organisation_id').where('id', '=', campaignId).executeTakeFirstOrThrow();
  const settings = { zone: ZONE, quiet: DEFAULT_QUIET_HOURS, days: DEFAULT_CHECKIN_DAYS, at: '10:00' };
  await db.transaction().execute((trx) => markProcedureDone(trx, { kind: 'system', id: 'test' }, campaign.organisation_id, appointmentId, noonOf(-daysAgo), settings));
  return { appointmentId, phone: person.phone ?? '' };
}

async function bookedId(db: Db, beneficiaryId: number, slotId: number): Promise<{ appointmentId: number }> {
  await book(db, beneficiaryId, slotId);
  const row = await db.selectFrom('appointments').select('id').where('beneficiary_id', '=', beneficiaryId).executeTakeFirstOrThrow();
  return { appointmentId: row.id };
}

/** The answers of the check-in `label` ('day_1'...), as the conversation records them. */
export async function answeredCheckin(db: Db, appointmentId: number, label: string, answers: Record<string, number | boolean>, redFlags: string[]): Promise<void> {
  const n = await db.selectFrom('notifications').select(['id', 'due_at']).where('appointment_id', '=', appointmentId).where('label', '=', label).executeTakeFirstOrThrow();
  await db.insertInto('checkins').values({ notification_id: n.id, appointment_id: appointmentId, answers: JSON.stringify(answers), red_flags: redFlags, completed_at: n.due_at, created_at: n.due_at }).execute();
}

/** An alert raised at `at` (the staff chat's message is written as it would be). */
export async function alertAt(db: Db, kind: 'red_flag' | 'unreachable', appointmentId: number, details: Record<string, unknown>, at: Date): Promise<number> {
  const id = await raiseStaffAlert(db, kind, appointmentId, details);
  await db.updateTable('staff_alerts').set({ created_at: at }).where('id', '=', id).execute();
  return id;
}

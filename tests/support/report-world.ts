// Campaigns with every kind of row a report counts, for the reports' tests: a caravan of yesterday and today
// (seeded appointments, desk walk-ins, a waiting list, reminders, post-op check-ins and alerts), a blood drive
// with donations, another association's caravan, and a ministry's caravan; staff of every role.
import { sql } from 'kysely';
import type { Db } from '../../src/db/connection.ts';
import { localDay } from '../../src/domain/clock.ts';
import { addDays } from './conversation-harness.ts';
import { addTestStaff, ensureOrganisation, importTestCampaign } from './fixtures.ts';
import { seedAppointments } from './report-rows.ts';

export const ZONE = 'Africa/Casablanca';

export interface ReportWorld {
  today: string;
  caravanId: number;
  driveId: number;
  otherId: number;
  ministryCampaignId: number;
  tokens: { coordinator: string; medical: string; desk: string; admin: string; stranger: string; ministry: string };
}

/** Bookings made before the campaign existed would fall outside its line: it was made 15 days before it starts. */
const backdate = (db: Db, campaignId: number, firstDay: string) => sql`update campaigns set created_at = (${addDays(firstDay, -15)}::date + time '09:00') at time zone ${ZONE} where id = ${campaignId}`.execute(db);

async function followUpRows(db: Db, campaignId: number, deskStaffId: number, organisationId: number): Promise<void> {
  const ids = (await sql<{ id: number; status: string; beneficiary_id: number; contact_id: number; service: string }>`
    select a.id, a.status, a.beneficiary_id, b.contact_id, a.service from appointments a join beneficiaries b on b.id = a.beneficiary_id where a.campaign_id = ${campaignId} order by a.id`.execute(db)).rows;
  const attended = ids.filter((a) => a.status === 'attended');
  // Four people booked for dental come back for surgery the same day: counted once among the people.
  await sql`
    insert into appointments (code, beneficiary_id, campaign_id, service, slot_id, status, channel, created_by, created_at)
    select 'TWICE-' || a.id, a.beneficiary_id, a.campaign_id, s.service, s.id, 'booked', 'telegram', 'test', a.created_at
    from appointments a join slots d on d.id = a.slot_id join slots s on s.campaign_id = a.campaign_id and s.service = 'surgery' and s.day = d.day
    where a.campaign_id = ${campaignId} and a.service = 'dental' and a.status = 'booked'
    order by a.id limit 4`.execute(db);
  // Three walk-ins given a free place at the desk: ordinary appointments but for the desk's record.
  for (const a of attended.slice(0, 3)) {
    await sql`insert into desk_checkins (client_id, kind, organisation_id, campaign_id, appointment_id, staff_id, at, outcome, answer)
      values (gen_random_uuid(), 'walk_in', ${organisationId}, ${campaignId}, ${a.id}, ${deskStaffId}, now(), 'walked_in', '{}')`.execute(db);
  }
  for (const [i, a] of ids.slice(0, 5).entries()) {
    const status = ['promoted', 'promoted', 'waiting', 'waiting', 'cancelled'][i];
    await sql`insert into waitlist_entries (beneficiary_id, campaign_id, service, status, channel, created_by) values (${a.beneficiary_id}, ${campaignId}, ${a.service}, ${status}, 'telegram', 'test')`.execute(db);
  }
  for (const [i, a] of ids.slice(0, 12).entries()) {
    await sql`insert into notifications (kind, contact_id, appointment_id, label, due_at, status) values ('reminder', ${a.contact_id}, ${a.id}, 'j-1', now(), ${i < 9 ? 'sent' : 'pending'})`.execute(db);
  }
  for (const [i, a] of attended.slice(0, 6).entries()) {
    const n = await sql<{ id: number }>`insert into notifications (kind, contact_id, appointment_id, label, due_at, status) values ('checkin', ${a.contact_id}, ${a.id}, 'd1', now(), ${i < 5 ? 'sent' : 'failed'}) returning id`.execute(db);
    const notificationId = n.rows[0]?.id ?? 0;
    if (i < 5) await sql`insert into checkins (notification_id, appointment_id, answers, red_flags, completed_at) values (${notificationId}, ${a.id}, '{}', '{}', ${i < 3 ? sql`now()` : null})`.execute(db);
  }
  for (const [i, a] of attended.slice(0, 3).entries()) {
    await sql`insert into staff_alerts (kind, appointment_id, campaign_id, details) values (${i < 2 ? 'red_flag' : 'unreachable'}, ${a.id}, ${campaignId}, '{}')`.execute(db);
  }
}

async function donationRows(db: Db, driveId: number, organisationId: number): Promise<void> {
  // Two in three of those who came gave blood; the group of one in five is not known.
  await sql`
    insert into donations (beneficiary_id, organisation_id, campaign_id, appointment_id, donated_on, blood_group, next_eligible_on, recorded_by)
    select a.beneficiary_id, ${organisationId}, ${driveId}, a.id, s.day, case when a.id % 5 = 0 then null else (array['A+', 'O+', 'B-', 'AB+'])[1 + a.id % 4] end, s.day + 90, 'test'
    from appointments a join slots s on s.id = a.slot_id
    where a.campaign_id = ${driveId} and a.status = 'attended' and a.id % 3 <> 0`.execute(db);
}

export async function reportWorld(db: Db): Promise<ReportWorld> {
  const today = localDay(new Date(), ZONE);
  const firstDay = addDays(today, -1);
  const days = { firstDay, lastDay: today };
  const caravanId = await importTestCampaign(db, {
    slug: 'report-caravan',
    ...days,
    services: [
      { code: 'dental', windows: [{ start: '09:00', end: '12:00', capacity: 60 }, { start: '14:00', end: '16:00', capacity: 40 }] },
      { code: 'surgery', windows: [{ start: '09:00', end: '13:00', capacity: 30 }] },
    ],
  });
  const driveId = await importTestCampaign(db, { slug: 'report-drive', kind: 'blood_drive', donorTarget: 80, ...days, title: { fr: 'Don de sang', ar: 'التبرع بالدم' }, services: [{ code: 'blood_donation', windows: [{ start: '09:00', end: '17:00', capacity: 100 }] }] });
  const otherId = await importTestCampaign(db, { slug: 'other-caravan', organisation: 'other-association', ...days });
  await ensureOrganisation(db, 'sante-ministere', 'ministry');
  const ministryCampaignId = await importTestCampaign(db, { slug: 'ministry-caravan', organisation: 'sante-ministere', province: 'zagora', ...days });
  for (const [id, n] of [[caravanId, 240], [driveId, 90], [otherId, 17], [ministryCampaignId, 25]] as const) {
    await seedAppointments(db, id, n);
    await backdate(db, id, firstDay);
  }
  const desk = await addTestStaff(db, { name: 'Bénévole', role: 'desk' });
  const organisationId = desk.organisation?.id ?? 0;
  await followUpRows(db, caravanId, desk.id, organisationId);
  await donationRows(db, driveId, organisationId);
  return {
    today,
    caravanId,
    driveId,
    otherId,
    ministryCampaignId,
    tokens: {
      coordinator: (await addTestStaff(db, { name: 'Khadija', role: 'coordinator' })).token,
      medical: (await addTestStaff(db, { name: 'Dr Alami', role: 'medical' })).token,
      desk: desk.token,
      admin: (await addTestStaff(db, { name: 'Plateforme', role: 'admin' })).token,
      stranger: (await addTestStaff(db, { name: 'Autre', role: 'coordinator', organisation: 'other-association' })).token,
      ministry: (await addTestStaff(db, { name: 'Délégué', role: 'coordinator', organisation: 'sante-ministere' })).token,
    },
  };
}

// The reads a step may make, bound to the message's transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { listContactAppointments } from '../domain/appointments/contact-appointments.ts';
import { listAvailability } from '../domain/campaigns/availability.ts';
import { listUpcomingCampaigns } from '../domain/campaigns/campaign-finder.ts';
import { personalDataOf } from '../domain/contacts/personal-data.ts';
import { DEFAULT_DONOR_RULES } from '../domain/donors/donor-rules.ts';
import { donorRulesFor } from '../domain/donors/organisation-rules.ts';
import type { ConversationReader } from './context.ts';

/** `timeZone` is the campaigns' own: the day consent was given is said in it. */
export function databaseReader(db: Kysely<Database>, timeZone: string): ConversationReader {
  return {
    campaigns: (query) => listUpcomingCampaigns(db, query),
    async campaign(id, today) {
      return (await listUpcomingCampaigns(db, { today, id }))[0];
    },
    availability: (query) => listAvailability(db, query),
    appointments: (contactId, fromDay) => listContactAppointments(db, contactId, { fromDay }),
    async waiting(contactId, today) {
      const rows = await db
        .selectFrom('waitlist_entries as w')
        .innerJoin('beneficiaries as b', 'b.id', 'w.beneficiary_id')
        .innerJoin('campaigns as c', 'c.id', 'w.campaign_id')
        .select(['b.full_name', 'b.relation', 'w.service', 'w.day', 'c.title'])
        .where('b.contact_id', '=', contactId)
        .where('w.status', '=', 'waiting')
        .where('c.last_day', '>=', today)
        .orderBy('w.id')
        .execute();
      return rows.map((r) => ({ name: r.full_name, relation: r.relation, service: r.service, campaignTitle: r.title, day: r.day }));
    },
    selfBeneficiary: (contactId) =>
      db.selectFrom('beneficiaries').selectAll().where('contact_id', '=', contactId).where('relation', '=', 'self').where('erased_at', 'is', null).orderBy('id', 'desc').executeTakeFirst(),
    people: (contactId) => db.selectFrom('beneficiaries').selectAll().where('contact_id', '=', contactId).where('erased_at', 'is', null).orderBy('id').execute(),
    personalData: (contactId) => personalDataOf(db, contactId, timeZone),
    async donorRules(today) {
      const drive = await db
        .selectFrom('campaigns')
        .select('organisation_id')
        .where('kind', '=', 'blood_drive')
        .where('status', '=', 'published')
        .where('last_day', '>=', today)
        .orderBy('first_day')
        .executeTakeFirst();
      return drive ? donorRulesFor(db, drive.organisation_id) : DEFAULT_DONOR_RULES;
    },
  };
}

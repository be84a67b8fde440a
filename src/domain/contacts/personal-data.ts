// Everything kept about a contact and the people they registered: the answer to the right of access (law 09-08).
import type { Kysely } from 'kysely';
import type { AppointmentStatus, BloodGroup, Database, IsoDate, LocalizedText, Locale, Relation, Sex } from '../../db/tables.ts';
import { localDay } from '../clock.ts';

export interface PersonAppointment {
  campaignTitle: LocalizedText;
  service: string;
  day: IsoDate;
  startsAt: string;
  endsAt: string;
  status: AppointmentStatus;
  code: string;
}

export interface PersonDonation {
  donatedOn: IsoDate;
  nextEligibleOn: IsoDate;
}

export interface PersonRecord {
  id: number;
  relation: Relation;
  fullName: string | null;
  sex: Sex | null;
  birthYear: number | null;
  commune: string | null;
  bloodGroup: BloodGroup | null;
  /** Every appointment, past and cancelled ones included, oldest first. */
  appointments: PersonAppointment[];
  donations: PersonDonation[];
}

export interface PersonalData {
  phone: string | null;
  locale: Locale | null;
  provinceCode: string | null;
  /** The day consent was given, in `timeZone`. */
  consentDay: IsoDate | null;
  donorRecall: boolean;
  alertProvinces: string[];
  /** The people registered from this contact whose data was not erased, in the order they were registered. */
  people: PersonRecord[];
}

/**
 * @example
 * const mine = await personalDataOf(db, contactId, 'Africa/Casablanca');
 * mine.people[0]?.appointments[0]?.code;
 */
export async function personalDataOf(db: Kysely<Database>, contactId: number, timeZone: string): Promise<PersonalData> {
  const contact = await db
    .selectFrom('contacts')
    .select(['phone_e164', 'locale', 'province_code', 'consent_at', 'donor_recall_at'])
    .where('id', '=', contactId)
    .executeTakeFirst();
  const alerts = await db.selectFrom('alert_subscriptions').select('province_code').where('contact_id', '=', contactId).orderBy('created_at').execute();
  const people = await db
    .selectFrom('beneficiaries')
    .select(['id', 'relation', 'full_name', 'sex', 'birth_year', 'commune', 'blood_group'])
    .where('contact_id', '=', contactId)
    .where('erased_at', 'is', null)
    .orderBy('id')
    .execute();
  const ids = people.map((p) => p.id);
  const appointments = ids.length === 0 ? [] : await appointmentsOf(db, ids);
  const donations = ids.length === 0 ? [] : await db.selectFrom('donations').select(['beneficiary_id', 'donated_on', 'next_eligible_on']).where('beneficiary_id', 'in', ids).orderBy('donated_on').execute();
  return {
    phone: contact?.phone_e164 ?? null,
    locale: contact?.locale ?? null,
    provinceCode: contact?.province_code ?? null,
    consentDay: contact?.consent_at ? localDay(contact.consent_at, timeZone) : null,
    donorRecall: Boolean(contact?.donor_recall_at),
    alertProvinces: alerts.map((a) => a.province_code),
    people: people.map((p) => ({
      id: p.id,
      relation: p.relation,
      fullName: p.full_name,
      sex: p.sex,
      birthYear: p.birth_year,
      commune: p.commune,
      bloodGroup: p.blood_group,
      appointments: appointments.filter((a) => a.beneficiaryId === p.id).map(({ beneficiaryId: _, ...a }) => a),
      donations: donations.filter((d) => d.beneficiary_id === p.id).map((d) => ({ donatedOn: d.donated_on, nextEligibleOn: d.next_eligible_on })),
    })),
  };
}

async function appointmentsOf(db: Kysely<Database>, beneficiaryIds: readonly number[]): Promise<Array<PersonAppointment & { beneficiaryId: number }>> {
  const rows = await db
    .selectFrom('appointments as a')
    .innerJoin('slots as s', 's.id', 'a.slot_id')
    .innerJoin('campaigns as c', 'c.id', 'a.campaign_id')
    .select(['a.beneficiary_id', 'a.service', 'a.status', 'a.code', 'c.title', 's.day', 's.starts_at', 's.ends_at'])
    .where('a.beneficiary_id', 'in', beneficiaryIds)
    .orderBy('s.day')
    .orderBy('s.starts_at')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    beneficiaryId: r.beneficiary_id,
    campaignTitle: r.title,
    service: r.service,
    day: r.day,
    startsAt: r.starts_at.slice(0, 5),
    endsAt: r.ends_at.slice(0, 5),
    status: r.status,
    code: r.code,
  }));
}

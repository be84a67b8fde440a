// Small builders for test data, written through the same domain services the service uses.
import { sql } from 'kysely';
import type { Db } from '../../src/db/connection.ts';
import type { WriteContext } from '../../src/domain/actor.ts';
import type { BookingDeps } from '../../src/domain/appointments/booking.ts';
import { generateConfirmationCode } from '../../src/domain/appointments/confirmation-code.ts';
import { importCampaign, parseCampaignFile } from '../../src/domain/campaigns/campaign-import.ts';
import type { CampaignFileInput } from '../../src/domain/campaigns/campaign-file.ts';
import type { OrganisationKind, StaffRole } from '../../src/db/tables.ts';
import { addStaff, type StaffMember } from '../../src/domain/staff/staff-tokens.ts';
import { closeTicket, listOpenTickets, routeTicket, type TicketSummary } from '../../src/domain/handoff/handoff-tickets.ts';

export const TODAY = '2026-12-01';

export function staffContext(today = TODAY): WriteContext {
  return { actor: { kind: 'staff', id: 'test' }, channel: 'staff', today };
}

/** The service's defaults: six places per contact and campaign. */
export const deps: BookingDeps = { newCode: () => generateConfirmationCode(), maxBookingsPerContact: 6 };

export function campaignFile(overrides: Partial<CampaignFileInput> = {}): CampaignFileInput {
  return {
    slug: 'test-caravan',
    organisation: 'test-association',
    kind: 'caravan',
    title: { fr: 'Caravane de test', ar: 'قافلة تجريبية' },
    province: 'tinghir',
    commune: "Kelâat M'Gouna",
    venue: { name: 'Centre de santé', lat: 31.2427, lon: -6.1278 },
    firstDay: '2026-12-14',
    lastDay: '2026-12-15',
    status: 'published',
    services: [{ code: 'ophthalmology', windows: [{ start: '09:00', end: '12:00', capacity: 10 }] }],
    ...overrides,
  };
}

/** The organisation with this slug, created the first time it is asked for. */
export async function ensureOrganisation(db: Db, slug: string, kind: OrganisationKind = 'association'): Promise<number> {
  await db.insertInto('organisations').values({ slug, name: `Organisation ${slug}`, kind }).onConflict((oc) => oc.column('slug').doNothing()).execute();
  return (await db.selectFrom('organisations').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

/** Imports a campaign for the organisation its file names (created if missing), as `npm run campaign -- import` does. */
export async function importTestCampaign(db: Db, overrides: Partial<CampaignFileInput> = {}): Promise<number> {
  const file = parseCampaignFile(campaignFile(overrides));
  const organisationId = await ensureOrganisation(db, file.organisation ?? 'test-association', file.kind === 'blood_drive' ? 'blood_agency' : 'association');
  const result = await db.transaction().execute((trx) => importCampaign(trx, staffContext(), file, organisationId));
  return result.campaignId;
}

/** A staff member of the organisation `organisation` (created if missing), or the platform admin. */
export async function addTestStaff(db: Db, input: { name: string; role: StaffRole; organisation?: string }): Promise<StaffMember & { token: string }> {
  const organisationId = input.role === 'admin' ? null : await ensureOrganisation(db, input.organisation ?? 'test-association');
  return addStaff(db, { name: input.name, role: input.role, organisationId });
}

export async function slotIds(db: Db, campaignId: number): Promise<number[]> {
  const rows = await db.selectFrom('slots').select('id').where('campaign_id', '=', campaignId).orderBy('day').orderBy('starts_at').orderBy('service').execute();
  return rows.map((r) => r.id);
}

/** `n` contacts with one beneficiary each, inserted in bulk; returns the beneficiary ids. */
export async function createBeneficiaries(db: Db, n: number): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    with c as (
      insert into contacts (locale)
      select 'fr' from generate_series(1, ${n})
      returning id
    )
    insert into beneficiaries (contact_id, relation, full_name, sex, birth_year)
    select id, 'self', 'Personne ' || id, case when id % 2 = 0 then 'female' else 'male' end, 1960 + id % 50 from c
    returning id`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** Booked appointments per slot according to the appointments table, to compare with slots.booked. */
export async function countsAgree(db: Db, campaignId: number): Promise<boolean> {
  const rows = await sql<{ id: number; booked: number; actual: number }>`
    select s.id, s.booked, count(a.id) filter (where a.status = 'booked')::int as actual
    from slots s left join appointments a on a.slot_id = s.id
    where s.campaign_id = ${campaignId}
    group by s.id`.execute(db);
  return rows.rows.every((r) => r.booked === r.actual);
}

/** The contact's open ticket as its organisation's staff (or, unrouted, the platform admin) list it. */
export async function openTicketOf(db: Db, contactId: number): Promise<(TicketSummary & { organisationId: number | null }) | undefined> {
  const row = await db.selectFrom('handoff_tickets').select('organisation_id').where('contact_id', '=', contactId).where('status', '=', 'open').executeTakeFirst();
  if (!row) return undefined;
  const found = (await listOpenTickets(db, row.organisation_id, { limit: 100 })).items.find((x) => x.contactId === contactId);
  return found ? { ...found, organisationId: row.organisation_id } : undefined;
}

/** Closes a ticket as a coordinator of its organisation would, routing it to `fallbackSlug` first when it is nobody's yet. */
export async function closeAsStaff(db: Db, ticketId: number, fallbackSlug = 'test-association'): Promise<boolean> {
  const staff = { kind: 'staff' as const, id: 'coordinator' };
  const row = await db.selectFrom('handoff_tickets').select('organisation_id').where('id', '=', ticketId).executeTakeFirst();
  if (!row) return false;
  const organisationId = row.organisation_id ?? (await ensureOrganisation(db, fallbackSlug));
  return db.transaction().execute(async (trx) => {
    if (row.organisation_id === null) await routeTicket(trx, staff, ticketId, organisationId);
    return closeTicket(trx, staff, organisationId, ticketId);
  });
}

// Importing a campaign file creates it, updates it in place, and never loses a booking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookAppointment } from '../../../src/domain/appointments/booking.ts';
import { importCampaign, importNotes, parseCampaignFile } from '../../../src/domain/campaigns/campaign-import.ts';
import type { CampaignFileInput } from '../../../src/domain/campaigns/campaign-file.ts';
import { BookedWindowsRefused, InvalidInput, WindowsRemovalRefused } from '../../../src/domain/errors.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { ensureOrganisation, campaignFile, createBeneficiaries, deps, slotIds, staffContext } from '../../support/fixtures.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

const run = async (input: CampaignFileInput) => {
  const organisationId = await ensureOrganisation(t.db, 'test-association');
  return t.db.transaction().execute((trx) => importCampaign(trx, staffContext(), parseCampaignFile(input), organisationId));
};

async function problemsOf(input: CampaignFileInput): Promise<string[]> {
  try {
    await run(input);
  } catch (err) {
    if (err instanceof InvalidInput) return [...err.problems];
    throw err;
  }
  return [];
}

describe('campaign import', () => {
  it('creates a campaign with one window per day and service, then finds nothing to change on a second import', async () => {
    const file = campaignFile({ slug: 'import-twice' });
    const first = await run(file);
    expect(first).toMatchObject({ created: true, slots: { inserted: 2, updated: 0, deleted: 0, unchanged: 0 } });
    const second = await run(file);
    expect(second).toMatchObject({ campaignId: first.campaignId, created: false, slots: { inserted: 0, updated: 0, deleted: 0, unchanged: 2 } });
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'campaign').where('entity_id', '=', String(first.campaignId)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['campaign.create', 'campaign.update']);
  });

  it('updates titles, capacities and windows in place', async () => {
    const { campaignId } = await run(campaignFile({ slug: 'import-update' }));
    const result = await run(
      campaignFile({
        slug: 'import-update',
        title: { fr: 'Nouveau titre' },
        services: [{ code: 'ophthalmology', windows: [{ start: '09:00', end: '12:30', capacity: 15 }, { days: ['2026-12-15'], start: '14:00', end: '16:00', capacity: 5 }] }],
      }),
    );
    expect(result.slots).toEqual({ inserted: 1, updated: 2, deleted: 0, unchanged: 0 });
    const campaign = await t.db.selectFrom('campaigns').select('title').where('id', '=', campaignId).executeTakeFirstOrThrow();
    expect(campaign.title).toEqual({ fr: 'Nouveau titre' });
    const caps = await t.db.selectFrom('slots').select(['capacity', 'ends_at']).where('campaign_id', '=', campaignId).orderBy('id').execute();
    expect(caps).toEqual([
      { capacity: 15, ends_at: '12:30:00' },
      { capacity: 15, ends_at: '12:30:00' },
      { capacity: 5, ends_at: '16:00:00' },
    ]);
  });

  it('refuses to shrink a window below its bookings or to drop a window or service that holds appointments', async () => {
    const file = campaignFile({ slug: 'import-keep', services: [{ code: 'ophthalmology', windows: [{ start: '09:00', end: '12:00', capacity: 3 }] }] });
    const { campaignId } = await run(file);
    const [slotId] = await slotIds(t.db, campaignId);
    const people = await createBeneficiaries(t.db, 2);
    for (const beneficiaryId of people) {
      await t.db.transaction().execute((trx) => bookAppointment(trx, staffContext(), { beneficiaryId, slotId: slotId ?? 0 }, deps));
    }

    expect(await problemsOf({ ...file, services: [{ code: 'ophthalmology', windows: [{ start: '09:00', end: '12:00', capacity: 1 }] }] })).toEqual([
      'services[0].windows[0].capacity: 2 places are already booked on 2026-12-14; capacity cannot go below that',
    ]);
    expect(await problemsOf({ ...file, services: [{ code: 'ophthalmology', windows: [{ start: '10:00', end: '12:00', capacity: 3 }] }] })).toEqual([
      'services: the ophthalmology window of 2026-12-14 at 09:00 was removed but holds 2 appointments',
    ]);
    expect(await problemsOf({ ...file, services: [{ code: 'dental', windows: [{ start: '09:00', end: '12:00', capacity: 3 }] }] })).toEqual([
      'services: ophthalmology was removed but 2 people hold appointments for it; cancel them first or keep the service',
    ]);
    const refused = await run({ ...file, services: [{ code: 'ophthalmology', windows: [{ start: '09:00', end: '12:00', capacity: 1 }] }] }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(BookedWindowsRefused);
    expect((refused as BookedWindowsRefused).windows).toEqual([{ service: 'ophthalmology', day: '2026-12-14', start: '09:00', end: '12:00', booked: 2, capacity: 1, path: 'services[0].windows[0]' }]);
    const slot = await t.db.selectFrom('slots').select(['capacity', 'booked']).where('id', '=', slotId ?? 0).executeTakeFirstOrThrow();
    expect(slot).toEqual({ capacity: 3, booked: 2 });
  });

  it('refuses to delete windows the file leaves out unless asked to, listing them, and changes nothing', async () => {
    const file = campaignFile({ slug: 'import-removal', services: [{ code: 'ophthalmology', windows: [{ start: '09:00', end: '12:00', capacity: 3 }, { start: '14:00', end: '16:00', capacity: 3 }] }] });
    const { campaignId } = await run(file);
    const fewer = { ...file, title: { fr: 'Titre changé' }, services: [{ code: 'ophthalmology' as const, windows: [{ start: '09:00', end: '12:00', capacity: 3 }] }] };
    const refused = await run(fewer).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(WindowsRemovalRefused);
    expect((refused as WindowsRemovalRefused).windows).toEqual(['ophthalmology on 2026-12-14 from 14:00 to 16:00', 'ophthalmology on 2026-12-15 from 14:00 to 16:00']);
    expect(await slotIds(t.db, campaignId)).toHaveLength(4);
    const kept = await t.db.selectFrom('campaigns').select('title').where('id', '=', campaignId).executeTakeFirstOrThrow();
    expect(kept.title).toEqual(file.title);

    const organisationId = await ensureOrganisation(t.db, 'test-association');
    const allowed = await t.db.transaction().execute((trx) => importCampaign(trx, staffContext(), parseCampaignFile(fewer), organisationId, { allowRemoval: true }));
    expect(allowed.slots).toEqual({ inserted: 0, updated: 0, deleted: 2, unchanged: 2 });
  });

  it('says a draft is not seen by villagers, and names the days already past', async () => {
    const draft = await run(campaignFile({ slug: 'import-draft', status: 'draft', firstDay: '2026-11-29', lastDay: '2026-12-02' }));
    expect(draft.status).toBe('draft');
    expect(draft.notes).toEqual([
      'draft: villagers will not see it until you publish it ("status": "published" in the file, then import it again)',
      'days in the past: 2026-11-29, 2026-11-30 (nobody can book them)',
    ]);
    const published = await run(campaignFile({ slug: 'import-published' }));
    expect(published.notes).toEqual([]);
    expect(importNotes({ status: 'published', firstDay: '2026-11-20', lastDay: '2026-11-20' }, '2026-12-01')).toEqual(['day in the past: 2026-11-20 (nobody can book it)']);
  });

  it('refuses an unknown province by name', async () => {
    expect(await problemsOf(campaignFile({ slug: 'import-nowhere', province: 'atlantis' }))).toEqual([
      'province: unknown province code "atlantis" (see the provinces table, e.g. "tinghir", "nouaceur", "casablanca")',
    ]);
    const stored = await t.db.selectFrom('campaigns').select('id').where('slug', '=', 'import-nowhere').execute();
    expect(stored).toEqual([]);
  });
});

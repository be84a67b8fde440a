// The demo loads three campaigns, loads them only once, and the domain services list them with places left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { readJsonFile } from '../../../src/cli/read-json-file.ts';
import { listUpcomingCampaigns } from '../../../src/domain/campaigns/campaign-finder.ts';
import { listAvailability } from '../../../src/domain/campaigns/availability.ts';
import { parseCampaignFile } from '../../../src/domain/campaigns/campaign-import.ts';
import { seedDemo } from '../../../src/domain/campaigns/demo-seed.ts';
import type { CampaignFile } from '../../../src/domain/campaigns/campaign-file.ts';
import { OrganisationInputSchema, type OrganisationInput } from '../../../src/domain/organisations/organisations.ts';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';

let t: TestDatabase;
let files: CampaignFile[];
let organisations: OrganisationInput[];
let firstRun: Array<{ created: boolean }>;
const TODAY = '2026-11-22';
/** Straight-line kilometres from Tinghir, the province's capital, to the hospital of Kelâat M'Gouna. */
const DISTANCE_FROM_TINGHIR = 64.1;

beforeAll(async () => {
  t = await createTestDatabase();
  const dir = path.resolve('seeds/demo');
  const names = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  files = await Promise.all(names.map(async (n) => parseCampaignFile(await readJsonFile(path.join(dir, n)))));
  organisations = z.array(OrganisationInputSchema).parse(await readJsonFile(path.resolve('seeds/demo-organisations.json')));
  firstRun = await t.db.transaction().execute((trx) => seedDemo(trx, { organisations, campaigns: files }, TODAY));
});
afterAll(async () => t?.drop());

async function snapshot() {
  const r = await sql<{ campaigns: number; slots: number; places: number; audit: number }>`
    select (select count(*) from campaigns)::int as campaigns, (select count(*) from slots)::int as slots,
           (select sum(capacity) from slots)::int as places, (select count(*) from audit_log)::int as audit`.execute(t.db);
  return r.rows[0];
}

describe('demo campaigns', () => {
  it('are created once; a second run changes nothing', async () => {
    expect(firstRun.map((f) => f.created)).toEqual([true, true, true]);
    const before = await snapshot();
    const second = await t.db.transaction().execute((trx) => seedDemo(trx, { organisations, campaigns: files }, TODAY));
    expect(second.every((f) => !f.created)).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it('are listed by the domain services with their services and places left, nearest first from Tinghir', async () => {
    const list = await listUpcomingCampaigns(t.db, { today: TODAY, near: { provinceCode: 'tinghir' } });
    expect(list.map((c) => c.slug)).toEqual(['demo-kelaat-mgouna-surgical-caravan', 'demo-nouaceur-one-day-caravan', 'demo-ain-chock-blood-drive']);
    const [kelaa, nouaceur, drive] = list;
    expect(kelaa?.distanceKm).toBe(DISTANCE_FROM_TINGHIR);
    expect(kelaa?.firstDay).toBe('2026-12-14');
    expect(kelaa?.lastDay).toBe('2026-12-19');
    expect(kelaa?.services.map((s) => s.service).sort()).toEqual(['ent', 'general_medicine', 'gynecology', 'ophthalmology', 'pediatrics', 'surgery']);
    expect(kelaa?.services.find((s) => s.service === 'surgery')).toEqual({ service: 'surgery', requiresFasting: true, audience: 'anyone', capacity: 132, remaining: 132 });
    // Four windows a service, about 4,000 people in the day, as at Nouaceur in February 2026.
    expect(Object.fromEntries(nouaceur?.services.map((s) => [s.service, [s.capacity, s.remaining]]) ?? [])).toEqual({
      general_medicine: [1000, 1000], pediatrics: [400, 400], gynecology: [300, 300], ophthalmology: [240, 240], ent: [300, 300],
      dermatology: [240, 240], ultrasound: [240, 240], dental: [1100, 1100], surgery: [220, 220],
    });
    expect(nouaceur?.services.reduce((n, s) => n + s.remaining, 0)).toBe(4040);
    expect(drive).toMatchObject({ kind: 'blood_drive', donorTarget: 400, services: [{ service: 'blood_donation', capacity: 400, remaining: 400 }] });
  });

  it('sort nearest first from a point in Casablanca and give the windows of a day', async () => {
    const list = await listUpcomingCampaigns(t.db, { today: TODAY, near: { lat: 33.573, lon: -7.589 } });
    expect(list[0]?.slug).toBe('demo-ain-chock-blood-drive');
    const drive = list[0];
    const windows = await listAvailability(t.db, { campaignId: drive?.id ?? 0, fromDay: drive?.firstDay ?? TODAY });
    expect(windows).toHaveLength(16);
    expect(windows[0]).toMatchObject({ day: '2026-12-05', startsAt: '09:00', endsAt: '10:00', remaining: 25 });
  });

  it('move into the future when loaded after their template dates', async () => {
    const later = await createTestDatabase();
    try {
      await later.db.transaction().execute((trx) => seedDemo(trx, { organisations, campaigns: files }, '2027-03-01'));
      const days = await later.db.selectFrom('campaigns').select(['slug', 'first_day']).orderBy('first_day').execute();
      expect(days[0]?.first_day).toBe('2027-03-08');
      const upcoming = await listUpcomingCampaigns(later.db, { today: '2027-03-01' });
      expect(upcoming).toHaveLength(3);
    } finally {
      await later.drop();
    }
  });
});

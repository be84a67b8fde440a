// GET /admin/api/campaigns/:id/file: the campaign as the file that imports it again, for its own
// organisation's coordinators only; importing what it answers changes no slot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { addTestStaff, importTestCampaign } from '../support/fixtures.ts';

let t: TestDatabase;
let app: FastifyInstance;
let campaignId: number;
beforeAll(async () => {
  t = await createTestDatabase();
  app = buildServer({ db: t.db, redis: { ping: async () => 'PONG' }, clock: { now: () => new Date('2026-12-01T09:00:00Z') }, logger: pino({ level: 'silent' }), timeZone: 'Africa/Casablanca' });
  campaignId = await importTestCampaign(t.db, {
    slug: 'export-caravan',
    description: { fr: 'Consultations gratuites' },
    commune: { fr: "Kelâat M'Gouna", ar: 'قلعة مكونة' },
    staffTelegramChat: '-1001234567890',
    reminders: [{ daysBefore: 1, at: '18:00' }],
    services: [
      { code: 'surgery', requiresFasting: true, checkinDays: [1, 7], windows: [{ start: '08:00', end: '10:00', capacity: 5 }, { days: ['2026-12-15'], start: '14:00', end: '16:00', capacity: 3 }] },
      { code: 'gynecology', audience: 'anyone', windows: [{ start: '09:00', end: '12:00', capacity: 20 }] },
    ],
  });
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('a campaign as its file', () => {
  it('answers what imports it again unchanged', async () => {
    const { token } = await addTestStaff(t.db, { name: 'Khadija', role: 'coordinator' });
    const answer = await app.inject({ url: `/admin/api/campaigns/${campaignId}/file`, headers: bearer(token) });
    expect(answer.statusCode).toBe(200);
    const file = answer.json();
    expect(file).toMatchObject({ slug: 'export-caravan', commune: { fr: "Kelâat M'Gouna", ar: 'قلعة مكونة' }, staffTelegramChat: '-1001234567890', reminders: [{ daysBefore: 1, at: '18:00' }], description: { fr: 'Consultations gratuites' } });
    expect(file.services.find((s: { code: string }) => s.code === 'surgery')).toMatchObject({ requiresFasting: true, checkinDays: [1, 7] });
    expect(file.services.find((s: { code: string }) => s.code === 'gynecology')).toMatchObject({ audience: 'anyone' });
    const before = await t.db.selectFrom('slots').select(['id', 'service', 'day', 'starts_at', 'ends_at', 'capacity']).where('campaign_id', '=', campaignId).orderBy('id').execute();
    expect(before).toHaveLength(5);
    const reimport = await app.inject({ method: 'POST', url: '/admin/api/campaigns', headers: bearer(token), payload: file });
    expect(reimport.statusCode).toBe(201);
    expect(await t.db.selectFrom('slots').select(['id', 'service', 'day', 'starts_at', 'ends_at', 'capacity']).where('campaign_id', '=', campaignId).orderBy('id').execute()).toEqual(before);
  });

  it('is not found for another organisation, and not for medical staff to edit', async () => {
    const stranger = await addTestStaff(t.db, { name: 'Autre', role: 'coordinator', organisation: 'other-association' });
    expect((await app.inject({ url: `/admin/api/campaigns/${campaignId}/file`, headers: bearer(stranger.token) })).statusCode).toBe(404);
    const medical = await addTestStaff(t.db, { name: 'Dr Alami', role: 'medical' });
    expect((await app.inject({ url: `/admin/api/campaigns/${campaignId}/file`, headers: bearer(medical.token) })).statusCode).toBe(403);
  });
});

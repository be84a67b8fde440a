// GET /api/campaigns: upcoming published campaigns, nearest first when a province or a point is given,
// at most `limit` (20 by default, 100 at most).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/connection.ts';
import { localDay, type Clock } from '../domain/clock.ts';
import { listUpcomingCampaigns, type Near } from '../domain/campaigns/campaign-finder.ts';
import { MAX_PAGE } from '../domain/pagination.ts';

const QuerySchema = z
  .object({
    province: z.string().min(1).optional(),
    lat: z.coerce.number().min(-90).max(90).optional(),
    lon: z.coerce.number().min(-180).max(180).optional(),
    kind: z.enum(['caravan', 'blood_drive']).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE, `limit is at most ${MAX_PAGE}`).default(20),
  })
  .refine((q) => (q.lat === undefined) === (q.lon === undefined), { message: 'give both lat and lon, or neither' });

export function registerCampaignRoutes(app: FastifyInstance, deps: { db: Db; clock: Clock; timeZone: string }): void {
  app.get('/api/campaigns', async (request, reply) => {
    const parsed = QuerySchema.safeParse(request.query);
    if (!parsed.success) {
      return reply.code(400).send({ error: parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ') });
    }
    const q = parsed.data;
    const near: Near | undefined =
      q.lat !== undefined && q.lon !== undefined ? { lat: q.lat, lon: q.lon } : q.province ? { provinceCode: q.province } : undefined;
    if (near && 'provinceCode' in near) {
      const known = await deps.db.selectFrom('provinces').select('code').where('code', '=', near.provinceCode).executeTakeFirst();
      if (!known) return reply.code(400).send({ error: `province: unknown province code ${JSON.stringify(near.provinceCode)}` });
    }
    const today = localDay(deps.clock.now(), deps.timeZone);
    return listUpcomingCampaigns(deps.db, { today, limit: q.limit, ...(near ? { near } : {}), ...(q.kind ? { kind: q.kind } : {}) });
  });
}

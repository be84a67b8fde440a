// A campaign's live capacity: the figures as JSON (a page may poll them every few seconds), and the
// same figures as server-sent events, sent again whenever a booking or a cancellation changes them.
import type { FastifyInstance } from 'fastify';
import { campaignCapacity, type CampaignCapacity } from '../../domain/campaigns/campaign-capacity.ts';
import { staffById } from '../../domain/staff/staff-tokens.ts';
import { CampaignCapacitySchema } from '../console/capacity.schemas.ts';
import { IdParams, type AdminContext } from './admin-api.routes.ts';
import { readInput, shaped } from './route-shape.ts';

export interface LiveCapacityTimings {
  /** How often an open stream reads the figures again; every process sees every booking this way. */
  checkEveryMs: number;
  /** A comment line that keeps proxies from closing a quiet stream. */
  pingEveryMs: number;
  /**
   * A stream then ends and the browser's EventSource reconnects through authentication again, so a
   * session signed out elsewhere stops receiving within this time (a disabled staff member at the next check).
   */
  maxStreamMs?: number;
}

export const DEFAULT_LIVE_CAPACITY: LiveCapacityTimings = { checkEveryMs: 2_000, pingEveryMs: 15_000, maxStreamMs: 60_000 };

const eventOf = (figures: CampaignCapacity) => `event: capacity\nid: ${figures.version}\ndata: ${JSON.stringify(CampaignCapacitySchema.parse(figures))}\n\n`;

export function registerCapacityRoutes(scope: FastifyInstance, ctx: AdminContext): void {
  const { db } = ctx.deps;
  const timings = ctx.deps.liveCapacity ?? DEFAULT_LIVE_CAPACITY;
  const notFound = ({ params }: { params: { id: number } }) => `no campaign ${params.id}`;
  const open = new Set<() => void>();
  // A stream never ends by itself: the server's shutdown ends them, or it would wait for every coordinator.
  scope.addHook('preClose', async () => {
    for (const end of open) end();
  });

  scope.get(
    '/campaigns/:id/capacity',
    { preHandler: ctx.allow('coordinator', 'medical') },
    shaped({ params: IdParams, answer: CampaignCapacitySchema, notFound }, ({ params }, request) => campaignCapacity(db, ctx.organisationId(request), params.id, ctx.today())),
  );

  scope.get('/campaigns/:id/capacity/events', { preHandler: ctx.allow('coordinator', 'medical') }, async (request, reply) => {
    const input = await readInput({ params: IdParams }, request, reply);
    if (!input) return reply;
    const organisationId = ctx.organisationId(request);
    const staffId = ctx.staff(request).id;
    const first = await campaignCapacity(db, organisationId, input.params.id, ctx.today());
    if (!first) return reply.code(404).send({ error: notFound(input) });

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    raw.write(`retry: ${timings.checkEveryMs}\n\n${eventOf(first)}`);
    let version = first.version;
    let checking = false;
    const check = setInterval(() => {
      if (checking) return;
      checking = true;
      Promise.all([campaignCapacity(db, organisationId, input.params.id, ctx.today()), staffById(db, staffId)])
        .then(([figures, member]) => {
          // Disabled, or moved to another organisation, since the stream opened: it ends now.
          if (!figures || member?.organisation?.id !== organisationId) return end();
          if (figures.version === version) return;
          version = figures.version;
          raw.write(eventOf(figures));
        })
        .catch((err: unknown) => request.log.warn({ err, campaignId: input.params.id }, 'live capacity: reading the figures failed; trying again'))
        .finally(() => (checking = false));
    }, timings.checkEveryMs);
    const ping = setInterval(() => raw.write(': ping\n\n'), timings.pingEveryMs);
    const lifetime = setTimeout(end, timings.maxStreamMs ?? DEFAULT_LIVE_CAPACITY.maxStreamMs);
    function end() {
      clearInterval(check);
      clearInterval(ping);
      clearTimeout(lifetime);
      open.delete(end);
      raw.end();
    }
    open.add(end);
    request.raw.on('close', end);
    return reply;
  });
}

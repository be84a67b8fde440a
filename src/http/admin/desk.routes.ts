// The check-in desk at the venue (roles desk and coordinator): the campaigns to pick from, a scan, the
// scans a desk kept while offline, a walk-in, and the day's bookings a desk holds for when the network
// drops. Each scan and walk-in carries the desk's client id: sent again, it gets the same answer and
// changes nothing.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { inTransaction } from '../../db/transaction.ts';
import { InvalidInput } from '../../domain/errors.ts';
import { checkIn, deskCampaigns, deskDay, registerWalkIn } from '../../domain/venue/index.ts';
import { greetWalkIn } from '../../domain/venue/walk-in-greeting.ts';
import { DEFAULT_QUIET_HOURS } from '../../scheduling/quiet-hours.ts';
import { BatchAnswerSchema, CheckinBatchBodySchema, CheckinBodySchema, CheckinOutcomeSchema, DeskCampaignsSchema, DeskDayQuerySchema, DeskDaySchema, WalkInBodySchema, WalkInOutcomeSchema, type BatchAnswer, type CheckinBody } from '../console/desk.schemas.ts';
import { badRequest, IdParams, type AdminContext } from './admin-api.routes.ts';
import { readInput, shaped } from './route-shape.ts';

export function registerDeskRoutes(scope: FastifyInstance, ctx: AdminContext): void {
  const { db, clock, timeZone } = ctx.deps;
  const quiet = ctx.deps.quietHours ?? DEFAULT_QUIET_HOURS;
  const desk = ctx.allow('desk', 'coordinator');
  const notFound = (id: number) => `no campaign ${id}`;
  const scan = (request: FastifyRequest, campaignId: number, item: CheckinBody) =>
    inTransaction(db, (trx) => checkIn(trx, ctx.actor(request), ctx.organisationId(request), { ...item, campaignId, at: new Date(item.at) }, { now: clock.now(), zone: timeZone }));

  scope.get('/desk/campaigns', { preHandler: desk }, async (request) =>
    DeskCampaignsSchema.parse({ items: await deskCampaigns(db, ctx.organisationId(request), ctx.today()), today: ctx.today() }),
  );

  scope.post('/campaigns/:id/checkins', { preHandler: desk }, async (request, reply) => {
    const input = await readInput({ params: IdParams }, request, reply);
    if (!input) return reply;
    const body = CheckinBodySchema.safeParse(request.body);
    if (!body.success) return badRequest(reply, body.error);
    const outcome = await scan(request, input.params.id, body.data);
    return outcome ? CheckinOutcomeSchema.parse(outcome) : reply.code(404).send({ error: notFound(input.params.id) });
  });

  // A desk back online sends what it kept, in the order it scanned; one refused item does not stop the rest.
  scope.post('/campaigns/:id/checkins/batch', { preHandler: desk }, async (request, reply) => {
    const input = await readInput({ params: IdParams }, request, reply);
    if (!input) return reply;
    const body = CheckinBatchBodySchema.safeParse(request.body);
    if (!body.success) return badRequest(reply, body.error);
    const answers: BatchAnswer['answers'] = [];
    for (const item of body.data.items) {
      try {
        const outcome = await scan(request, input.params.id, item);
        if (!outcome) return reply.code(404).send({ error: notFound(input.params.id) });
        answers.push({ clientId: item.clientId, outcome });
      } catch (err) {
        if (!(err instanceof InvalidInput)) throw err;
        answers.push({ clientId: item.clientId, error: err.message });
      }
    }
    return BatchAnswerSchema.parse({ answers });
  });

  // 200 with the walk-in's code; 409 `full` when no window has a place and overCapacity was not allowed.
  scope.post('/campaigns/:id/walk-ins', { preHandler: desk }, async (request, reply) => {
    const input = await readInput({ params: IdParams }, request, reply);
    if (!input) return reply;
    const body = WalkInBodySchema.safeParse(request.body);
    if (!body.success) return badRequest(reply, body.error);
    const { at, ...walkIn } = body.data;
    const now = clock.now();
    const done = await inTransaction(db, async (trx) => {
      const outcome = await registerWalkIn(trx, ctx.actor(request), ctx.organisationId(request), { ...walkIn, campaignId: input.params.id, ...(at ? { at: new Date(at) } : {}) }, { now, zone: timeZone }, ctx.deps.booking);
      // A phone and the consent ticked on paper: the bot greets them with their code (sent again, once).
      const greeting = outcome?.kind === 'walked_in' ? await greetWalkIn(trx, { appointmentId: outcome.appointmentId, phone: walkIn.person.phone, consentOnPaper: walkIn.person.consent }, now, { zone: timeZone, quiet }) : [];
      return { outcome, greeting };
    });
    const outcome = done.outcome;
    if (!outcome) return reply.code(404).send({ error: notFound(input.params.id) });
    await ctx.deps.timers?.schedule(done.greeting, now);
    return reply.code(outcome.kind === 'full' ? 409 : 200).send(WalkInOutcomeSchema.parse(outcome));
  });

  scope.get(
    '/campaigns/:id/desk-day',
    { preHandler: desk },
    shaped({ params: IdParams, query: DeskDayQuerySchema, answer: DeskDaySchema, notFound: ({ params }) => notFound(params.id) }, ({ params, query }, request) =>
      deskDay(db, ctx.organisationId(request), params.id, query.day),
    ),
  );
}

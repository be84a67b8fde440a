// The one shape of an admin route: schema in, the domain call scoped to the caller's organisation,
// 404 when it finds nothing there, schema out. An answer that breaks its schema is a bug (500), never
// sent half-checked to the browser.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { badRequest } from './admin-api.routes.ts';

export interface RouteInput<P, Q> {
  params: P;
  query: Q;
}

export interface RouteShape<P, Q, A> {
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  answer: z.ZodType<A>;
  /** Said with the 404 when the domain call gives undefined: nothing of that id in the caller's organisation. */
  notFound: (input: RouteInput<P, Q>) => string;
}

/** Reads params and query with their schemas; the 400 is already sent when it gives undefined. */
export async function readInput<P, Q>(shape: Pick<RouteShape<P, Q, unknown>, 'params' | 'query'>, request: FastifyRequest, reply: FastifyReply): Promise<RouteInput<P, Q> | undefined> {
  const params = shape.params ? shape.params.safeParse(request.params) : { success: true as const, data: undefined as P };
  if (!params.success) return void (await badRequest(reply, params.error));
  const query = shape.query ? shape.query.safeParse(request.query) : { success: true as const, data: undefined as Q };
  if (!query.success) return void (await badRequest(reply, query.error));
  return { params: params.data, query: query.data };
}

/**
 * @example scope.get('/campaigns/:id/capacity', { preHandler }, shaped({ params: IdParams, answer: CampaignCapacitySchema,
 *   notFound: ({ params }) => `no campaign ${params.id}` }, ({ params }, request) => campaignCapacity(db, ctx.organisationId(request), params.id, ctx.today())));
 */
export function shaped<P, Q, A>(shape: RouteShape<P, Q, A>, run: (input: RouteInput<P, Q>, request: FastifyRequest) => Promise<A | undefined>) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<A | FastifyReply | undefined> => {
    const input = await readInput(shape, request, reply);
    if (!input) return reply;
    const answer = await run(input, request);
    if (answer === undefined) return reply.code(404).send({ error: shape.notFound(input) });
    return shape.answer.parse(answer);
  };
}

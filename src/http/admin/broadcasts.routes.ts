// The organisation's broadcasts (coordinators): preview an audience and a text without writing anything,
// create (its audience limited to people who dealt with it), list with figures, follow, cancel. The answer
// says when sending really starts: never in the quiet hours.
import type { FastifyInstance } from 'fastify';
import { PageQuerySchema } from '../../domain/pagination.ts';
import type { Locale } from '../../db/tables.ts';
import { createTranslator, loadResources, LOCALES } from '../../i18n/translator.ts';
import { channelPreviews } from '../../scheduling/broadcast-channel-preview.ts';
import { previewAudience } from '../../scheduling/broadcast-preview.ts';
import { BroadcastInputSchema, broadcastProgress, cancelBroadcast, createBroadcast, listBroadcasts, type BroadcastProgress } from '../../scheduling/broadcasts.ts';
import { DEFAULT_QUIET_HOURS, outOfQuietHours } from '../../scheduling/quiet-hours.ts';
import { BroadcastCreatedSchema, BroadcastListSchema, BroadcastPreviewBodySchema, BroadcastPreviewSchema, BroadcastProgressSchema } from '../console/broadcast.schemas.ts';
import { badRequest, IdParams, type AdminContext } from './admin-api.routes.ts';
import { shaped } from './route-shape.ts';

export function registerBroadcastRoutes(scope: FastifyInstance, ctx: AdminContext): void {
  const { db, clock, timeZone } = ctx.deps;
  const quiet = ctx.deps.quietHours ?? DEFAULT_QUIET_HOURS;
  const coordinator = ctx.allow('coordinator');
  // The STOP line each language gets, from the villagers' locale files, as the fan-out writes it.
  const t = createTranslator(loadResources());
  const footer = (locale: Locale) => t(locale, 'broadcasts:stopHint');
  const startsAt = (scheduledAt: Date | undefined) => outOfQuietHours(scheduledAt ?? clock.now(), timeZone, quiet);
  const progressAnswer = (p: BroadcastProgress) => ({ ...p, scheduledAt: p.scheduledAt.toISOString(), startsAt: startsAt(p.scheduledAt).toISOString() });

  scope.post('/broadcasts/preview', { preHandler: coordinator }, async (request, reply) => {
    const input = BroadcastPreviewBodySchema.safeParse(request.body);
    if (!input.success) return badRequest(reply, input.error);
    const at = startsAt(input.data.scheduledAt);
    const audience = await previewAudience(db, ctx.organisationId(request), input.data.audience, at, timeZone);
    // Every language the audience reads, and any the coordinator wrote in.
    const locales = LOCALES.filter((l) => (audience.byLocale[l] ?? 0) > 0 || input.data.texts[l] !== undefined);
    const written = Object.values(input.data.texts).some((text) => text.trim() !== '');
    return BroadcastPreviewSchema.parse({ ...audience, startsAt: at.toISOString(), quietHours: quiet, channels: written ? channelPreviews(input.data.texts, locales, footer) : [] });
  });

  scope.post('/broadcasts', { preHandler: coordinator }, async (request, reply) => {
    const input = BroadcastInputSchema.safeParse(request.body);
    if (!input.success) return badRequest(reply, input.error);
    const created = await createBroadcast(db, ctx.actor(request), ctx.organisationId(request), input.data, clock.now(), timeZone);
    const at = startsAt(created.scheduledAt);
    await ctx.deps.broadcastPages?.start(created.id, at, clock.now());
    return reply.code(201).send(BroadcastCreatedSchema.parse({ ...created, scheduledAt: created.scheduledAt.toISOString(), startsAt: at.toISOString() }));
  });

  scope.get('/broadcasts', { preHandler: coordinator }, async (request, reply) => {
    const page = PageQuerySchema.safeParse(request.query);
    if (!page.success) return badRequest(reply, page.error);
    const list = await listBroadcasts(db, ctx.organisationId(request), page.data);
    return BroadcastListSchema.parse({ ...list, items: list.items.map((b) => ({ ...b, scheduledAt: b.scheduledAt.toISOString() })) });
  });

  scope.get(
    '/broadcasts/:id',
    { preHandler: coordinator },
    shaped({ params: IdParams, answer: BroadcastProgressSchema, notFound: ({ params }) => `no broadcast ${params.id}` }, async ({ params }, request) => {
      const progress = await broadcastProgress(db, ctx.organisationId(request), params.id);
      return progress && progressAnswer(progress);
    }),
  );

  scope.post(
    '/broadcasts/:id/cancel',
    { preHandler: coordinator },
    shaped({ params: IdParams, answer: BroadcastProgressSchema, notFound: ({ params }) => `no broadcast ${params.id} to cancel` }, async ({ params }, request) => {
      const organisationId = ctx.organisationId(request);
      if (!(await cancelBroadcast(db, ctx.actor(request), organisationId, params.id))) return undefined;
      const progress = await broadcastProgress(db, organisationId, params.id);
      return progress && progressAnswer(progress);
    }),
  );
}

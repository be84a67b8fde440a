// The inbox: an organisation's open tickets and the conversation of each; staff answer in the villager's
// chat (through the outbox), send the approved template once WhatsApp's 24 hours are over, give a ticket
// to a colleague, note, close; a live stream of the unread count and of any change. Coordinators and
// medical staff; the platform admin viewing an organisation reads only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { WHATSAPP_CLOUD_CAPABILITIES } from '../../channels/whatsapp-cloud/whatsapp-cloud.channel.ts';
import type { Locale } from '../../db/tables.ts';
import type { TemplateFor } from '../../delivery/deliver.ts';
import type { OutboundQueues } from '../../delivery/outbound.queue.ts';
import { inboxColleagues, inboxPulse, listInbox } from '../../domain/handoff/inbox-list.ts';
import { answerTicket, assignTicket, closeTicketTelling, markTicketRead, noteTicket, sendTicketTemplate, type ChatRules, type ReplyOutcome } from '../../domain/handoff/ticket-actions.ts';
import { ticketDetail, ticketPhone } from '../../domain/handoff/ticket-view.ts';
import { voiceNoteAudio } from '../../domain/handoff/voice-notes.ts';
import { PageQuerySchema } from '../../domain/pagination.ts';
import { staffById } from '../../domain/staff/staff-tokens.ts';
import { createTranslator, loadResources, type Translate } from '../../i18n/translator.ts';
import { AssignBodySchema, ColleaguesSchema, InboxPulseSchema, InboxTicketListSchema, NoteBodySchema, ReplyBodySchema, SentAnswerSchema, TicketDetailSchema, TicketPhoneSchema, type InboxPulse } from '../console/inbox.schemas.ts';
import { badRequest, IdParams, type AdminContext } from './admin-api.routes.ts';
import { parseByteRange } from './byte-range.ts';
import { DEFAULT_LIVE_CAPACITY } from './capacity.routes.ts';
import { streamLive } from './live-stream.ts';
import { readInput, shaped } from './route-shape.ts';

export interface InboxDeps {
  /** The villager's words: the closing notice and the template's text. */
  t: Translate;
  /** The approved WhatsApp templates; without them, nothing can go after the 24 hours. */
  templates?: TemplateFor;
  /** Queues a staff answer at once on the replies' lane; without it the worker's sweep sends it within a minute. */
  outbound?: OutboundQueues;
}

/** Channels that take free text only within hours of the villager's last message. */
const WINDOWS: Readonly<Record<string, number>> = { whatsapp: WHATSAPP_CLOUD_CAPABILITIES.sessionWindowHours ?? 24 };

const REFUSALS: Record<Exclude<ReplyOutcome, { outboxId: number }>['refused'], string> = {
  window_closed: 'the villager last wrote more than 24 hours ago: WhatsApp takes only the approved template now; send it, and answer freely once they write back',
  no_template: 'no approved WhatsApp template is set up for this language (WHATSAPP_TEMPLATES): nothing can reach this villager until they write',
  no_chat: 'this villager has no chat left to answer in',
  opted_out: 'this villager said STOP: nothing but the confirmation of STOP goes to them until they write START',
};

export function registerInboxRoutes(scope: FastifyInstance, ctx: AdminContext): void {
  const { db, clock } = ctx.deps;
  const inbox: InboxDeps = ctx.deps.inbox ?? { t: createTranslator(loadResources()) };
  const timings = ctx.deps.liveCapacity ?? DEFAULT_LIVE_CAPACITY;
  const staffRoles = ctx.allow('coordinator', 'medical');
  const notFound = ({ params }: { params: { id: number } }) => `no open ticket ${params.id}`;
  const rules = (): ChatRules => ({
    now: clock.now(),
    windows: WINDOWS,
    templateText: (locale: Locale) => (inbox.templates?.(locale) ? inbox.t(locale, 'handoff:staffWaiting') : null),
  });
  const open = new Set<() => void>();
  scope.addHook('preClose', async () => {
    for (const end of open) end();
  });

  /** The body read with its schema; undefined when the 400 is already sent. */
  async function body<T>(schema: z.ZodType<T>, request: FastifyRequest, reply: FastifyReply): Promise<T | undefined> {
    const parsed = schema.safeParse(request.body ?? {});
    if (!parsed.success) return void (await badRequest(reply, parsed.error));
    return parsed.data;
  }

  /** Queues the row now when a queue is at hand; the sweep sends it otherwise, so a Redis hiccup loses nothing. */
  async function queue(request: FastifyRequest, channel: string | undefined, outboxId: number | undefined) {
    if (!inbox.outbound || channel === undefined || outboxId === undefined) return;
    await inbox.outbound.enqueue(channel, [outboxId]).catch((err: unknown) => request.log.warn({ err, outboxId }, 'inbox: queueing failed; the sweep sends it'));
  }

  async function sent(request: FastifyRequest, reply: FastifyReply, outcome: ReplyOutcome | undefined, id: number) {
    if (outcome === undefined) return reply.code(404).send({ error: notFound({ params: { id } }) });
    if ('refused' in outcome) return reply.code(409).send({ error: REFUSALS[outcome.refused], refused: outcome.refused });
    await queue(request, outcome.channel, outcome.outboxId);
    return reply.code(201).send(SentAnswerSchema.parse({ outboxId: outcome.outboxId }));
  }

  scope.get('/inbox/tickets', { preHandler: staffRoles }, async (request, reply) => {
    const page = PageQuerySchema.safeParse(request.query);
    if (!page.success) return badRequest(reply, page.error);
    return InboxTicketListSchema.parse(await listInbox(db, ctx.organisationId(request), ctx.staff(request).id, page.data));
  });

  scope.get('/inbox/tickets/:id', { preHandler: staffRoles }, shaped({ params: IdParams, answer: TicketDetailSchema, notFound }, ({ params }, request) => ticketDetail(db, ctx.organisationId(request), params.id, rules())));

  scope.get(
    '/inbox/tickets/:id/phone',
    { preHandler: staffRoles },
    shaped({ params: IdParams, answer: TicketPhoneSchema, notFound: ({ params }) => `no ticket ${params.id}` }, ({ params }, request) =>
      db.transaction().execute((trx) => ticketPhone(trx, ctx.actor(request), ctx.organisationId(request), params.id)),
    ),
  );

  scope.post('/inbox/tickets/:id/read', { preHandler: staffRoles }, async (request, reply) => {
    const input = await readInput({ params: IdParams }, request, reply);
    if (!input) return reply;
    const done = await markTicketRead(db, ctx.staff(request).id, ctx.organisationId(request), input.params.id);
    return done ? { read: true } : reply.code(404).send({ error: `no ticket ${input.params.id}` });
  });

  scope.post('/inbox/tickets/:id/reply', { preHandler: staffRoles }, async (request, reply) => {
    const input = await readInput({ params: IdParams }, request, reply);
    const text = input && (await body(ReplyBodySchema, request, reply));
    if (!input || !text) return reply;
    const outcome = await db.transaction().execute((trx) => answerTicket(trx, ctx.actor(request), ctx.organisationId(request), input.params.id, text.text, rules()));
    return sent(request, reply, outcome, input.params.id);
  });

  scope.post('/inbox/tickets/:id/template', { preHandler: staffRoles }, async (request, reply) => {
    const input = await readInput({ params: IdParams }, request, reply);
    if (!input) return reply;
    const outcome = await db.transaction().execute((trx) => sendTicketTemplate(trx, ctx.actor(request), ctx.organisationId(request), input.params.id, rules()));
    return sent(request, reply, outcome, input.params.id);
  });

  scope.post('/inbox/tickets/:id/assign', { preHandler: staffRoles }, async (request, reply) => {
    const input = await readInput({ params: IdParams }, request, reply);
    const assign = input && (await body(AssignBodySchema, request, reply));
    if (!input || !assign) return reply;
    const done = await db.transaction().execute((trx) => assignTicket(trx, ctx.actor(request), ctx.organisationId(request), input.params.id, assign.staffId));
    return done ? { assigned: assign.staffId } : reply.code(404).send({ error: `no open ticket ${input.params.id}, or no active colleague ${assign.staffId} in your organisation` });
  });

  scope.post('/inbox/tickets/:id/notes', { preHandler: staffRoles }, async (request, reply) => {
    const input = await readInput({ params: IdParams }, request, reply);
    const note = input && (await body(NoteBodySchema, request, reply));
    if (!input || !note) return reply;
    const done = await db.transaction().execute((trx) => noteTicket(trx, ctx.actor(request), ctx.organisationId(request), input.params.id, note.text));
    return done ? reply.code(201).send({ noted: true }) : reply.code(404).send({ error: notFound(input) });
  });

  scope.post('/inbox/tickets/:id/close', { preHandler: staffRoles }, async (request, reply) => {
    const input = await readInput({ params: IdParams }, request, reply);
    if (!input) return reply;
    const closed = await db.transaction().execute((trx) => closeTicketTelling(trx, ctx.actor(request), ctx.organisationId(request), input.params.id, (locale) => inbox.t(locale, 'handoff:closedByStaff')));
    if (!closed) return reply.code(404).send({ error: notFound(input) });
    await queue(request, closed.channel, closed.outboxId);
    return { closed: true, told: closed.outboxId !== undefined };
  });

  // A villager's voice note, for the console's player: only on this organisation's tickets (404 otherwise),
  // with byte ranges so the player can seek; a listen is audited once, on its first range.
  scope.get('/inbox/voice-notes/:id', { preHandler: staffRoles }, async (request, reply) => {
    const input = await readInput({ params: IdParams }, request, reply);
    if (!input) return reply;
    const header = request.headers.range;
    const fromStart = header === undefined || /^bytes=0-/.test(header.trim());
    const found = await voiceNoteAudio(db, ctx.actor(request), ctx.organisationId(request), input.params.id, fromStart);
    if (!found) return reply.code(404).send({ error: `no voice note ${input.params.id}` });
    const { audio, mimeType } = found;
    void reply.header('content-type', mimeType).header('accept-ranges', 'bytes').header('cache-control', 'private, no-store');
    const range = parseByteRange(header, audio.length);
    if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${audio.length}`).send();
    if (range === undefined) return reply.send(audio);
    return reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${audio.length}`).send(audio.subarray(range.start, range.end + 1));
  });

  scope.get('/inbox/staff', { preHandler: staffRoles }, async (request) => ColleaguesSchema.parse({ items: await inboxColleagues(db, ctx.organisationId(request)) }));

  scope.get('/inbox/pulse', { preHandler: staffRoles }, async (request) => InboxPulseSchema.parse(await inboxPulse(db, ctx.organisationId(request), ctx.staff(request).id)));

  scope.get('/inbox/events', { preHandler: staffRoles }, async (request, reply) => {
    const organisationId = ctx.organisationId(request);
    const staff = ctx.staff(request);
    const first = await inboxPulse(db, organisationId, staff.id);
    const read = async (): Promise<InboxPulse | undefined> => {
      const [pulse, member] = await Promise.all([inboxPulse(db, organisationId, staff.id), staffById(db, staff.id)]);
      // Disabled, or moved to another organisation, since the stream opened: it ends now.
      const still = member !== undefined && (member.role === 'admin' || member.organisation?.id === organisationId);
      return still ? pulse : undefined;
    };
    // The alerts' count moves the stream too, not the inbox's version (the inbox page reloads on that).
    return streamLive(request, reply, first, { event: 'inbox', read, versionOf: (p) => `${p.version}:${p.alerts}`, timings, open });
  });
}

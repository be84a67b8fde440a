// The organisation's recorded prompts: the board of keys and locales, upload (the bytes are checked, never
// the browser's type), listening, deleting. Coordinators change them (audited); the platform admin viewing
// the organisation reads them. Another organisation's recording answers 404.
import type { FastifyInstance } from 'fastify';
import { checkVoicePrompt, type VoiceFileProblem } from '../../domain/voice/ogg-opus.ts';
import { VOICE_PROMPT_KEYS } from '../../domain/voice/voice-keys.ts';
import { deleteVoicePrompt, listVoicePrompts, readVoiceAudio, saveVoicePrompt, type VoiceActor } from '../../domain/voice/voice-prompts.ts';
import { VOICE_LIMITS, VOICE_LOCALES, VoicePromptBoardSchema, VoicePromptSchema, VoiceUploadParamsSchema, type VoiceRefusal } from '../console/voice-prompts.schemas.ts';
import { badRequest, IdParams, type AdminContext } from './admin-api.routes.ts';
import { shaped } from './route-shape.ts';

/** Said with each refusal, for a script; the console says it in the member's language. */
const PROBLEM_TEXT: Record<VoiceFileProblem, string> = {
  empty: 'the file is empty',
  too_big: `the file is over ${VOICE_LIMITS.maxBytes / 1024} KB; record a shorter message`,
  not_ogg: 'the file is not an Ogg recording (an MP3 or another format): record a WhatsApp voice note or export as Ogg Opus',
  not_opus: 'the Ogg file does not hold Opus audio: export as Ogg Opus',
  broken: 'the file is damaged or cut short',
  not_mono: 'the recording is stereo: export it in mono (one channel)',
  too_long: `the recording is longer than ${VOICE_LIMITS.maxMs / 1000} seconds`,
};

export function registerVoicePromptRoutes(scope: FastifyInstance, ctx: AdminContext): void {
  const { db } = ctx.deps;
  const readers = { preHandler: ctx.allow('coordinator') };
  const by = (request: Parameters<AdminContext['staff']>[0]): VoiceActor => ({ actor: ctx.actor(request), staffId: ctx.staff(request).id, organisationId: ctx.organisationId(request) });

  scope.get(
    '/voice-prompts',
    readers,
    shaped({ answer: VoicePromptBoardSchema, notFound: () => 'no voice prompts' }, async (_input, request) => {
      const prompts = await listVoicePrompts(db, ctx.organisationId(request));
      return { keys: [...VOICE_PROMPT_KEYS], locales: [...VOICE_LOCALES], limits: { ...VOICE_LIMITS }, prompts: prompts.map((p) => ({ ...p, uploadedAt: p.uploadedAt.toISOString() })) };
    }),
  );

  scope.get('/voice-prompts/:id/audio', readers, async (request, reply) => {
    const params = IdParams.safeParse(request.params);
    if (!params.success) return badRequest(reply, params.error);
    const found = await readVoiceAudio(db, ctx.organisationId(request), params.data.id);
    if (!found) return reply.code(404).send({ error: `no voice prompt ${params.data.id}` });
    // A player reads the end of an Ogg file to know its length and to seek: it asks for byte ranges.
    const range = byteRange(request.headers.range, found.audio.length);
    reply.type(found.mime).header('accept-ranges', 'bytes');
    if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${found.audio.length}`).send();
    if (!range) return reply.send(found.audio);
    return reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${found.audio.length}`).send(found.audio.subarray(range.start, range.end + 1));
  });

  scope.delete('/voice-prompts/:id', readers, async (request, reply) => {
    const params = IdParams.safeParse(request.params);
    if (!params.success) return badRequest(reply, params.error);
    const done = await db.transaction().execute((trx) => deleteVoicePrompt(trx, by(request), params.data.id));
    if (!done) return reply.code(404).send({ error: `no voice prompt ${params.data.id}` });
    return reply.code(204).send();
  });

  // The upload reads its body as bytes whatever type the browser named; its own scope, so no other route does.
  void scope.register(async (upload) => {
    upload.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: VOICE_LIMITS.maxBytes * 2 }, (_request, body, done) => done(null, body));
    upload.put('/voice-prompts/:locale/:key', readers, async (request, reply) => {
      const params = VoiceUploadParamsSchema.safeParse(request.params);
      if (!params.success) return badRequest(reply, params.error);
      const audio = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const checked = checkVoicePrompt(audio, VOICE_LIMITS);
      if (!checked.ok) return reply.code(400).send({ error: PROBLEM_TEXT[checked.problem], problem: checked.problem } satisfies VoiceRefusal);
      const organisationId = ctx.organisationId(request);
      await db.transaction().execute((trx) => saveVoicePrompt(trx, by(request), { key: params.data.key, locale: params.data.locale, audio, info: checked.info }));
      const saved = (await listVoicePrompts(db, organisationId)).find((p) => p.key === params.data.key && p.locale === params.data.locale);
      if (!saved) return reply.code(404).send({ error: 'the recording was deleted meanwhile' });
      return reply.code(201).send(VoicePromptSchema.parse({ ...saved, uploadedAt: saved.uploadedAt.toISOString() }));
    });
  });
}

/** One range of a `Range: bytes=a-b` header (`a-`, `-n` too); none for no header or several ranges. */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const match = header === undefined ? null : /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  const [from, to] = [match[1] ?? '', match[2] ?? ''];
  const start = from === '' ? Math.max(0, size - Number(to)) : Number(from);
  const end = from === '' || to === '' ? size - 1 : Math.min(Number(to), size - 1);
  return start > end || start >= size ? 'unsatisfiable' : { start, end };
}

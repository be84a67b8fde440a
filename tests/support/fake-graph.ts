// A local Graph API with the WhatsApp Cloud endpoints Qafila calls: messages and media upload.
import Fastify from 'fastify';

export interface GraphCall {
  path: string;
  body: Record<string, unknown>;
  /** The id the call was answered with (a message's wamid, an upload's media id). */
  id: string;
}

export interface FakeGraph {
  root: string;
  calls: GraphCall[];
  messages(to?: string): Array<Record<string, unknown>>;
  /** Forgets every media id given so far, as Meta does after 30 days: sending one is then refused. */
  forgetMedia(): void;
  waitFor(count: number, to?: string, timeoutMs?: number): Promise<Array<Record<string, unknown>>>;
  /** Media a villager sent (a voice note): GET /{media-id} gives its URL, and that URL its bytes, both with the bearer token. */
  addMedia(mediaId: string, bytes: Buffer, mimeType: string): void;
  /** How often each media id was asked for, and each download made. */
  mediaRequests: string[];
  close(): Promise<void>;
}

export async function startFakeGraph(accessToken: string): Promise<FakeGraph> {
  const app = Fastify();
  const calls: GraphCall[] = [];
  let next = 1;
  /** Media ids of uploads (voice prompts), until forgotten. */
  const uploaded = new Set<string>();
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.post<{ Params: { phone: string; kind: string } }>('/v21.0/:phone/:kind', async (request, reply) => {
    if (request.headers.authorization !== `Bearer ${accessToken}`) return reply.code(401).send({ error: { code: 190, message: 'Invalid OAuth access token' } });
    if (request.params.kind === 'media') {
      const id = `media-${next++}`;
      const upload = request.body as Buffer;
      const type = /name="type"\r\n\r\n([^\r]*)\r\n/.exec(upload.toString('latin1'))?.[1];
      calls.push({ path: 'media', body: { bytes: upload.length, type, ogg: upload.includes(Buffer.from('OggS', 'ascii')) }, id });
      uploaded.add(id);
      return { id };
    }
    const body = request.body as Record<string, unknown>;
    const audio = body.type === 'audio' ? (body.audio as { id?: string } | undefined) : undefined;
    if (audio && !uploaded.has(audio.id ?? '')) {
      calls.push({ path: 'messages', body, id: '' });
      return reply.code(400).send({ error: { code: 131053, message: 'Media upload error: the media id was not found' } });
    }
    const id = `wamid.TEST${next++}`;
    calls.push({ path: 'messages', body, id });
    return { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id }] };
  });
  /** Media villagers sent, by id. */
  const media = new Map<string, { bytes: Buffer; mimeType: string }>();
  const mediaRequests: string[] = [];
  let base = '';
  app.get<{ Params: { mediaId: string } }>('/v21.0/:mediaId', async (request, reply) => {
    mediaRequests.push(`GET /${request.params.mediaId}`);
    if (request.headers.authorization !== `Bearer ${accessToken}`) return reply.code(401).send({ error: { code: 190, message: 'Invalid OAuth access token' } });
    const found = media.get(request.params.mediaId);
    // Meta's answer for a media id it no longer has (expired, or never sent).
    if (!found) return reply.code(404).send({ error: { code: 100, message: 'Unsupported get request' } });
    return { messaging_product: 'whatsapp', url: `${base}/media-download/${encodeURIComponent(request.params.mediaId)}`, mime_type: found.mimeType, sha256: 'x', file_size: found.bytes.length, id: request.params.mediaId };
  });
  app.get<{ Params: { mediaId: string } }>('/media-download/:mediaId', async (request, reply) => {
    mediaRequests.push(`download ${request.params.mediaId}`);
    if (request.headers.authorization !== `Bearer ${accessToken}`) return reply.code(401).send({ error: { code: 190, message: 'Invalid OAuth access token' } });
    const found = media.get(request.params.mediaId);
    if (!found) return reply.code(404).send({ error: { code: 100, message: 'not found' } });
    return reply.type(found.mimeType).send(found.bytes);
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  base = address;
  const messages = (to?: string) => calls.filter((c) => c.path === 'messages' && (to === undefined || c.body.to === to)).map((c) => c.body);
  return {
    root: `${address}/v21.0`,
    calls,
    messages,
    forgetMedia: () => uploaded.clear(),
    async waitFor(count, to, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages(to);
        if (found.length >= count) return found;
        if (Date.now() > deadline) throw new Error(`waited for ${count} WhatsApp messages, got ${found.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    addMedia: (mediaId, bytes, mimeType) => void media.set(mediaId, { bytes, mimeType }),
    mediaRequests,
    close: () => app.close(),
  };
}

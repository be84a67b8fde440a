// A local Bot API server with the methods Qafila calls, so grammY's real client can be tested end to end.
import Fastify, { type FastifyInstance } from 'fastify';

export interface BotApiCall {
  method: string;
  /** JSON fields, or the text fields of a multipart upload. */
  payload: Record<string, unknown>;
  /** A file was uploaded and it is a PNG picture. */
  png?: boolean;
  /** A file was uploaded and it is an Ogg file. */
  ogg?: boolean;
  at: number;
  /** The message id this call was answered with, when it sent a message: counted per chat from 1, as Telegram does. */
  messageId?: number;
}

export interface FakeTelegram {
  apiRoot: string;
  token: string;
  calls: BotApiCall[];
  /** The next call of `method` answers 429 with this retry_after (seconds). */
  throttleNext(method: string, retryAfter: number): void;
  /** The next call of `method` fails with this Bot API error (409: another getUpdates is running). */
  failNext(method: string, code: number, description: string): void;
  /** Every call of `method` for this chat answers 403, as for a villager who blocked the bot. */
  blockChat(chatId: string): void;
  /** sendVoice to this chat answers 400 VOICE_MESSAGES_FORBIDDEN, as for a user whose privacy settings refuse voice notes. */
  forbidVoice(chatId: string): void;
  /** Queues an update for long polling: the next getUpdates whose offset allows it returns it. */
  pushUpdate(update: { update_id: number } & Record<string, unknown>): void;
  /**
   * A file the villager sent (a voice note): getFile names it and /file/bot<token>/<path> serves it.
   * `tooBig` answers getFile as the Bot API does for files over 20 MB.
   */
  addFile(fileId: string, bytes: Buffer, options?: { tooBig?: boolean }): void;
  /** Tells `listener` of every call as it arrives (a bench timing replies without scanning `calls`). */
  listen(listener: (call: BotApiCall) => void): void;
  /** Resolves when `count` calls matching `filter` have arrived (or fails after `timeoutMs`). */
  waitFor(count: number, filter?: (c: BotApiCall) => boolean, timeoutMs?: number): Promise<BotApiCall[]>;
  close(): Promise<void>;
}

function multipartFields(body: Buffer): { fields: Record<string, string>; png: boolean; ogg: boolean } {
  const text = body.toString('latin1');
  const fields: Record<string, string> = {};
  for (const m of text.matchAll(/name="([^"]+)"\r\n\r\n([\s\S]*?)\r\n--/g)) {
    if (m[1] !== undefined && m[2] !== undefined) fields[m[1]] = Buffer.from(m[2], 'latin1').toString('utf8');
  }
  return { fields, png: body.includes(Buffer.from([0x89, 0x50, 0x4e, 0x47])), ogg: body.includes(Buffer.from('OggS', 'ascii')) };
}

export async function startFakeTelegram(token = '123456:TEST-token-abcdefghijklmnopqrst'): Promise<FakeTelegram> {
  const app: FastifyInstance = Fastify();
  const calls: BotApiCall[] = [];
  const throttled = new Map<string, number>();
  const blocked = new Set<string>();
  const voiceForbidden = new Set<string>();
  // The file_ids this bot was given for uploaded voice notes; any other is refused, as Telegram does.
  const voiceFiles = new Set<string>();
  const failing = new Map<string, { code: number; description: string }>();
  // As on Telegram, a message id is counted per chat from 1: two chats get the same ids.
  const lastMessageId = new Map<string, number>();
  const updates: Array<{ update_id: number } & Record<string, unknown>> = [];
  const pollers = new Set<() => void>();
  const listeners: Array<(call: BotApiCall) => void> = [];
  const pending = (offset: number) => updates.filter((u) => u.update_id >= offset);
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.post<{ Params: { token: string; method: string } }>('/bot:token/:method', async (request, reply) => {
    if (request.params.token !== token) return reply.code(401).send({ ok: false, error_code: 401, description: 'Unauthorized' });
    const method = request.params.method;
    const isUpload = Buffer.isBuffer(request.body);
    const { fields, png, ogg } = isUpload ? multipartFields(request.body as Buffer) : { fields: {}, png: false, ogg: false };
    const payload = isUpload ? fields : ((request.body ?? {}) as Record<string, unknown>);
    const call: BotApiCall = { method, payload, at: Date.now(), ...(isUpload ? { png, ogg } : {}) };
    calls.push(call);
    for (const listener of listeners) listener(call);
    const retryAfter = throttled.get(method);
    if (retryAfter !== undefined) {
      throttled.delete(method);
      return reply.code(429).send({ ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } });
    }
    const failure = failing.get(method);
    if (failure) {
      failing.delete(method);
      return reply.code(failure.code).send({ ok: false, error_code: failure.code, description: failure.description });
    }
    if (blocked.has(String(payload.chat_id))) return reply.code(403).send({ ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    if (method === 'answerCallbackQuery' || method === 'setWebhook' || method === 'deleteWebhook') return { ok: true, result: true };
    if (method === 'getUpdates') {
      // Long polling: answer at once when updates wait, else hold the request up to its timeout (at most 0.2 s here).
      const offset = Number(payload.offset ?? 0);
      if (pending(offset).length === 0 && Number(payload.timeout ?? 0) > 0) {
        await new Promise<void>((resolve) => {
          const wake = () => (pollers.delete(wake), resolve());
          pollers.add(wake);
          setTimeout(wake, Math.min(200, Number(payload.timeout) * 1000));
        });
      }
      return { ok: true, result: pending(offset) };
    }
    let voice: { file_id: string; file_unique_id: string; duration: number; mime_type: string } | undefined;
    if (method === 'sendVoice') {
      if (voiceForbidden.has(String(payload.chat_id))) return reply.code(400).send({ ok: false, error_code: 400, description: 'Bad Request: VOICE_MESSAGES_FORBIDDEN' });
      const fileId = isUpload ? (ogg ? `voice-file-${voiceFiles.size + 1}` : undefined) : String(payload.voice);
      if (fileId === undefined || (!isUpload && !voiceFiles.has(fileId))) return reply.code(400).send({ ok: false, error_code: 400, description: 'Bad Request: wrong file identifier/HTTP URL specified' });
      voiceFiles.add(fileId);
      voice = { file_id: fileId, file_unique_id: `u-${fileId}`, duration: Number(payload.duration ?? 1), mime_type: 'audio/ogg' };
    }
    if (method === 'getMe') return { ok: true, result: { id: 1, is_bot: true, first_name: 'Qafila', username: 'qafila_bot' } };
    const chat = String(payload.chat_id);
    call.messageId = (lastMessageId.get(chat) ?? 0) + 1;
    lastMessageId.set(chat, call.messageId);
    return { ok: true, result: { message_id: call.messageId, date: Math.floor(Date.now() / 1000), chat: { id: Number(payload.chat_id), type: 'private' }, ...(voice ? { voice } : {}) } };
  });
  const files = new Map<string, { bytes: Buffer; path: string; tooBig: boolean }>();
  app.get<{ Params: { token: string; method: string }; Querystring: Record<string, string | undefined> }>('/bot:token/:method', async (request, reply) => {
    if (request.params.token !== token) return reply.code(401).send({ ok: false, error_code: 401, description: 'Unauthorized' });
    if (request.params.method !== 'getFile') return reply.code(404).send({ ok: false, error_code: 404, description: 'Not Found' });
    const fileId = request.query.file_id ?? '';
    calls.push({ method: 'getFile', payload: { file_id: fileId }, at: Date.now() });
    const file = files.get(fileId);
    if (!file) return reply.code(400).send({ ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
    if (file.tooBig) return reply.code(400).send({ ok: false, error_code: 400, description: 'Bad Request: file is too big' });
    return { ok: true, result: { file_id: fileId, file_unique_id: `u${fileId}`, file_size: file.bytes.length, file_path: file.path } };
  });
  app.get<{ Params: { token: string; '*': string } }>('/file/bot:token/*', async (request, reply) => {
    if (request.params.token !== token) return reply.code(401).send({ ok: false, error_code: 401, description: 'Unauthorized' });
    const file = [...files.values()].find((f) => f.path === request.params['*']);
    if (!file) return reply.code(404).send({ ok: false, error_code: 404, description: 'Not Found' });
    return reply.type('application/octet-stream').send(file.bytes);
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    addFile: (fileId, bytes, options) => void files.set(fileId, { bytes, path: `voice/file_${files.size}.oga`, tooBig: options?.tooBig ?? false }),
    apiRoot: address,
    token,
    calls,
    throttleNext: (method, retryAfter) => void throttled.set(method, retryAfter),
    failNext: (method, code, description) => void failing.set(method, { code, description }),
    blockChat: (chatId) => void blocked.add(chatId),
    forbidVoice: (chatId) => void voiceForbidden.add(chatId),
    listen: (listener) => void listeners.push(listener),
    pushUpdate(update) {
      updates.push(update);
      for (const wake of [...pollers]) wake();
    },
    async waitFor(count, filter = () => true, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = calls.filter(filter);
        if (found.length >= count) return found;
        if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${count} Bot API calls, got ${found.length}: ${JSON.stringify(calls.slice(-5).map((c) => c.method))}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: async () => {
      for (const wake of [...pollers]) wake();
      await app.close();
    },
  };
}

// Voice notes are fetched from the provider the moment they arrive (ids and URLs expire), within the
// channel's size limit; a fetch that fails says why, and the message goes on to a person all the same.
import type { VoiceFailure } from '../db/tables.ts';
import type { Logger } from '../logging/logger.ts';
import type { VoiceNote } from '../conversation/inbound.ts';
import type { ParsedInbound, VoiceSource } from './channel.ts';
import type { Receive } from './receive.ts';

/** A download that cannot give the audio, and why (shown to staff). */
export class VoiceFetchFailed extends Error {
  override readonly name = 'VoiceFetchFailed';
  constructor(
    readonly failure: VoiceFailure,
    message: string,
  ) {
    super(message);
  }
}

/** Downloads one voice note: the audio, or a VoiceFetchFailed. */
export type VoiceFetcher = (source: VoiceSource) => Promise<{ audio: Buffer; mimeType?: string }>;

const MB = 1024 * 1024;
/** Telegram's Bot API serves files up to 20 MB; WhatsApp takes audio up to 16 MB. */
export const VOICE_LIMITS = { telegram: 20 * MB, whatsapp: 16 * MB, whatsapp_web: 16 * MB } as const;
/** One download may take this long before it counts as unreachable. */
export const VOICE_FETCH_TIMEOUT_MS = 30_000;

/** The body, read up to `limit` bytes; a longer one is cut off and refused. */
export async function readCapped(response: Response, limit: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw new VoiceFetchFailed('too_big', `the file has ${declared} bytes, over the ${limit} the channel allows`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  if (!response.body) return Buffer.alloc(0);
  for await (const chunk of response.body) {
    size += chunk.length;
    if (size > limit) {
      await response.body.cancel().catch(() => undefined);
      throw new VoiceFetchFailed('too_big', `the file is over the ${limit} bytes the channel allows`);
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** An HTTP answer that is not the file: gone (404, 410: expired) or refused (anything else). */
export function failureOfStatus(status: number): VoiceFailure {
  return status === 404 || status === 410 ? 'expired' : 'refused';
}

/** The voice note to hand the conversation: what `fetch` got, or why it could not. Never throws. */
export async function fetchVoiceNote(source: VoiceSource, fetcher: VoiceFetcher, onFailure?: (failure: VoiceFailure, reason: string) => void): Promise<VoiceNote> {
  const known = { providerMediaId: source.mediaId, ...(source.mimeType ? { mimeType: source.mimeType } : {}), ...(source.durationSeconds !== undefined ? { durationSeconds: source.durationSeconds } : {}) };
  try {
    const { audio, mimeType } = await fetcher(source);
    if (audio.length === 0) {
      onFailure?.('refused', 'the provider gave an empty file');
      return { ...known, failure: 'refused' };
    }
    return { ...known, ...(mimeType ? { mimeType } : {}), audio };
  } catch (err) {
    const failure = err instanceof VoiceFetchFailed ? err.failure : 'unreachable';
    onFailure?.(failure, err instanceof Error ? err.message : String(err));
    return { ...known, failure };
  }
}

/**
 * Receives messages with their voice notes fetched first: what the conversation gets holds the audio (or
 * the reason it is missing) in place of where it waited on the provider. For a source that is no network
 * call (whatsapp-web.js' phone); webhooks give `createReceiver` their fetcher, which fetches after the
 * flood limit.
 */
export function fetchingVoice(receive: Receive, fetcher: VoiceFetcher, logger?: Logger): Receive {
  return async (inbound) => receive(await withVoice(inbound, fetcher, logger));
}

/** The message with its voice note fetched in place of where it waited (unchanged without one). */
export async function withVoice(inbound: ParsedInbound, fetcher: VoiceFetcher, logger?: Logger): Promise<ParsedInbound> {
  const { voiceSource, ...rest } = inbound;
  if (!voiceSource) return inbound;
  // Logged by ids only: the ticket shows staff the same reason.
  const voice = await fetchVoiceNote(voiceSource, fetcher, (failure, reason) => logger?.warn({ channel: inbound.channel, providerId: inbound.providerId, failure, reason }, 'voice note not fetched; the ticket says why'));
  return { ...rest, voice };
}

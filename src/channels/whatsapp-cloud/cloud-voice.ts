// Voice notes from the WhatsApp Cloud API: GET /{media-id} gives a URL valid for minutes, then that URL is
// read with the same bearer token (16 MB at most). Both expire: this runs as the webhook arrives.
import { z } from 'zod';
import { failureOfStatus, readCapped, VOICE_FETCH_TIMEOUT_MS, VOICE_LIMITS, VoiceFetchFailed, type VoiceFetcher } from '../voice-fetch.ts';
import { DEFAULT_GRAPH_ROOT } from './whatsapp-cloud.channel.ts';

const MediaUrl = z.object({ url: z.string().url(), mime_type: z.string().optional(), file_size: z.coerce.number().optional() });

/**
 * @example const fetcher = cloudVoiceFetcher({ accessToken, graphRoot: 'https://graph.facebook.com/v21.0' });
 */
export function cloudVoiceFetcher(options: { accessToken: string; graphRoot?: string; limit?: number }, fetchImpl: typeof fetch = fetch): VoiceFetcher {
  const limit = options.limit ?? VOICE_LIMITS.whatsapp;
  const headers = { authorization: `Bearer ${options.accessToken}` };
  return async (source) => {
    const root = options.graphRoot ?? DEFAULT_GRAPH_ROOT;
    const meta = await fetchImpl(`${root}/${encodeURIComponent(source.mediaId)}`, { headers, signal: AbortSignal.timeout(VOICE_FETCH_TIMEOUT_MS) });
    if (!meta.ok) throw new VoiceFetchFailed(failureOfStatus(meta.status), `media ${meta.status}`);
    const described = MediaUrl.safeParse(await meta.json().catch(() => ({})));
    if (!described.success) throw new VoiceFetchFailed('refused', 'the media answer has no URL');
    const { url, mime_type, file_size } = described.data;
    if (file_size !== undefined && file_size > limit) throw new VoiceFetchFailed('too_big', `the file has ${file_size} bytes, over WhatsApp's ${limit}`);
    const download = await fetchImpl(url, { headers, signal: AbortSignal.timeout(VOICE_FETCH_TIMEOUT_MS) });
    if (!download.ok) throw new VoiceFetchFailed(failureOfStatus(download.status), `media download ${download.status}`);
    return { audio: await readCapped(download, limit), ...(mime_type ? { mimeType: mime_type } : {}) };
  };
}

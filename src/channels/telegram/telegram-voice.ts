// Voice notes from Telegram: getFile names the file's path, then the Bot API serves it (20 MB at most).
import { z } from 'zod';
import { failureOfStatus, readCapped, VOICE_FETCH_TIMEOUT_MS, VOICE_LIMITS, VoiceFetchFailed, type VoiceFetcher } from '../voice-fetch.ts';

const GetFileAnswer = z.object({
  ok: z.boolean(),
  result: z.object({ file_id: z.string(), file_size: z.number().optional(), file_path: z.string().optional() }).optional(),
  error_code: z.number().optional(),
  description: z.string().optional(),
});

/**
 * @example const fetcher = telegramVoiceFetcher({ token, apiRoot: 'https://api.telegram.org' });
 */
export function telegramVoiceFetcher(options: { token: string; apiRoot: string; limit?: number }, fetchImpl: typeof fetch = fetch): VoiceFetcher {
  const limit = options.limit ?? VOICE_LIMITS.telegram;
  return async (source) => {
    if (source.sizeBytes !== undefined && source.sizeBytes > limit) throw new VoiceFetchFailed('too_big', `the file has ${source.sizeBytes} bytes, over the Bot API's ${limit}`);
    const url = `${options.apiRoot}/bot${options.token}/getFile?file_id=${encodeURIComponent(source.mediaId)}`;
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(VOICE_FETCH_TIMEOUT_MS) });
    const answer = GetFileAnswer.safeParse(await response.json().catch(() => ({})));
    if (!answer.success || !answer.data.ok || !answer.data.result) {
      const description = answer.success ? (answer.data.description ?? '') : 'not a Bot API answer';
      // The Bot API says "file is too big" for files over 20 MB, and 400 for a file_id it no longer knows.
      if (/too big/i.test(description)) throw new VoiceFetchFailed('too_big', description);
      throw new VoiceFetchFailed(response.status === 400 ? 'expired' : failureOfStatus(response.status), `getFile ${response.status}: ${description}`);
    }
    const file = answer.data.result;
    if (file.file_size !== undefined && file.file_size > limit) throw new VoiceFetchFailed('too_big', `the file has ${file.file_size} bytes`);
    if (!file.file_path) throw new VoiceFetchFailed('expired', 'getFile gave no file_path');
    const download = await fetchImpl(`${options.apiRoot}/file/bot${options.token}/${file.file_path}`, { signal: AbortSignal.timeout(VOICE_FETCH_TIMEOUT_MS) });
    if (!download.ok) throw new VoiceFetchFailed(failureOfStatus(download.status), `file download ${download.status}`);
    return { audio: await readCapped(download, limit) };
  };
}

// Voice notes through whatsapp-web.js: the phone hands the audio over as base64 (downloadMedia), once;
// it is taken at once, within WhatsApp's 16 MB.
import { VOICE_LIMITS, VoiceFetchFailed, type VoiceFetcher } from '../voice-fetch.ts';
import type { WebMessage } from './whatsapp-web-client.ts';

/** The fetcher of this one message's audio. */
export function webVoiceFetcher(message: WebMessage, limit: number = VOICE_LIMITS.whatsapp_web): VoiceFetcher {
  return async () => {
    if (!message.downloadMedia) throw new VoiceFetchFailed('refused', 'this client cannot download media');
    const media = await message.downloadMedia();
    // The library answers undefined when the phone no longer has the file.
    if (!media) throw new VoiceFetchFailed('expired', 'the phone no longer has the file');
    // Base64 is 4 characters for 3 bytes: refused before it is decoded when it cannot fit.
    if (typeof media.filesize === 'number' && media.filesize > limit) throw new VoiceFetchFailed('too_big', `the file has ${media.filesize} bytes`);
    if (media.data.length > Math.ceil(limit / 3) * 4) throw new VoiceFetchFailed('too_big', 'the file is over the limit');
    return { audio: Buffer.from(media.data, 'base64'), mimeType: media.mimetype };
  };
}

// Reading an uploaded voice prompt from its bytes, never from the browser's type: an Ogg container
// ("OggS" pages) whose first packet is an Opus header ("OpusHead"), and its length from the last
// page's granule position. Pure; the upload route and the tests share it.

/** What the Opus header and the pages say about a recording. */
export interface OggOpusInfo {
  channels: number;
  /** Samples at 48 kHz the decoder drops at the start (RFC 7845 §4.2). */
  preSkip: number;
  /** The last granule position minus the pre-skip, at 48 kHz, in milliseconds. */
  durationMs: number;
  pages: number;
}

/** Why a file is not a voice prompt; each has a sentence in the console's languages. */
export type VoiceFileProblem = 'empty' | 'too_big' | 'not_ogg' | 'not_opus' | 'broken' | 'not_mono' | 'too_long';

export type OggOpusReading = { ok: true; info: OggOpusInfo } | { ok: false; problem: VoiceFileProblem };

/** WhatsApp shows an Ogg/Opus file as a voice note up to this size; larger ones come as a file. */
export const MAX_VOICE_BYTES = 512 * 1024;
/** A prompt is one question: a minute is plenty, and keeps every recording a small download. */
export const MAX_VOICE_MS = 60_000;

const OPUS_RATE = 48_000;
const HEADER_BYTES = 27;
/** Granule position -1: no packet ends on this page. */
const NO_GRANULE = 0xffff_ffff_ffff_ffffn;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let k = 0; k < 8; k++) r = r & 0x8000_0000 ? (r << 1) ^ 0x04c1_1db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

/** The Ogg page checksum (CRC-32, polynomial 0x04c11db7, unreflected, no final xor), over a page whose CRC field is zero. */
export function oggCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (const b of bytes) crc = ((crc << 8) ^ (CRC_TABLE[((crc >>> 24) ^ b) & 0xff] ?? 0)) >>> 0;
  return crc;
}

interface Page {
  granule: bigint;
  body: Uint8Array;
  end: number;
}

function startsWith(bytes: Uint8Array, at: number, ascii: string): boolean {
  if (at + ascii.length > bytes.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

/** The page at `at`, or undefined when it is cut short or its checksum is wrong. */
function readPage(bytes: Uint8Array, at: number): Page | undefined {
  if (at + HEADER_BYTES > bytes.length) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset + at);
  const segments = view.getUint8(26);
  const tableEnd = at + HEADER_BYTES + segments;
  if (tableEnd > bytes.length) return undefined;
  let size = 0;
  for (let i = 0; i < segments; i++) size += bytes[at + HEADER_BYTES + i] ?? 0;
  const end = tableEnd + size;
  if (end > bytes.length) return undefined;
  // A copy: a Buffer's slice shares its memory, and the caller's bytes must stay as they are.
  const page = new Uint8Array(bytes.subarray(at, end));
  const stated = view.getUint32(22, true);
  page.fill(0, 22, 26);
  if (oggCrc(page) !== stated) return undefined;
  return { granule: view.getBigUint64(6, true), body: bytes.subarray(tableEnd, end), end };
}

/**
 * Reads an Ogg/Opus file's header and length; limits are checked by `checkVoicePrompt`.
 *
 * @example readOggOpus(new Uint8Array([0x49, 0x44, 0x33])) // { ok: false, problem: 'not_ogg' } (an MP3's ID3 tag)
 */
export function readOggOpus(bytes: Uint8Array): OggOpusReading {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if (!startsWith(bytes, 0, 'OggS')) return { ok: false, problem: 'not_ogg' };
  const first = readPage(bytes, 0);
  if (!first) return { ok: false, problem: 'broken' };
  if (!startsWith(first.body, 0, 'OpusHead') || first.body.length < 19) return { ok: false, problem: 'not_opus' };
  const head = new DataView(first.body.buffer, first.body.byteOffset, first.body.length);
  const channels = head.getUint8(9);
  const preSkip = head.getUint16(10, true);
  let last = 0n;
  let pages = 1;
  for (let at = first.end; at < bytes.length; pages++) {
    if (!startsWith(bytes, at, 'OggS')) return { ok: false, problem: 'broken' };
    const page = readPage(bytes, at);
    if (!page) return { ok: false, problem: 'broken' };
    if (page.granule !== NO_GRANULE) last = page.granule;
    at = page.end;
  }
  const samples = last > BigInt(preSkip) ? Number(last - BigInt(preSkip)) : 0;
  return { ok: true, info: { channels, preSkip, durationMs: Math.round((samples * 1000) / OPUS_RATE), pages } };
}

export interface VoiceLimits {
  maxBytes: number;
  maxMs: number;
}

/**
 * A file fit to be sent as a voice note: Ogg/Opus, mono, within the size and the length.
 *
 * @example checkVoicePrompt(bytes) // { ok: true, info: { channels: 1, preSkip: 312, durationMs: 4000, pages: 5 } }
 */
export function checkVoicePrompt(bytes: Uint8Array, limits: VoiceLimits = { maxBytes: MAX_VOICE_BYTES, maxMs: MAX_VOICE_MS }): OggOpusReading {
  if (bytes.length > limits.maxBytes) return { ok: false, problem: 'too_big' };
  const reading = readOggOpus(bytes);
  if (!reading.ok) return reading;
  if (reading.info.channels !== 1) return { ok: false, problem: 'not_mono' };
  if (reading.info.durationMs > limits.maxMs) return { ok: false, problem: 'too_long' };
  return reading;
}

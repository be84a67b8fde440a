import { describe, expect, it } from 'vitest';
import { checkVoicePrompt, MAX_VOICE_BYTES, oggCrc, readOggOpus } from '../../../src/domain/voice/ogg-opus.ts';
import { mp3Bytes, silentOpus } from '../../support/ogg-opus-writer.ts';

describe('reading an Ogg/Opus file from its bytes', () => {
  it('computes the Ogg checksum of the standard check string', () => {
    // CRC-32 with polynomial 0x04c11db7, initial 0, no reflection, no final xor.
    expect(oggCrc(new TextEncoder().encode('123456789'))).toBe(0x89a1897f);
  });

  it('reads the channels, the pre-skip and the length from the last granule position', () => {
    const reading = readOggOpus(silentOpus({ channels: 1, durationMs: 4_250, preSkip: 312 }));
    expect(reading).toEqual({ ok: true, info: { channels: 1, preSkip: 312, durationMs: 4_250, pages: 2 + 5 } });
  });

  it('takes the pre-skip off the length', () => {
    const reading = readOggOpus(silentOpus({ durationMs: 1_000, preSkip: 4_800 }));
    expect(reading.ok && reading.info.durationMs).toBe(1_000);
  });

  it('follows a header packet that runs over several pages', () => {
    const reading = readOggOpus(silentOpus({ durationMs: 2_000, commentBytes: 70_000 }));
    expect(reading.ok && reading.info).toMatchObject({ channels: 1, durationMs: 2_000 });
  });

  it('refuses an MP3 as not Ogg', () => {
    expect(readOggOpus(mp3Bytes())).toEqual({ ok: false, problem: 'not_ogg' });
  });

  it('refuses an empty file', () => {
    expect(readOggOpus(new Uint8Array())).toEqual({ ok: false, problem: 'empty' });
  });

  it('refuses an Ogg file whose first packet is not OpusHead (Vorbis)', () => {
    const bytes = silentOpus();
    bytes.write('\x01vorbis\0', 28, 'latin1');
    // Rewrite the first page's checksum so only the codec is wrong.
    bytes.writeUInt32LE(0, 22);
    const firstPageEnd = 27 + 1 + (bytes[27] ?? 0);
    bytes.writeUInt32LE(oggCrc(bytes.subarray(0, firstPageEnd)), 22);
    expect(readOggOpus(bytes)).toEqual({ ok: false, problem: 'not_opus' });
  });

  it('refuses a file cut short or with a damaged page', () => {
    const bytes = silentOpus({ durationMs: 3_000 });
    expect(readOggOpus(bytes.subarray(0, bytes.length - 10))).toEqual({ ok: false, problem: 'broken' });
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 1] = 0x00;
    expect(readOggOpus(damaged)).toEqual({ ok: false, problem: 'broken' });
  });
});

describe('what a voice prompt may be', () => {
  it('accepts a mono recording of a minute', () => {
    expect(checkVoicePrompt(silentOpus({ channels: 1, durationMs: 60_000 })).ok).toBe(true);
  });

  it('refuses stereo', () => {
    expect(checkVoicePrompt(silentOpus({ channels: 2, durationMs: 3_000 }))).toEqual({ ok: false, problem: 'not_mono' });
  });

  it('refuses a recording longer than a minute', () => {
    expect(checkVoicePrompt(silentOpus({ durationMs: 60_020 }))).toEqual({ ok: false, problem: 'too_long' });
  });

  it('refuses a file over 512 KB before reading it', () => {
    const big = silentOpus({ durationMs: 2_000, commentBytes: MAX_VOICE_BYTES });
    expect(big.length).toBeGreaterThan(MAX_VOICE_BYTES);
    expect(readOggOpus(big).ok).toBe(true);
    expect(checkVoicePrompt(big)).toEqual({ ok: false, problem: 'too_big' });
  });

  it('refuses an MP3 whatever its name', () => {
    expect(checkVoicePrompt(mp3Bytes())).toEqual({ ok: false, problem: 'not_ogg' });
  });
});

describe('the bytes read', () => {
  it('are left as they were given', () => {
    const bytes = silentOpus({ durationMs: 1_000 });
    const copy = Buffer.from(bytes);
    readOggOpus(bytes);
    expect(Buffer.compare(bytes, copy)).toBe(0);
  });
});

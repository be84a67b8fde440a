// The test fixture writer makes what a voice note app sends: an Ogg stream whose pages check out (CRC,
// sequence, first and last flags), OpusHead then OpusTags, then 20 ms frames with their granule positions.
import { describe, expect, it } from 'vitest';
import { OGG_FLAGS, oggOpusSilence, readOggPages, SILENT_FRAME } from './ogg-opus.ts';

describe('the Ogg/Opus fixture writer', () => {
  it('writes valid pages: OpusHead, OpusTags, then silent frames counted in 48 kHz samples', () => {
    const file = oggOpusSilence(2.5);
    const pages = readOggPages(file);
    expect(pages.every((p) => p.crcOk)).toBe(true);
    expect(pages.map((p) => p.sequence)).toEqual(pages.map((_, i) => i));
    expect(new Set(pages.map((p) => p.serial)).size).toBe(1);
    expect(pages[0]?.flags).toBe(OGG_FLAGS.first);
    expect(pages.at(-1)?.flags).toBe(OGG_FLAGS.last);
    const head = pages[0]?.packets[0] ?? Buffer.alloc(0);
    expect([head.toString('ascii', 0, 8), head.readUInt8(8), head.readUInt8(9), head.readUInt16LE(10), head.readUInt32LE(12)]).toEqual(['OpusHead', 1, 1, 312, 48_000]);
    expect(pages[1]?.packets[0]?.toString('ascii', 0, 8)).toBe('OpusTags');
    const frames = pages.slice(2).flatMap((p) => p.packets);
    expect(frames).toHaveLength(125);
    expect(frames.every((f) => f.equals(SILENT_FRAME))).toBe(true);
    // The last granule is the stream's length: 2.5 s at 48 kHz.
    expect(pages.at(-1)?.granule).toBe(120_000n);
    expect(file.length).toBeLessThan(20_000);
  });

  it('catches a flipped byte with the page checksum', () => {
    const file = oggOpusSilence(1);
    file[file.length - 1] = (file[file.length - 1] ?? 0) ^ 0xff;
    expect(readOggPages(file).at(-1)?.crcOk).toBe(false);
  });
});

// A tiny Ogg/Opus writer and page reader for tests: real files (OpusHead, OpusTags, then pages of 20 ms
// silent CELT frames with their granule positions) that browsers play, made without any tool at run time.
import { oggCrc } from '../../src/domain/voice/ogg-opus.ts';

const FLAG_CONTINUED = 0x01;
const FLAG_FIRST = 0x02;
const FLAG_LAST = 0x04;

/** One Ogg page holding whole packets (each under 255 bytes here, and at most 255 of them). */
export function oggPage(packets: readonly Buffer[], options: { granule: bigint; serial: number; sequence: number; flags: number }): Buffer {
  const lacing: number[] = [];
  for (const p of packets) {
    let left = p.length;
    while (left >= 255) {
      lacing.push(255);
      left -= 255;
    }
    lacing.push(left);
  }
  if (lacing.length > 255) throw new Error('too many segments for one Ogg page');
  const header = Buffer.alloc(27 + lacing.length);
  header.write('OggS', 0, 'ascii');
  header.writeUInt8(0, 4);
  header.writeUInt8(options.flags, 5);
  header.writeBigInt64LE(options.granule, 6);
  header.writeUInt32LE(options.serial, 14);
  header.writeUInt32LE(options.sequence, 18);
  header.writeUInt32LE(0, 22);
  header.writeUInt8(lacing.length, 26);
  Buffer.from(lacing).copy(header, 27);
  const page = Buffer.concat([header, ...packets]);
  page.writeUInt32LE(oggCrc(page), 22);
  return page;
}

/** The identification header (RFC 7845 §5.1): one channel, 48 kHz, the usual 312 samples of pre-skip. */
export function opusHead(preSkip = 312): Buffer {
  const head = Buffer.alloc(19);
  head.write('OpusHead', 0, 'ascii');
  head.writeUInt8(1, 8);
  head.writeUInt8(1, 9);
  head.writeUInt16LE(preSkip, 10);
  head.writeUInt32LE(48_000, 12);
  head.writeInt16LE(0, 16);
  head.writeUInt8(0, 18);
  return head;
}

export function opusTags(vendor = 'qafila tests'): Buffer {
  const v = Buffer.from(vendor, 'utf8');
  const tags = Buffer.alloc(8 + 4 + v.length + 4);
  tags.write('OpusTags', 0, 'ascii');
  tags.writeUInt32LE(v.length, 8);
  v.copy(tags, 12);
  tags.writeUInt32LE(0, 12 + v.length);
  return tags;
}

/** A 20 ms CELT full-band mono frame of silence (TOC 0xF8, then the two bytes libopus writes for it). */
export const SILENT_FRAME = Buffer.from([0xf8, 0xff, 0xfe]);
const SAMPLES_PER_FRAME = 960;

/**
 * An Ogg/Opus file of `seconds` of silence, as a voice note app sends (audio/ogg; codecs=opus).
 *
 * @example const audio = oggOpusSilence(2); // about 1 KB, 2 s in Chromium's <audio>
 */
export function oggOpusSilence(seconds: number, options: { serial?: number; framesPerPage?: number } = {}): Buffer {
  const serial = options.serial ?? 0x51af11a;
  const perPage = options.framesPerPage ?? 50;
  const frames = Math.max(1, Math.round((seconds * 1000) / 20));
  const pages = [oggPage([opusHead()], { granule: 0n, serial, sequence: 0, flags: FLAG_FIRST }), oggPage([opusTags()], { granule: 0n, serial, sequence: 1, flags: 0 })];
  for (let done = 0, sequence = 2; done < frames; sequence++) {
    const count = Math.min(perPage, frames - done);
    done += count;
    const last = done === frames;
    pages.push(oggPage(Array.from({ length: count }, () => SILENT_FRAME), { granule: BigInt(done * SAMPLES_PER_FRAME), serial, sequence, flags: last ? FLAG_LAST : 0 }));
  }
  return Buffer.concat(pages);
}

export interface OggPageInfo {
  flags: number;
  granule: bigint;
  serial: number;
  sequence: number;
  crcOk: boolean;
  packets: Buffer[];
}

/** Reads the pages of an Ogg stream (packets spanning pages are not joined: enough for header checks). */
export function readOggPages(file: Buffer): OggPageInfo[] {
  const pages: OggPageInfo[] = [];
  for (let at = 0; at + 27 <= file.length; ) {
    if (file.toString('ascii', at, at + 4) !== 'OggS') throw new Error(`no Ogg page at byte ${at}`);
    const segments = file.readUInt8(at + 26);
    const lacing = [...file.subarray(at + 27, at + 27 + segments)];
    const bodyLength = lacing.reduce((a, b) => a + b, 0);
    const end = at + 27 + segments + bodyLength;
    const page = Buffer.from(file.subarray(at, end));
    const crc = page.readUInt32LE(22);
    page.writeUInt32LE(0, 22);
    const packets: Buffer[] = [];
    let offset = at + 27 + segments;
    let size = 0;
    for (const l of lacing) {
      size += l;
      if (l < 255) {
        packets.push(file.subarray(offset, offset + size));
        offset += size;
        size = 0;
      }
    }
    pages.push({ flags: file.readUInt8(at + 5), granule: file.readBigInt64LE(at + 6), serial: file.readUInt32LE(at + 14), sequence: file.readUInt32LE(at + 18), crcOk: oggCrc(page) === crc, packets });
    at = end;
  }
  return pages;
}

export const OGG_FLAGS = { continued: FLAG_CONTINUED, first: FLAG_FIRST, last: FLAG_LAST } as const;

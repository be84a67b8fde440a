// A tiny Ogg/Opus writer for fixtures: OpusHead, OpusTags, then pages of the 20 ms CELT silence frame
// with their granule positions, so mono, stereo, short and too long recordings are generated, not committed.
import { oggCrc } from '../../src/domain/voice/ogg-opus.ts';

export interface SilentOpusOptions {
  channels?: number;
  durationMs?: number;
  /** Samples at 48 kHz the decoder drops (312 is what libopus writes). */
  preSkip?: number;
  /** Bytes of a comment in OpusTags, to make a file as large as a test needs (real files carry cover art there). */
  commentBytes?: number;
  serial?: number;
}

const FRAME_SAMPLES = 960;
const FRAMES_PER_PAGE = 50;
const NO_GRANULE = 0xffff_ffff_ffff_ffffn;

interface Packet {
  data: Uint8Array;
  /** Granule position once this packet is decoded; pages ending with it carry it. */
  granule: bigint;
}

/** An Ogg/Opus file of silence. @example silentOpus({ channels: 1, durationMs: 3000 }) */
export function silentOpus(options: SilentOpusOptions = {}): Buffer {
  const { channels = 1, durationMs = 2000, preSkip = 312, commentBytes = 0, serial = 0x5141_4649 } = options;
  const head = Buffer.alloc(19);
  head.write('OpusHead', 0, 'ascii');
  head.writeUInt8(1, 8);
  head.writeUInt8(channels, 9);
  head.writeUInt16LE(preSkip, 10);
  head.writeUInt32LE(48_000, 12);
  const vendor = Buffer.from('qafila-tests', 'ascii');
  const comment = Buffer.from(`TITLE=${'x'.repeat(commentBytes)}`, 'ascii');
  const tags = Buffer.concat([Buffer.from('OpusTags', 'ascii'), u32(vendor.length), vendor, u32(1), u32(comment.length), comment]);
  // TOC 0xF8: CELT fullband, 20 ms, one frame, mono; 0xFC the same in stereo. 0xFF 0xFE is silence.
  const frame = new Uint8Array([channels === 1 ? 0xf8 : 0xfc, 0xff, 0xfe]);
  const samples = Math.round(durationMs * 48);
  const frames = Math.ceil(samples / FRAME_SAMPLES);
  const pages: Buffer[] = [];
  let sequence = 0;
  const flush = (packets: Packet[], flags: number) => {
    for (const page of paginate(packets, flags)) pages.push(writePage(page, serial, sequence++));
  };
  flush([{ data: head, granule: 0n }], 0x02);
  flush([{ data: tags, granule: 0n }], 0);
  for (let first = 0; first < frames; first += FRAMES_PER_PAGE) {
    const count = Math.min(FRAMES_PER_PAGE, frames - first);
    const packets = Array.from({ length: count }, (_, i) => {
      const done = Math.min((first + i + 1) * FRAME_SAMPLES, samples);
      return { data: frame, granule: BigInt(preSkip + done) };
    });
    flush(packets, first + count >= frames ? 0x04 : 0);
  }
  return Buffer.concat(pages);
}

/** An MP3's first bytes: an ID3v2 tag, then an MPEG-1 layer III frame header. */
export function mp3Bytes(): Buffer {
  return Buffer.from([0x49, 0x44, 0x33, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xfb, 0x90, 0x64, 0x00, 0x00, 0x00, 0x00]);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

interface PageDraft {
  flags: number;
  granule: bigint;
  lacing: number[];
  body: Uint8Array[];
}

/** Packets laced into pages of at most 255 segments; a packet that does not fit goes on, flagged as continued. */
function paginate(packets: Packet[], flags: number): PageDraft[] {
  const pages: PageDraft[] = [];
  let page: PageDraft = { flags: flags & 0x02, granule: NO_GRANULE, lacing: [], body: [] };
  for (const packet of packets) {
    const lacing = [...Array<number>(Math.floor(packet.data.length / 255)).fill(255), packet.data.length % 255];
    let offset = 0;
    for (const [i, value] of lacing.entries()) {
      if (page.lacing.length === 255) {
        pages.push(page);
        page = { flags: 0x01, granule: NO_GRANULE, lacing: [], body: [] };
      }
      page.lacing.push(value);
      page.body.push(packet.data.subarray(offset, offset + value));
      offset += value;
      if (i === lacing.length - 1) page.granule = packet.granule;
    }
  }
  page.flags |= flags & 0x04;
  pages.push(page);
  return pages;
}

function writePage(page: PageDraft, serial: number, sequence: number): Buffer {
  const header = Buffer.alloc(27);
  header.write('OggS', 0, 'ascii');
  header.writeUInt8(0, 4);
  header.writeUInt8(page.flags, 5);
  header.writeBigUInt64LE(page.granule, 6);
  header.writeUInt32LE(serial, 14);
  header.writeUInt32LE(sequence, 18);
  header.writeUInt8(page.lacing.length, 26);
  const bytes = Buffer.concat([header, Buffer.from(page.lacing), ...page.body]);
  bytes.writeUInt32LE(oggCrc(bytes), 22);
  return bytes;
}

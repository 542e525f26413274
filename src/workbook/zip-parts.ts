/**
 * Just enough of the ZIP format (the container of an .xlsx file) to swap parts of a file the
 * spreadsheet library wrote for parts written here, copying the others as they are, still
 * compressed. The new parts are compressed by native DEFLATE as they come: the platform's own
 * (`CompressionStream`, in Node and in browsers) unless the caller gives a compressor of its own
 * (`GzipWriter`: the command line's packs at the fastest level, see src/workbook/fast-gzip.ts). A
 * large case's Simulation sheet is tens of MB of XML, which the library's compressor, in
 * JavaScript, took about three times as long to pack.
 */

import { MAX_SCENARIOS, quantityKind } from "../engine/index.js";
import { readStream } from "../shared/read-stream.js";

/** One part of a ZIP file, with its data as stored (compressed or not). */
interface ZipPart {
  readonly name: Uint8Array;
  readonly flags: number;
  /** 0: stored; 8: DEFLATE. */
  readonly method: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly size: number;
  readonly data: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
/** Bit 3 of the flags: sizes and checksum follow the data instead of sitting in the local header. */
const DATA_DESCRIPTOR = 0x0008;

const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
/** A 16- or 32-bit field at its largest: the value is in the ZIP64 records instead. */
const IN_ZIP64 = 0xffffffff;
/** The extra field of a central directory entry that holds its ZIP64 sizes and offset. */
const ZIP64_EXTRA = 0x0001;

/**
 * Where a ZIP file's central directory is, and how many entries it has, from its end records
 * (ZIP64 ones included), and how many bytes sit in front of the ZIP data (a file with something
 * prepended, which readers such as JSZip accept by moving every offset by as much).
 */
function directoryOf(view: DataView): { at: number; count: number; shift: number } {
  let end = view.byteLength - 22;
  while (end >= 0 && view.getUint32(end, true) !== END_OF_DIRECTORY) end--;
  if (end < 0) throw new Error("not a ZIP file: no end of central directory");
  let count = view.getUint16(end + 10, true);
  let size = view.getUint32(end + 12, true);
  let offset = view.getUint32(end + 16, true);
  // Where the central directory ends: the end record itself, or the ZIP64 end record before it.
  let endsAt = end;
  if (end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR) {
    let record = end - 20 - 56;
    while (record >= 0 && view.getUint32(record, true) !== ZIP64_END_OF_DIRECTORY) record--;
    if (record < 0) throw new Error("not a ZIP file: its ZIP64 end of central directory is missing");
    count = Number(view.getBigUint64(record + 32, true));
    size = Number(view.getBigUint64(record + 40, true));
    offset = Number(view.getBigUint64(record + 48, true));
    endsAt = record;
  }
  const shift = endsAt - (offset + size);
  if (shift < 0) throw new Error("not a ZIP file: its central directory runs past its end record");
  return { at: offset + shift, count, shift };
}

/** The parts of a ZIP file, in their order; throws on what is not a ZIP file this module can read. */
function readParts(bytes: Uint8Array): ZipPart[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { count, shift, at: directoryAt } = directoryOf(view);
  let at = directoryAt;
  const parts: ZipPart[] = [];
  for (let index = 0; index < count; index++) {
    if (view.getUint32(at, true) !== CENTRAL_HEADER) throw new Error(`not a ZIP file: entry ${index} of the central directory is damaged`);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    let size = view.getUint32(at + 24, true);
    let compressedSize = view.getUint32(at + 20, true);
    let localAt = view.getUint32(at + 42, true);
    if (size === IN_ZIP64 || compressedSize === IN_ZIP64 || localAt === IN_ZIP64) {
      // The ZIP64 extra field holds, in this order, each of the three that is at its largest.
      let extra = at + 46 + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd && view.getUint16(extra, true) !== ZIP64_EXTRA) extra += 4 + view.getUint16(extra + 2, true);
      if (extra + 4 > extraEnd) throw new Error(`not a ZIP file: entry ${index} has no ZIP64 sizes`);
      let field = extra + 4;
      const next = () => {
        const value = Number(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (size === IN_ZIP64) size = next();
      if (compressedSize === IN_ZIP64) compressedSize = next();
      if (localAt === IN_ZIP64) localAt = next();
    }
    localAt += shift;
    if (view.getUint32(localAt, true) !== LOCAL_HEADER) throw new Error(`not a ZIP file: entry ${index} has no local header`);
    const dataAt = localAt + 30 + view.getUint16(localAt + 26, true) + view.getUint16(localAt + 28, true);
    if (dataAt + compressedSize > bytes.length) throw new Error(`not a ZIP file: entry ${index} runs past the end of the file`);
    parts.push({
      name: bytes.subarray(at + 46, at + 46 + nameLength),
      flags: view.getUint16(at + 8, true) & ~DATA_DESCRIPTOR,
      method: view.getUint16(at + 10, true),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      crc: view.getUint32(at + 16, true),
      size,
      data: bytes.subarray(dataAt, dataAt + compressedSize),
    });
    at += 46 + nameLength + extraLength + view.getUint16(at + 32, true);
  }
  return parts;
}

/** The most scenario-months a valid case holds: 50 scenarios over 240 months. */
const LARGEST_CASE_SCENARIO_MONTHS = MAX_SCENARIOS * quantityKind("horizon").max;

/**
 * How far a workbook's parts may unpack, worked out from the largest valid case with room to spare.
 * An export's largest part, the Simulation sheet, holds one block of rows a scenario, a column a
 * month: the bundled templates grown to 50 scenarios over 240 months unpack into at most about
 * 10,800 bytes a scenario-month in it (129 MB) and 12,500 in all (150 MB). The limits allow 16,000
 * and 20,000 (192 MB and 240 MB), half as much again, yet a zip bomb's gigabytes stay out.
 */
export const UNPACKED_LIMITS = { part: LARGEST_CASE_SCENARIO_MONTHS * 16_000, total: LARGEST_CASE_SCENARIO_MONTHS * 20_000 } as const;

/** What the limits' message says of the largest valid case. */
const LARGEST_CASE = `an export of the largest valid case, ${MAX_SCENARIOS} scenarios over ${quantityKind("horizon").max} months, stays below it`;

/** Compressed bytes fed to the inflater at a time: DEFLATE unpacks at most about 1,032 times its size, so at most about 17 MB comes out of each, read as it comes. */
const INFLATE_PIECE = 16_384;

/** @example megabytes(314_572_800) // "315 MB" */
function megabytes(bytes: number): string {
  if (bytes < 1_000_000) return `${Math.ceil(bytes / 1000)} KB`;
  return `${bytes >= 10_000_000 ? Math.round(bytes / 1_000_000) : (bytes / 1_000_000).toFixed(1)} MB`;
}

/**
 * Why the parts of this ZIP file would unpack into more than a workbook needs (a "zip bomb": a few
 * hundred KB that unpack into gigabytes), or undefined when they would not — or when the bytes are no
 * ZIP file this module reads (the workbook reader then says so). The ZIP directory's declared sizes are
 * checked first, without unpacking anything; then each compressed part is unpacked as a stream and
 * counted, thrown away as it comes, and stopped as soon as it goes past the size it declares. So
 * neither time nor memory grows with what a bomb would unpack into.
 * @example await unpackedSizeProblem(readFileSync("bomb.xlsx")) // "a part of the workbook, xl/worksheets/sheet1.xml, unpacks into 300 MB, beyond the limit of 192 MB for one part; ..."
 */
export async function unpackedSizeProblem(bytes: Uint8Array, limits: { part: number; total: number } = UNPACKED_LIMITS): Promise<string | undefined> {
  let parts: ZipPart[];
  try {
    parts = readParts(bytes);
  } catch (error) {
    // No ZIP at all: the workbook reader says what the file is not. A ZIP whose directory cannot be
    // read here is refused: what it would unpack into cannot be known before unpacking it.
    const message = error instanceof Error ? error.message : String(error);
    if (/no end of central directory/.test(message)) return undefined;
    return `the workbook's ZIP directory cannot be read (${message.replace(/^not a ZIP file: /, "")}), so what its parts unpack into cannot be checked; nothing was unpacked`;
  }
  const decoder = new TextDecoder();
  let total = 0;
  for (const part of parts) {
    if (part.size > limits.part) {
      return `a part of the workbook, ${decoder.decode(part.name)}, unpacks into ${megabytes(part.size)}, beyond the limit of ${megabytes(limits.part)} for one part (${LARGEST_CASE}); nothing was unpacked`;
    }
    total += part.size;
  }
  if (total > limits.total) {
    return `the parts of the workbook unpack into ${megabytes(total)} in all, beyond the limit of ${megabytes(limits.total)} (${LARGEST_CASE}); nothing was unpacked`;
  }
  for (const part of parts) {
    if (part.method !== 8) continue;
    const unpacked = await inflatedSize(part.data, part.size);
    if (unpacked > part.size) {
      return `a part of the workbook, ${decoder.decode(part.name)}, unpacks into more than the ${part.size} bytes its ZIP directory declares, the most it may take (unpacking stopped after ${megabytes(unpacked)}): the file is damaged, or made to exhaust memory`;
    }
  }
  return undefined;
}

/**
 * How many bytes DEFLATE data unpacks into, counted without keeping them; the count stops as soon
 * as it passes `bound` (the result is then above it). Data that is no DEFLATE counts what came out.
 */
async function inflatedSize(data: Uint8Array, bound: number): Promise<number> {
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let count = 0;
  let beyond = false;
  const counting = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      count += value.byteLength;
      if (count > bound) {
        beyond = true;
        await reader.cancel();
        return;
      }
    }
  })();
  try {
    // In small pieces, each written once the inflater has taken the one before: what comes out of a
    // piece is at most about 17 MB, read (and dropped) as it comes.
    for (let at = 0; at < data.length && !beyond; at += INFLATE_PIECE) await writer.write(data.slice(at, at + INFLATE_PIECE));
    if (!beyond) await writer.close();
  } catch {
    // Stopped (the count went past the bound), or not DEFLATE: the workbook reader says what is wrong.
  }
  await counting.catch(() => undefined);
  return count;
}

/** A ZIP file of these parts, each with its sizes and checksum in its local header. */
function writeParts(parts: readonly ZipPart[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + 30 + part.name.length + part.data.length + 46 + part.name.length, 22);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  const offsets: number[] = [];
  let at = 0;
  const header = (part: ZipPart, signature: number, central: boolean) => {
    view.setUint32(at, signature, true);
    at += 4;
    if (central) {
      view.setUint16(at, 20, true); // made by: version 2.0
      at += 2;
    }
    view.setUint16(at, 20, true); // needed to extract: version 2.0
    view.setUint16(at + 2, part.flags, true);
    view.setUint16(at + 4, part.method, true);
    view.setUint16(at + 6, part.time, true);
    view.setUint16(at + 8, part.date, true);
    view.setUint32(at + 10, part.crc, true);
    view.setUint32(at + 14, part.data.length, true);
    view.setUint32(at + 18, part.size, true);
    view.setUint16(at + 22, part.name.length, true);
    view.setUint16(at + 24, 0, true); // no extra field
    at += 26;
  };
  for (const part of parts) {
    offsets.push(at);
    header(part, LOCAL_HEADER, false);
    bytes.set(part.name, at);
    at += part.name.length;
    bytes.set(part.data, at);
    at += part.data.length;
  }
  const directoryAt = at;
  parts.forEach((part, index) => {
    header(part, CENTRAL_HEADER, true);
    // No comment, disk 0, no attributes (left as zeros), then where the local header is.
    view.setUint32(at + 10, offsets[index]!, true);
    at += 14;
    bytes.set(part.name, at);
    at += part.name.length;
  });
  view.setUint32(at, END_OF_DIRECTORY, true);
  view.setUint16(at + 8, parts.length, true);
  view.setUint16(at + 10, parts.length, true);
  view.setUint32(at + 12, at - directoryAt, true);
  view.setUint32(at + 16, directoryAt, true);
  return bytes;
}

/** A part's text. */
async function partText(part: ZipPart): Promise<string> {
  if (part.method === 0) return new TextDecoder().decode(part.data);
  if (part.method !== 8) throw new Error(`a ZIP part is compressed by method ${part.method}, which this module does not read`);
  return new TextDecoder().decode(await through(new DecompressionStream("deflate-raw"), part.data));
}

/**
 * A gzip compressor fed in pieces: `end` gives the whole gzip member (RFC 1952), whose trailer holds
 * the CRC-32 and size of what was written. A new one for each text compressed.
 */
export interface GzipWriter {
  write(bytes: Uint8Array<ArrayBuffer>): Promise<void>;
  end(): Promise<Uint8Array>;
}

/** The platform's gzip (`CompressionStream`, at its default level), in Node and in browsers. */
export function platformGzip(): GzipWriter {
  const gzip = new CompressionStream("gzip");
  const writer = gzip.writable.getWriter();
  // Read as it is written: the stream holds back a writer whose output nobody reads.
  const compressed = readStream(gzip.readable);
  return {
    write: (bytes) => writer.write(bytes),
    end: async () => {
      await writer.close();
      return compressed;
    },
  };
}

/** Bytes through the platform's inflate. */
async function through(stream: DecompressionStream, bytes: Uint8Array): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // Read as it is written: the stream holds back a writer whose output nobody reads.
  const output = readStream(stream.readable);
  await writer.write(bytes.slice());
  await writer.close();
  return output;
}

/** Text is encoded and compressed in pieces of about this many characters. */
const PIECE = 1 << 16;

/**
 * The UTF-8 of these texts, compressed, with its length and checksum. Compressed as gzip, whose
 * body is the same raw DEFLATE a ZIP part holds and whose trailer carries the CRC-32 of the
 * uncompressed bytes: the platform works the checksum out as it compresses, several times faster
 * than a CRC-32 worked out in JavaScript (0.14 s of a 10-option, 240-month case's export).
 */
async function deflateTexts(texts: Iterable<string>, gzip: () => GzipWriter): Promise<{ data: Uint8Array; size: number; crc: number }> {
  const compressor = gzip();
  const encoder = new TextEncoder();
  let size = 0;
  // Joined, not added up: a join lays the text out flat once, where `+=` builds a tree to flatten.
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = async () => {
    const bytes = encoder.encode(pending.join(""));
    pending = [];
    pendingLength = 0;
    size += bytes.length;
    await compressor.write(bytes);
  };
  for (const text of texts) {
    pending.push(text);
    pendingLength += text.length;
    if (pendingLength >= PIECE) await flush();
  }
  await flush();
  const { data, crc, sizeModulo } = gzipParts(await compressor.end());
  if (sizeModulo !== size % 2 ** 32) throw new Error(`the compressor read ${sizeModulo} bytes (modulo 2^32) where ${size} were written`);
  return { data, size, crc };
}

/** gzip's optional header fields (RFC 1952): a checksum of the header, extra data, a name, a comment. */
const GZIP_HEADER_CRC = 0x02;
const GZIP_EXTRA = 0x04;
const GZIP_NAME = 0x08;
const GZIP_COMMENT = 0x10;

/**
 * The raw DEFLATE body of a gzip member (RFC 1952), with the CRC-32 and the size (modulo 2^32) of
 * the uncompressed bytes from its trailer.
 * @example gzipParts(gzipSync("123456789")).crc // 0xcbf43926
 */
export function gzipParts(bytes: Uint8Array): { data: Uint8Array; crc: number; sizeModulo: number } {
  if (bytes.length < 18 || bytes[0] !== 0x1f || bytes[1] !== 0x8b || bytes[2] !== 8) throw new Error("the compressor's output is not gzip with DEFLATE");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const flags = bytes[3]!;
  let at = 10;
  if (flags & GZIP_EXTRA) at += 2 + view.getUint16(at, true);
  const skipText = () => {
    while (at < bytes.length && bytes[at] !== 0) at++;
    at++;
  };
  if (flags & GZIP_NAME) skipText();
  if (flags & GZIP_COMMENT) skipText();
  if (flags & GZIP_HEADER_CRC) at += 2;
  const trailer = bytes.length - 8;
  if (at > trailer) throw new Error("the compressor's gzip output is cut short");
  return { data: bytes.subarray(at, trailer), crc: view.getUint32(trailer, true), sizeModulo: view.getUint32(trailer + 4, true) };
}

/**
 * The ZIP file with some of its parts replaced: `edits` maps a part's path to what gets the part's
 * text and gives the new text in pieces. The new parts are compressed with DEFLATE, and so are the
 * parts stored uncompressed (the spreadsheet library writes a file stored, for the platform's
 * DEFLATE to compress here); the others are copied as they are. `gzip` makes the compressor of each
 * part (the platform's by default).
 * @example await replaceParts(xlsx, new Map([["xl/worksheets/sheet5.xml", (xml) => [xml.replace("a", "b")]]]))
 */
export async function replaceParts(
  bytes: Uint8Array,
  edits: ReadonlyMap<string, (text: string) => Iterable<string>>,
  gzip: () => GzipWriter = platformGzip,
): Promise<Uint8Array> {
  const parts = readParts(bytes);
  const decoder = new TextDecoder();
  for (const [path, edit] of edits) {
    const index = parts.findIndex((part) => decoder.decode(part.name) === path);
    if (index < 0) throw new Error(`the file has no part ${path}`);
    const old = parts[index]!;
    const { data, size, crc } = await deflateTexts(edit(await partText(old)), gzip);
    parts[index] = { ...old, method: 8, data, size, crc };
  }
  for (const [index, part] of parts.entries()) {
    // Its checksum and size are of the uncompressed bytes, which stay the same.
    if (part.method === 0 && part.data.length > 0) {
      const compressor = gzip();
      // A copy: the part's data is a view into the whole file's bytes.
      await compressor.write(part.data.slice());
      parts[index] = { ...part, method: 8, data: gzipParts(await compressor.end()).data };
    }
  }
  return writeParts(parts);
}

import { closeSync, openSync, readSync } from "node:fs";

/**
 * Whether a write-ahead log (`STORE-wal`) belongs to the store file beside it.
 *
 * SQLite replays every committed frame of `STORE-wal` onto `STORE` when it opens it, and nothing in
 * the log says which file it was written against: its header holds the page size, a checkpoint
 * count and two salts that only tell its own frames from a previous use's (sqlite.org/walformat.html,
 * and the WAL FILE FORMAT comment of SQLite's wal.c). A store restored with `cp` from an older copy,
 * beside the log a stopped process left, would get that log's newer pages mixed into it without a word.
 *
 * So every write to a store counts itself in the file's header (`PRAGMA user_version`, `noteWrite`),
 * which puts page 1 into every transaction's frames. A log written against this file began right
 * after the file held all earlier writes (SQLite starts a log only once the previous one is fully
 * copied into the file), and copying it in since only moved the file forward: the file's count lies
 * between the one before the log's first write and the log's last. A count outside is another
 * version of the store than the one the log continues, or another store.
 *
 * Two stores made apart, in one folder, would otherwise count alike (a plan and a few months each):
 * one copied over the other, beside the first one's log, would get that log's pages without a word.
 * So a new store starts its count at a random number (`firstWriteCount`, up to 2^30): two stores'
 * counts then lie about a billion apart on average, and a log of one is refused beside the other.
 * Copies of one store share its count, as they share its history: that limit stays
 * (docs/commands.md, "Which store and team"). A store just made counts no write in its file yet (its
 * first writes, the random start among them, are all in its log): its log is taken as its own only
 * when it holds every page of the store, as such a log does; one that holds only the pages some
 * writes changed continues another store, and replayed onto that near-empty file it left a store
 * SQLite called malformed.
 */

/** The header of a database file: its page size and the count of writes `noteWrite` keeps. */
export interface StoreHeader {
  readonly pageSize: number;
  readonly writes: number;
  /** The file's size in pages, as its header gives it (0 or 1 for a store just made, its writes all in its log). */
  readonly pages?: number;
}

/** What a log holds: its page size and the write counts of its committed transactions, first and last. */
export interface LogWrites {
  readonly pageSize: number;
  readonly first: number;
  readonly last: number;
  /**
   * Whether the log's first committed transaction holds every page of the database it leaves (pages 1
   * to the size its commit gives): the log of a store made since its file was last written, which
   * needs nothing from the file. A log that continues a store holds only the pages its writes changed.
   */
  readonly whole?: boolean;
}

const WAL_HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;
/** Where SQLite's database header keeps the user version (big-endian, 4 bytes). */
const USER_VERSION_OFFSET = 60;
/** Where SQLite's database header keeps the file's size in pages (big-endian, 4 bytes). */
const PAGE_COUNT_OFFSET = 28;

/** A database file's page size and write count, from its first 100 bytes; undefined for a file too short. */
export function readStoreHeader(path: string): StoreHeader | undefined {
  const header = readAt(path, 0, 100);
  if (header.length < 100 || header.toString("latin1", 0, 16) !== "SQLite format 3\u0000") return undefined;
  const size = header.readUInt16BE(16);
  return { pageSize: size === 1 ? 65_536 : size, writes: header.readUInt32BE(USER_VERSION_OFFSET), pages: header.readUInt32BE(PAGE_COUNT_OFFSET) };
}

/**
 * The write counts a log's committed transactions carry in their copies of page 1, as SQLite would
 * read them: frames are valid while their salts match the header's and their running checksum holds,
 * and count only up to the last commit. Undefined when the log holds no committed copy of page 1
 * (an empty log, a header only, a log SQLite would ignore).
 */
export function readLogWrites(path: string): LogWrites | undefined {
  let descriptor: number;
  try {
    descriptor = openSync(path, "r");
  } catch {
    return undefined; // Not to be read: opening the store says why.
  }
  try {
    const header = Buffer.alloc(WAL_HEADER_BYTES);
    if (readSync(descriptor, header, 0, WAL_HEADER_BYTES, 0) < WAL_HEADER_BYTES) return undefined;
    const magic = header.readUInt32BE(0);
    if (magic !== 0x377f0682 && magic !== 0x377f0683) return undefined;
    const bigEndian = magic === 0x377f0683;
    const pageSize = header.readUInt32BE(8);
    if (pageSize < 512 || pageSize > 65_536 || (pageSize & (pageSize - 1)) !== 0) return undefined;
    let sums = checksum(header, 0, 24, [0, 0], bigEndian);
    if (sums[0] !== header.readUInt32BE(24) || sums[1] !== header.readUInt32BE(28)) return undefined;
    const salts = [header.readUInt32BE(16), header.readUInt32BE(20)];
    const frame = Buffer.alloc(FRAME_HEADER_BYTES + pageSize);
    // Only the first and last counts are kept, frame by frame: a log of any length is read in the memory of one frame.
    let pendingFirst: number | undefined;
    let pendingLast: number | undefined;
    let first: number | undefined;
    let last: number | undefined;
    // The pages the transactions up to the first commit write, and whether they are all of the database's.
    const firstPages = new Set<number>();
    let whole = false;
    for (let offset = WAL_HEADER_BYTES; ; offset += frame.length) {
      if (readSync(descriptor, frame, 0, frame.length, offset) < frame.length) break;
      if (frame.readUInt32BE(8) !== salts[0] || frame.readUInt32BE(12) !== salts[1]) break;
      sums = checksum(frame, 0, 8, sums, bigEndian);
      sums = checksum(frame, FRAME_HEADER_BYTES, frame.length, sums, bigEndian);
      if (sums[0] !== frame.readUInt32BE(16) || sums[1] !== frame.readUInt32BE(20)) break;
      if (first === undefined) firstPages.add(frame.readUInt32BE(0));
      if (frame.readUInt32BE(0) === 1) {
        pendingLast = frame.readUInt32BE(FRAME_HEADER_BYTES + USER_VERSION_OFFSET);
        pendingFirst ??= pendingLast;
      }
      if (frame.readUInt32BE(4) !== 0 && pendingLast !== undefined) {
        if (first === undefined) {
          const size = frame.readUInt32BE(4);
          whole = firstPages.size >= size && Array.from({ length: size }, (_, at) => at + 1).every((page) => firstPages.has(page));
        }
        first ??= pendingFirst;
        last = pendingLast;
        pendingFirst = pendingLast = undefined;
      }
    }
    if (first === undefined || last === undefined) return undefined;
    return whole ? { pageSize, first, last, whole } : { pageSize, first, last };
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Why a log is not the one of the store beside it, or undefined when it is (or holds nothing to replay).
 * @example logMismatch({ pageSize: 4096, writes: 3 }, { pageSize: 4096, first: 7, last: 9 }) // "…"
 */
export function logMismatch(store: StoreHeader, log: LogWrites | undefined): string | undefined {
  if (!log) return undefined;
  if (log.pageSize !== store.pageSize) return `its pages are of ${log.pageSize} bytes and the store's of ${store.pageSize}`;
  // A store just made holds nothing in its file yet (no write counted, a page at most): its first
  // writes, the count's random start among them (`firstWriteCount`), are all in its log, every page of
  // it. A log that holds only some pages continues another store, whose other pages the file lacks.
  if (store.writes === 0 && store.pages !== undefined && store.pages <= 1 && log.whole === true) return undefined;
  // The first transaction in the log may be the one that counts the first write (0 → 1), or one
  // written before writes were counted (the count stays 0).
  const before = Math.max(0, log.first - 1);
  if (store.writes < before)
    return `it continues the store from its write ${before}, and the store holds only ${store.writes} writes: the store is an older copy than the one the log was written on, or another store`;
  if (store.writes > log.last)
    return `it ends at the store's write ${log.last}, and the store holds ${store.writes} writes: the store is a newer copy than the one the log was written on, or another store`;
  return undefined;
}

/** SQLite's WAL checksum over `buffer[start, end)`, continuing from `sums`, as 32-bit words of the log's byte order. */
function checksum(buffer: Buffer, start: number, end: number, sums: readonly [number, number] | number[], bigEndian: boolean): [number, number] {
  let [s0, s1] = sums as [number, number];
  for (let at = start; at < end; at += 8) {
    const x0 = bigEndian ? buffer.readUInt32BE(at) : buffer.readUInt32LE(at);
    const x1 = bigEndian ? buffer.readUInt32BE(at + 4) : buffer.readUInt32LE(at + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

/** Up to `length` bytes of a file from `position` (fewer when it is shorter; none when it cannot be read). */
function readAt(path: string, position: number, length: number): Buffer {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, "r");
    const buffer = Buffer.alloc(length);
    return buffer.subarray(0, readSync(descriptor, buffer, 0, length, position));
  } catch {
    return Buffer.alloc(0);
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

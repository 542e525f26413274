import { closeSync, fstatSync, openSync, readSync } from "node:fs";

export interface BoundedRead {
  /** The bytes read: the whole file, or its first `limit` bytes when it is larger. */
  readonly bytes: Buffer;
  /** True when the file holds more than `limit` bytes (it was not read further). */
  readonly tooLarge: boolean;
}

const CHUNK = 64 * 1024;

/**
 * Reads a file, but never more than `limit` bytes (plus one, to know there is more). The size the
 * system reports is not enough: a device (/dev/zero), a pipe or a file that grows has none, and
 * reading it whole would never end. A folder is refused by the system (EISDIR), as by readFileSync.
 * `path` may be a file descriptor (0 for standard input): it is read to its end, and not closed.
 * @example readBounded("case.yaml", 1_000_000).tooLarge // false
 */
export function readBounded(path: string | number, limit: number): BoundedRead {
  // A number is a file descriptor already open (0: standard input), read but left open.
  const fd = typeof path === "number" ? path : openSync(path, "r");
  try {
    if (fstatSync(fd).isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${path}'`), { code: "EISDIR" });
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > limit) return { bytes: Buffer.concat(chunks).subarray(0, limit), tooLarge: true };
    }
    return { bytes: Buffer.concat(chunks), tooLarge: false };
  } finally {
    if (typeof path !== "number") closeSync(fd);
  }
}

import { createGzip, constants } from "node:zlib";
import type { GzipWriter } from "./zip-parts.js";

/**
 * Node's gzip at the fastest level, for the workbooks the command line and the server write: a large
 * case's month-by-month sheets are tens of MB of XML whose formulas repeat, which the fastest level
 * packs in about a third of the CPU of the platform's default level (`CompressionStream`), into a
 * file under a tenth larger (docs/development.md, "Whole commands"). Pieces are compressed on Node's
 * thread pool as they are written.
 * @example await replaceParts(xlsx, edits, fastGzip)
 */
export function fastGzip(): GzipWriter {
  const gzip = createGzip({ level: constants.Z_BEST_SPEED });
  const chunks: Buffer[] = [];
  gzip.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Uint8Array>((resolve, reject) => {
    gzip.on("error", reject);
    gzip.on("end", () => resolve(Buffer.concat(chunks)));
  });
  // An error also rejects `ended`; it is read there, not left unhandled while pieces are written.
  ended.catch(() => undefined);
  return {
    write: (bytes) => new Promise<void>((resolve, reject) => gzip.write(bytes, (error) => (error ? reject(error) : resolve()))),
    end: () => {
      gzip.end();
      return ended;
    },
  };
}

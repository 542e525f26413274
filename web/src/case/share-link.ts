import { readStream } from "../../../src/shared/read-stream.js";

/**
 * The case carried in a link: JSON, compressed with the browser's deflate and written in base64url
 * after `#case=`. The part after `#` never leaves the browser, so a shared case never reaches a server.
 */

/** A shared case may not unpack to more than a scenario file may hold. */
const MAX_UNPACKED_BYTES = 1_000_000;
const prefix = "case=";

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("the link's case is damaged (unexpected characters); ask for the link again");
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

/**
 * @example await encodeCase({ title: "x" }) // "q1YqySzJSVWyUqoAAA" (deflate-raw, base64url)
 */
export async function encodeCase(data: unknown): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(data));
  const stream = new Blob([json]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return toBase64Url(await readStream(stream));
}

/** @example await decodeCase(await encodeCase({ title: "x" })) // { title: "x" } */
export async function decodeCase(encoded: string): Promise<unknown> {
  const packed = fromBase64Url(encoded);
  const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  let bytes: Uint8Array;
  try {
    bytes = await readStream(
      stream,
      MAX_UNPACKED_BYTES,
      () => new Error(`the link's case unpacks to more than ${MAX_UNPACKED_BYTES / 1_000_000} MB; a scenario file may be at most that`),
    );
  } catch (error) {
    if (error instanceof Error && error.message.startsWith("the link")) throw error;
    throw new Error("the link's case is damaged (it does not unpack); ask for the link again");
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new Error("the link's case is damaged (not a case); ask for the link again");
  }
}

/** The encoded case in a location hash, if there is one. @example caseInHash("#case=abc") // "abc" */
export function caseInHash(hash: string): string | undefined {
  const text = hash.startsWith("#") ? hash.slice(1) : hash;
  return text.startsWith(prefix) ? text.slice(prefix.length) : undefined;
}

/** @example shareLink("http://127.0.0.1:4173/?x#old", "abc") // "http://127.0.0.1:4173/?x#case=abc" */
export function shareLink(pageUrl: string, encoded: string): string {
  const url = new URL(pageUrl);
  url.hash = `${prefix}${encoded}`;
  return url.toString();
}

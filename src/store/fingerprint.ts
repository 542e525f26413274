import { createHash } from "node:crypto";

/**
 * The SHA-256 of a file's content, in hex: proves later which version of a case was approved.
 * @example sha256Hex("abc") // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 */
export function sha256Hex(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

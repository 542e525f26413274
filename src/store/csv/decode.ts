import { firstInvalidUtf8Offset } from "../../shared/utf8.js";

export { firstInvalidUtf8Offset };

/**
 * Turns the bytes of a CSV file into text, or says plainly why it cannot: spreadsheets save CSV in
 * many encodings, and a wrongly decoded file would import wrong numbers without a word.
 */

export const textEncodings = ["utf-8", "utf-16le", "utf-16be", "windows-1252"] as const;
export type TextEncodingName = (typeof textEncodings)[number];

/**
 * Windows-1252 differs from Latin-1 in 0x80–0x9F (€, curly quotes, dashes...). Node's TextDecoder
 * maps those bytes to control characters, so they are mapped here; undefined bytes stay as they are.
 */
const windows1252High = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (let at = 0; at < bytes.length; at += 8192) {
    const chunk = bytes.subarray(at, at + 8192);
    text += String.fromCharCode(...Array.from(chunk, (byte) => (byte >= 0x80 && byte <= 0x9f ? windows1252High.charCodeAt(byte - 0x80) : byte)));
  }
  return text;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let at = 0; at < offset; at++) if (bytes[at] === 0x0a) line++;
  return line;
}

function bomOf(bytes: Uint8Array): { encoding: TextEncodingName; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return undefined;
}

/** UTF-16 text of mostly ASCII has a zero in every other byte. */
function looksLikeUtf16(bytes: Uint8Array): TextEncodingName | undefined {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let at = 0; at < sample; at += 2) {
    if (bytes[at] === 0) evenZeros++;
    if (bytes[at + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return "utf-16be";
  return undefined;
}

/**
 * Decodes a CSV file: a byte-order mark decides (UTF-8, UTF-16 LE or BE); without one the file
 * must be valid UTF-8 unless another encoding is named. Returns the text or a message, with the line
 * at fault when there is one (`line`; the message then names the byte).
 * @example decodeText(new TextEncoder().encode("month\n1\n")) // { text: "month\n1\n", encoding: "utf-8" }
 * @example decodeText(Uint8Array.from([0x6d, 0x0a, 0xe9, 0x0a])) // { line: 2, message: "byte 0xE9 is not valid UTF-8; …" }
 */
export function decodeText(bytes: Uint8Array, encoding?: TextEncodingName): { text: string; encoding: TextEncodingName } | { message: string; line?: number } {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return { message: "this is a zip file (probably an Excel workbook, .xlsx), not CSV; in the spreadsheet use File › Save As › CSV UTF-8" };
  }
  const bom = bomOf(bytes);
  if (bom && encoding && bom.encoding !== encoding) {
    return { message: `the file starts with a ${bom.encoding.toUpperCase()} byte-order mark but --encoding ${encoding} was given; leave out --encoding` };
  }
  const chosen = bom?.encoding ?? encoding;
  const body = bytes.subarray(bom?.length ?? 0);
  if (chosen === undefined || chosen === "utf-8") {
    if (chosen === undefined) {
      const utf16 = looksLikeUtf16(bytes);
      if (utf16)
        return { message: `the file looks like ${utf16.toUpperCase()} text without a byte-order mark; save it as CSV UTF-8, or pass --encoding ${utf16}` };
    }
    const invalid = firstInvalidUtf8Offset(body);
    if (invalid >= 0) {
      const offset = invalid + (bom?.length ?? 0);
      const byte = bytes[offset]!.toString(16).toUpperCase().padStart(2, "0");
      return {
        line: lineAt(bytes, offset),
        message: `byte 0x${byte} is not valid UTF-8; the file was probably saved in a Windows or Latin-1 encoding. Save it as CSV UTF-8, or pass --encoding windows-1252`,
      };
    }
    return { text: new TextDecoder("utf-8").decode(body), encoding: "utf-8" };
  }
  if ((chosen === "utf-16le" || chosen === "utf-16be") && body.length % 2 !== 0) {
    return { message: `the file has an odd number of bytes, so it cannot be ${chosen.toUpperCase()} text; it may be cut short` };
  }
  if (chosen === "windows-1252") return { text: decodeWindows1252(body), encoding: chosen };
  try {
    return { text: new TextDecoder(chosen, { fatal: true }).decode(body), encoding: chosen };
  } catch {
    return { message: `the file is not valid ${chosen.toUpperCase()} text` };
  }
}

/**
 * The text of a scenario file from its bytes. Pure (no `node:*`): the command line and the web app's
 * server read a case through it. A file in another encoding is refused, never decoded with
 * replacement characters: those would show in every label and, once a command edits the file
 * (measure --write, import, the web app's save), replace the user's own letters for good.
 */

/**
 * Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8.
 * @example firstInvalidUtf8Offset(Uint8Array.of(0x61, 0xe9, 0x62)) // 1
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at]!;
    if (lead < 0x80) {
      at++;
      continue;
    }
    let length: number;
    let minimum: number;
    if (lead >= 0xc2 && lead <= 0xdf) [length, minimum] = [2, 0x80];
    else if (lead >= 0xe0 && lead <= 0xef) [length, minimum] = [3, 0x800];
    else if (lead >= 0xf0 && lead <= 0xf4) [length, minimum] = [4, 0x10000];
    else return at;
    if (at + length > bytes.length) return at;
    let code = lead & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[at + k]!;
      if ((next & 0xc0) !== 0x80) return at;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < minimum || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return at;
    at += length;
  }
  return -1;
}

/** Why bytes are no scenario text, and where. */
export interface NotScenarioText {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/**
 * The bytes as UTF-8 text (a UTF-8 byte-order mark kept, as the YAML parser skips it), or where and
 * why they are not: a UTF-16 file (Windows Notepad's "Unicode") or a byte that is not UTF-8.
 * @example scenarioTextOf(Uint8Array.of(0x61, 0x3a, 0x20, 0xe9)) // { message: "byte 0xE9 is not valid UTF-8; ...", line: 1, column: 4 }
 */
export function scenarioTextOf(bytes: Uint8Array): { readonly text: string } | NotScenarioText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const which = bytes[0] === 0xff ? "UTF-16 LE" : "UTF-16 BE";
    return { message: `the file is ${which} text (it starts with that byte-order mark); save it as UTF-8`, line: 1, column: 1 };
  }
  // A file with NUL bytes is binary (an image, a workbook), which the scenario's parser names as such.
  const invalid = bytes.includes(0) ? -1 : firstInvalidUtf8Offset(bytes);
  if (invalid >= 0) {
    let line = 1;
    let lineStart = 0;
    for (let at = 0; at < invalid; at++) {
      if (bytes[at] === 0x0a) {
        line++;
        lineStart = at + 1;
      }
    }
    const byte = bytes[invalid]!.toString(16).toUpperCase().padStart(2, "0");
    // The column in characters, as an editor and the file's other errors count it: the line's bytes
    // before this one are valid UTF-8, and "Zürich" is 6 characters of 7 bytes.
    const before = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(lineStart, invalid));
    return {
      message: `byte 0x${byte} is not valid UTF-8; the file was probably saved in a Windows or Latin-1 encoding: save it as UTF-8`,
      line,
      column: before.length + 1,
    };
  }
  return { text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

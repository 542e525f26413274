import { describe, expect, it } from "vitest";
import { scenarioTextOf } from "./utf8.js";

const bytes = (text: string, encoding: BufferEncoding = "utf8") => new Uint8Array(Buffer.from(text, encoding));

describe("scenarioTextOf", () => {
  it("reads UTF-8, with or without its byte-order mark (kept: the YAML parser skips it)", () => {
    expect(scenarioTextOf(bytes("title: Café\n"))).toEqual({ text: "title: Café\n" });
    expect(scenarioTextOf(bytes("\uFEFFtitle: x\n"))).toEqual({ text: "\uFEFFtitle: x\n" });
  });

  it("refuses a Latin-1 letter at its line and column, rather than read it as a replacement character", () => {
    expect(scenarioTextOf(bytes("title: x\nlabel: Caf\u00e9\n", "latin1"))).toEqual({
      message: "byte 0xE9 is not valid UTF-8; the file was probably saved in a Windows or Latin-1 encoding: save it as UTF-8",
      line: 2,
      column: 11,
    });
  });

  it("counts the column in characters, not bytes, when the line has UTF-8 letters before the bad byte", () => {
    // "label: Zürich, Caf" is 18 characters (19 bytes): the Latin-1 é is the 19th character.
    const line = Buffer.concat([Buffer.from("title: x\nlabel: Zürich, Caf", "utf8"), Buffer.from([0xe9]), Buffer.from("\n")]);
    expect(scenarioTextOf(new Uint8Array(line))).toMatchObject({ line: 2, column: 19 });
  });

  it("names a UTF-16 file as such (it was 'binary data')", () => {
    expect(scenarioTextOf(Uint8Array.of(0xff, 0xfe, ...bytes("t: x", "utf16le")))).toMatchObject({
      message: expect.stringMatching(/^the file is UTF-16 LE text/),
    });
    expect(scenarioTextOf(Uint8Array.of(0xfe, 0xff, 0, 0x74))).toMatchObject({ message: expect.stringMatching(/^the file is UTF-16 BE text/), line: 1 });
  });

  it("leaves a binary file (NUL bytes) to the parser, which says it is binary", () => {
    expect(scenarioTextOf(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x00, 0xe9))).toHaveProperty("text");
  });
});

import { describe, expect, it } from "vitest";
import { decodeText, firstInvalidUtf8Offset } from "./decode.js";

const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const bytes: number[] = bom ? (littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (const unit of text.split("").map((character) => character.charCodeAt(0))) {
    const low = unit & 0xff;
    const high = unit >> 8;
    bytes.push(...(littleEndian ? [low, high] : [high, low]));
  }
  return Uint8Array.from(bytes);
}

describe("decodeText", () => {
  it("reads UTF-8 with and without a byte-order mark, dropping the mark", () => {
    expect(decodeText(utf8("month,note\n1,café\n"))).toEqual({ text: "month,note\n1,café\n", encoding: "utf-8" });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("month\n")]))).toEqual({ text: "month\n", encoding: "utf-8" });
  });

  it("reads UTF-16 little- and big-endian when the byte-order mark says so", () => {
    expect(decodeText(utf16("month,note\n1,café\n", true, true))).toEqual({ text: "month,note\n1,café\n", encoding: "utf-16le" });
    expect(decodeText(utf16("month,note\n1,café\n", false, true))).toEqual({ text: "month,note\n1,café\n", encoding: "utf-16be" });
  });

  it("names the line and byte of the first invalid UTF-8 and suggests the fix", () => {
    const latin1 = Uint8Array.from([...utf8("month,note\n1,ok\n2,caf"), 0xe9, ...utf8("\n")]);
    const decoded = decodeText(latin1);
    // The line is data, not words to parse out of the message again.
    expect(decoded).toEqual({ line: 3, message: expect.stringMatching(/^byte 0xE9 is not valid UTF-8.*CSV UTF-8.*--encoding windows-1252/) });
  });

  it("reads a Windows (Latin-1) file when told to", () => {
    const latin1 = Uint8Array.from([...utf8("note\ncaf"), 0xe9, 0x80]);
    expect(decodeText(latin1, "windows-1252")).toEqual({ text: "note\ncafé€", encoding: "windows-1252" });
  });

  it("recognises UTF-16 without a byte-order mark instead of importing garbage", () => {
    expect(decodeText(utf16("month,upkeepHours\n1,30\n", true, false))).toEqual({
      message: expect.stringContaining("UTF-16LE text without a byte-order mark"),
    });
    expect(decodeText(utf16("month,upkeepHours\n1,30\n", false, false))).toEqual({ message: expect.stringContaining("--encoding utf-16be") });
  });

  it("refuses a workbook and a byte-order mark that contradicts --encoding", () => {
    expect(decodeText(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toEqual({ message: expect.stringContaining("Excel workbook") });
    expect(decodeText(utf16("a", true, true), "utf-8")).toEqual({ message: expect.stringContaining("UTF-16LE byte-order mark") });
  });
});

describe("firstInvalidUtf8Offset", () => {
  it("finds truncated sequences, overlong forms and surrogates", () => {
    expect(firstInvalidUtf8Offset(utf8("añ€😀"))).toBe(-1);
    expect(firstInvalidUtf8Offset(Uint8Array.of(0x61, 0xc3))).toBe(1);
    expect(firstInvalidUtf8Offset(Uint8Array.of(0xc0, 0xaf))).toBe(0);
    expect(firstInvalidUtf8Offset(Uint8Array.of(0x61, 0xed, 0xa0, 0x80))).toBe(1);
    expect(firstInvalidUtf8Offset(Uint8Array.of(0xe2, 0x28, 0xa1))).toBe(0);
  });
});

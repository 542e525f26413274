import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync, gzipSync, inflateRawSync, crc32 as zlibCrc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createWorkbook, readWorkbook, workbookBytes, worksheetPath } from "./excel.js";
import { gzipParts, replaceParts } from "./zip-parts.js";

describe("gzipParts", () => {
  it("finds the DEFLATE body and the trailer's checksum and size, whatever optional header fields the compressor writes", () => {
    const text = new TextEncoder().encode("123456789".repeat(1000));
    const plain = gzipSync(text);
    // FLG: a header checksum, extra data, a name and a comment, as RFC 1952 allows.
    const extra = [6, 0, 1, 2, 3, 4, 5, 6];
    const name = [...new TextEncoder().encode("sheet.xml"), 0];
    const comment = [...new TextEncoder().encode("made here"), 0];
    const withFields = Uint8Array.from([
      ...plain.subarray(0, 3),
      0x02 | 0x04 | 0x08 | 0x10,
      ...plain.subarray(4, 10),
      ...extra,
      ...name,
      ...comment,
      0xaa,
      0xbb,
      ...plain.subarray(10),
    ]);
    for (const bytes of [plain, withFields]) {
      const { data, crc, sizeModulo } = gzipParts(bytes);
      expect(crc).toBe(zlibCrc32(text));
      expect(sizeModulo).toBe(text.length);
      expect(Buffer.from(inflateRawSync(data)).equals(Buffer.from(text))).toBe(true);
    }
    expect(gzipParts(gzipSync(new TextEncoder().encode("123456789"))).crc).toBe(0xcbf43926);
    expect(() => gzipParts(deflateRawSync(text))).toThrow(/not gzip/);
    expect(() => gzipParts(plain.subarray(0, 12))).toThrow(/not gzip|cut short/);
  });
});

describe("replaceParts", () => {
  it("swaps parts of a workbook, keeps the others byte for byte, and the file reads and tests clean", async () => {
    const workbook = createWorkbook();
    const sheet = workbook.addWorksheet("One");
    sheet.getCell("A1").value = "before";
    workbook.addWorksheet("Two").getCell("B2").value = 42;
    const bytes = await workbookBytes(workbook);
    const path = worksheetPath(sheet);
    const withText = (text: string) => (xml: string) => {
      expect(xml).toContain("<sheetData>");
      return [
        xml.slice(0, xml.indexOf("<sheetData>")),
        `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData>`,
        xml.slice(xml.indexOf("</sheetData>") + 12),
      ];
    };
    const replaced = await replaceParts(bytes, new Map([[path, withText("after é")]]));
    const read = await readWorkbook(replaced);
    expect(read.getWorksheet("One")!.getCell("A1").value).toBe("after é");
    expect(read.getWorksheet("Two")!.getCell("B2").value).toBe(42);
    // unzip checks every part's checksum and sizes.
    const folder = mkdtempSync(join(tmpdir(), "mlops-roi-zip-"));
    writeFileSync(join(folder, "case.xlsx"), replaced);
    expect(execFileSync("unzip", ["-t", join(folder, "case.xlsx")], { encoding: "utf8" })).toMatch(/No errors detected/);
    await expect(replaceParts(bytes, new Map([["xl/worksheets/none.xml", (xml: string) => [xml]]]))).rejects.toThrow(
      "the file has no part xl/worksheets/none.xml",
    );
    // Two parts at once.
    const two = worksheetPath(read.getWorksheet("Two")!);
    const both = await readWorkbook(
      await replaceParts(
        bytes,
        new Map([
          [path, withText("one")],
          [two, withText("two")],
        ]),
      ),
    );
    expect([
      both.getWorksheet("One")!.getCell("A1").value,
      both.getWorksheet("Two")!.getCell("A1").value,
      both.getWorksheet("Two")!.getCell("B2").value,
    ]).toEqual(["one", "two", null]);
  });

  it("compresses the parts of a file written stored, to the same bytes, checksums and workbook", async () => {
    const workbook = createWorkbook();
    workbook.addWorksheet("One").getCell("A1").value = "stored é";
    workbook.addWorksheet("Two").getCell("B2").value = 42;
    const stored = await workbookBytes(workbook, "store");
    const compressed = await replaceParts(stored, new Map());
    expect(compressed.length).toBeLessThan(stored.length / 2);
    const folder = mkdtempSync(join(tmpdir(), "mlops-roi-zip-"));
    const listing = (bytes: Uint8Array, name: string) => {
      writeFileSync(join(folder, name), bytes);
      // unzip -t checks every part's checksum and sizes; -v lists each part's method and checksum.
      expect(execFileSync("unzip", ["-t", join(folder, name)], { encoding: "utf8" })).toMatch(/No errors detected/);
      return execFileSync("unzip", ["-v", join(folder, name)], { encoding: "utf8" })
        .split("\n")
        .filter((line) => / (Stored|Defl:N) /.test(line));
    };
    const before = listing(stored, "stored.xlsx");
    const after = listing(compressed, "compressed.xlsx");
    expect(after).toHaveLength(before.length);
    for (const [index, line] of after.entries()) {
      const [length, method, , , , , crc, name] = line.trim().split(/\s+/);
      const [lengthBefore, methodBefore, , , , , crcBefore, nameBefore] = before[index]!.trim().split(/\s+/);
      expect([length, crc, name]).toEqual([lengthBefore, crcBefore, nameBefore]);
      expect(methodBefore).toBe("Stored");
      // Folders have nothing to compress.
      expect(method).toBe(length === "0" ? "Stored" : "Defl:N");
    }
    const read = await readWorkbook(compressed);
    expect(read.getWorksheet("One")!.getCell("A1").value).toBe("stored é");
    expect(read.getWorksheet("Two")!.getCell("B2").value).toBe(42);
  });

  it("reads a stored (uncompressed) part and refuses what is not a ZIP file", async () => {
    const name = new TextEncoder().encode("a.txt");
    const data = new TextEncoder().encode("hello");
    // A one-part ZIP file with the part stored, written by hand.
    const local = new Uint8Array(30 + name.length);
    const view = new DataView(local.buffer);
    view.setUint32(0, 0x04034b50, true);
    view.setUint16(4, 20, true);
    view.setUint32(14, zlibCrc32(data), true);
    view.setUint32(18, data.length, true);
    view.setUint32(22, data.length, true);
    view.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const centralView = new DataView(central.buffer);
    centralView.setUint32(0, 0x02014b50, true);
    centralView.setUint32(16, zlibCrc32(data), true);
    centralView.setUint32(20, data.length, true);
    centralView.setUint32(24, data.length, true);
    centralView.setUint16(28, name.length, true);
    central.set(name, 46);
    const end = new Uint8Array(22);
    const endView = new DataView(end.buffer);
    endView.setUint32(0, 0x06054b50, true);
    endView.setUint16(8, 1, true);
    endView.setUint16(10, 1, true);
    endView.setUint32(12, central.length, true);
    endView.setUint32(16, local.length + data.length, true);
    const zip = new Uint8Array([...local, ...data, ...central, ...end]);
    let seen = "";
    const edit = (text: string) => {
      seen = text;
      return [text, " world"];
    };
    const replaced = await replaceParts(zip, new Map([["a.txt", edit]]));
    expect(seen).toBe("hello");
    // The new part is DEFLATE-compressed: its data is what zlib inflates to the new text.
    const replacedView = new DataView(replaced.buffer, replaced.byteOffset);
    expect(replacedView.getUint16(8, true)).toBe(8);
    const compressedSize = replacedView.getUint32(18, true);
    expect(new TextDecoder().decode(inflateRawSync(replaced.subarray(30 + name.length, 30 + name.length + compressedSize)))).toBe("hello world");
    await expect(replaceParts(new Uint8Array(100), new Map([["a.txt", edit]]))).rejects.toThrow("not a ZIP file");
  });
});

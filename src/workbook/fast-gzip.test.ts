import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync, crc32 as zlibCrc32, constants } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createWorkbook, readWorkbook, workbookBytes } from "./excel.js";
import { gzipParts, platformGzip, replaceParts } from "./zip-parts.js";
import { fastGzip } from "./fast-gzip.js";

/** Text like a month sheet's: formulas that repeat with other row numbers. */
function sheetLikeText(rows: number): Uint8Array {
  const lines: string[] = [];
  for (let row = 1; row <= rows; row++)
    lines.push(`<c r="E${row}" s="48"><f>IF(D${row}&gt;=$C$7,D${row}*'Inputs by scenario'!$F$${row % 97},0)</f><v>${row * 1.5}</v></c>`);
  return new TextEncoder().encode(lines.join(""));
}

describe("fastGzip", () => {
  it("gives, from pieces written one by one, the gzip member of Node's fastest level, with the checksum and size of the whole", async () => {
    const text = sheetLikeText(20_000);
    const compressor = fastGzip();
    for (let at = 0; at < text.length; at += 65_536) await compressor.write(text.slice(at, at + 65_536));
    const gzip = await compressor.end();
    expect(Buffer.from(gunzipSync(gzip)).equals(Buffer.from(text))).toBe(true);
    const { crc, sizeModulo } = gzipParts(gzip);
    expect(crc).toBe(zlibCrc32(text));
    expect(sizeModulo).toBe(text.length);
    // The fastest level, byte for byte: a level given by mistake (the default's 6) packs otherwise.
    const deflateBody = (bytes: Uint8Array) => Buffer.from(gzipParts(bytes).data);
    expect(deflateBody(gzip).equals(deflateBody(gzipSync(text, { level: constants.Z_BEST_SPEED })))).toBe(true);
    expect(deflateBody(gzip).equals(deflateBody(gzipSync(text)))).toBe(false);
  });

  it("gives an empty text's gzip member", async () => {
    const compressor = fastGzip();
    await compressor.write(new Uint8Array(0));
    const gzip = await compressor.end();
    expect(gunzipSync(gzip).length).toBe(0);
    expect(gzipParts(gzip).sizeModulo).toBe(0);
  });

  it("makes the same workbook as the platform's gzip: every part's checksum and size equal, the file tests clean", async () => {
    const workbook = createWorkbook();
    workbook.addWorksheet("One").getCell("A1").value = "stored é";
    workbook.addWorksheet("Two").getCell("B2").value = 42;
    const stored = await workbookBytes(workbook, "store");
    const edit = (xml: string) => {
      const end = xml.indexOf("</sheetData>");
      return [xml.slice(0, end), '<row r="9"><c r="A9"><v>7</v></c></row>', xml.slice(end)];
    };
    const folder = mkdtempSync(join(tmpdir(), "mlops-roi-gzip-"));
    const listing = async (bytes: Uint8Array, name: string) => {
      writeFileSync(join(folder, name), bytes);
      expect(execFileSync("unzip", ["-t", join(folder, name)], { encoding: "utf8" })).toMatch(/No errors detected/);
      return execFileSync("unzip", ["-v", join(folder, name)], { encoding: "utf8" })
        .split("\n")
        .filter((line) => / (Stored|Defl:N) /.test(line))
        .map((line) => {
          const [length, method, , , , , crc, name] = line.trim().split(/\s+/);
          return [length, method, crc, name];
        });
    };
    const edits = new Map([["xl/worksheets/sheet1.xml", edit]]);
    const fast = await replaceParts(stored, edits, fastGzip);
    const platform = await replaceParts(stored, edits, platformGzip);
    expect(await listing(fast, "fast.xlsx")).toEqual(await listing(platform, "platform.xlsx"));
    const read = await readWorkbook(fast);
    expect(read.getWorksheet("One")!.getCell("A1").value).toBe("stored é");
    expect(read.getWorksheet("One")!.getCell("A9").value).toBe(7);
    expect(read.getWorksheet("Two")!.getCell("B2").value).toBe(42);
  });
});

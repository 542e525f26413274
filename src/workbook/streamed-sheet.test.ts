import { describe, expect, it } from "vitest";
import { buildCaseWorkbook, exportWorkbook } from "./export-workbook.js";
import { createWorkbook, readWorkbook, workbookBytes, type Workbook } from "./excel.js";
import { sheetNames } from "./sheet-names.js";
import { escapeXml, StreamedSheetWriter } from "./streamed-sheet.js";
import { styled } from "./styles.js";
import { loadCase, workbookCases } from "./test-support/cases.js";
import { replaceParts } from "./zip-parts.js";
import { worksheetPath } from "./excel.js";
import { atom } from "./formula.js";

/** Every cell of a sheet as the file gives it back: value (formula and cached result), and look. */
function cellsOf(workbook: Workbook, sheet: string): Map<string, string> {
  const cells = new Map<string, string>();
  workbook.getWorksheet(sheet)!.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells.set(
        cell.address,
        JSON.stringify([cell.value, cell.numFmt ?? null, cell.font ?? null, cell.fill ?? null, cell.border ?? null, cell.alignment ?? null]),
      );
    }),
  );
  return cells;
}

describe("the month-by-month sheets written as XML of their own", () => {
  for (const { name, path } of workbookCases()) {
    it(`${name}: the file holds the same cells, formulas, cached values and looks as the library's own sheets`, async () => {
      const source = loadCase(path);
      const exported = await readWorkbook(await exportWorkbook(source));
      const built = await readWorkbook(await workbookBytes(buildCaseWorkbook(source).workbook));
      for (const streamedSheet of [sheetNames.simulation, sheetNames.comparison]) {
        const streamed = cellsOf(exported, streamedSheet);
        const library = cellsOf(built, streamedSheet);
        expect(streamed.size).toBeGreaterThan(100);
        expect([...streamed].filter(([address, cell]) => library.get(address) !== cell).slice(0, 3)).toEqual([]);
        expect([...library.keys()].filter((address) => !streamed.has(address))).toEqual([]);
        const [exportedSheet, builtSheet] = [exported, built].map((workbook) => workbook.getWorksheet(streamedSheet)!);
        expect(exportedSheet!.dimensions.range).toBe(builtSheet!.dimensions.range);
        expect(exportedSheet!.views).toEqual(builtSheet!.views);
        expect(exportedSheet!.pageSetup).toEqual(builtSheet!.pageSetup);
        expect(exportedSheet!.columns.map((column) => column.width)).toEqual(builtSheet!.columns.map((column) => column.width));
      }
      // The other sheets are the library's, copied as they were.
      for (const other of [sheetNames.summary, sheetNames.assumptions, sheetNames.maintenance, sheetNames.inputs])
        expect(cellsOf(exported, other)).toEqual(cellsOf(built, other));
    });
  }

  it("writes text, blanks, numbers and formulas of every result type, escaped, in column order whatever the order written", async () => {
    const workbook = createWorkbook();
    const sheet = new StreamedSheetWriter(workbook.addWorksheet("Streamed"), undefined);
    const bold = styled("header");
    sheet.formula(2, 3, atom('IF(A2<1,"a&b",">")', ">"), bold);
    sheet.text(2, 1, "  R&D <core> \u0007bell", bold);
    sheet.number(2, 2, 1.5);
    sheet.blank(3, 2, styled("input"));
    sheet.text(3, 1, "", bold);
    sheet.formula(4, 1, atom("1=1", true));
    sheet.formula(4, 2, atom("2*3", 6), styled("computed", "0.0"));
    sheet.text(5, 5, "gone");
    sheet.text(5, 3, "Coût & € <\u0007ü>");
    const bytes = await workbookBytes(workbook);
    const file = await replaceParts(bytes, new Map([[worksheetPath(sheet.worksheet), (xml: string) => sheet.spliceRows(xml)]]));
    const read = (await readWorkbook(file)).getWorksheet("Streamed")!;
    expect(read.getCell("A2").value).toBe("  R&D <core> bell");
    expect(read.getCell("A2").font?.bold).toBe(true);
    expect(read.getCell("B2").value).toBe(1.5);
    expect(read.getCell("C2").value).toEqual({ formula: 'IF(A2<1,"a&b",">")', result: ">" });
    expect(read.getCell("A3").value).toBeNull();
    expect(read.getCell("A3").font?.bold).toBe(true);
    expect(read.getCell("B3").fill).toEqual(styled("input").fill);
    expect(read.getCell("A4").value).toEqual({ formula: "1=1", result: true });
    expect(read.getCell("B4").value).toEqual({ formula: "2*3", result: 6 });
    expect(read.getCell("B4").numFmt).toBe("0.0");
    expect(read.getCell("E5").value).toBe("gone");
    // Escaped and encoded beyond ASCII too.
    expect(read.getCell("C5").value).toBe("Coût & € <ü>");
    expect(read.dimensions.range).toBe("A2:E5");
    // Nothing of the library's placeholders is left: they were in the first column, from row 1 on.
    expect(read.getCell("A1").value).toBeNull();
    expect(read.getCell("A1").style).toEqual({});
  });
});

describe("a streamed sheet", () => {
  it("refuses to fit a row's height, which needs the cells the library does not hold", () => {
    const sheet = new StreamedSheetWriter(createWorkbook().addWorksheet("Streamed"), undefined);
    sheet.text(1, 1, "a long label that would wrap");
    expect(() => sheet.fitRowHeight(1)).toThrow("the Streamed sheet is streamed");
  });
});

describe("escapeXml", () => {
  it("escapes &, < and >, leaves quotes, and drops the control characters XML forbids", () => {
    expect(escapeXml(`a & b < c > d "e" 'f'`)).toBe(`a &amp; b &lt; c &gt; d "e" 'f'`);
    expect(escapeXml("tab\there\nline\r\u0000\u0008\u000b\u001f\u007fend")).toBe("tab\there\nline\rend");
    expect(escapeXml("&amp;")).toBe("&amp;amp;");
  });
});

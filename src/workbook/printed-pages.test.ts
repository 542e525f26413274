import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempFolder } from "../test-support/fixtures.js";
import { readWorkbook, type Workbook } from "./excel.js";
import { exportWorkbook } from "./export-workbook.js";
import { sheetNames } from "./sheet-names.js";
import { MONTH_LABEL_WIDTH } from "./simulation-sheet.js";
import { loadCase, workbookCases } from "./test-support/cases.js";
import { convertWithLibreOffice, libreOfficeAvailability } from "./test-support/libreoffice.js";

/**
 * The month-by-month sheets as a person sees them: on screen, the months beside the frozen label,
 * unit and total columns; on paper, every page with months and their figures. The Simulation's label
 * column was as wide as its longest label (193 for a 191-character line of cloud costs): the frozen
 * columns were wider than a laptop's screen, and team.yaml printed 185 Simulation pages of labels alone.
 */
const MONTH_SHEETS = [sheetNames.simulation, sheetNames.comparison] as const;
const CASES = ["team.yaml", "solo.yaml"] as const;

const workbooks = new Map<string, Workbook>();
const bytesOf = new Map<string, Uint8Array>();

beforeAll(async () => {
  for (const name of CASES) {
    const entry = workbookCases().find((candidate) => candidate.name === name)!;
    const bytes = await exportWorkbook(loadCase(entry.path));
    bytesOf.set(name, bytes);
    workbooks.set(name, await readWorkbook(bytes));
  }
}, 120_000);

describe("the month-by-month sheets keep the months in view", () => {
  for (const name of CASES) {
    for (const sheetName of MONTH_SHEETS) {
      it(`${name}, ${sheetName}: the label column is at most ${MONTH_LABEL_WIDTH} wide; a longer label wraps in a row tall enough for it`, () => {
        const sheet = workbooks.get(name)!.getWorksheet(sheetName)!;
        expect(sheet.getColumn(1).width).toBeLessThanOrEqual(MONTH_LABEL_WIDTH);
        const frozen = [1, 2, 3].reduce((width, column) => width + (sheet.getColumn(column).width ?? 10), 0);
        // About 7 pixels a character: the frozen columns leave most of a 1,366-pixel laptop screen to the months.
        expect(frozen * 7).toBeLessThan(700);
        const cut: string[] = [];
        sheet.eachRow((row, number) => {
          const label = row.getCell(1).value;
          if (typeof label !== "string" || row.getCell(2).value === null) return;
          if (label.length + 2 <= (sheet.getColumn(1).width ?? 10)) return;
          const lines = Math.ceil(label.length / ((sheet.getColumn(1).width ?? 10) * 1.1));
          if (!row.getCell(1).alignment?.wrapText || (row.height ?? 15) < 15 * lines) cut.push(`row ${number}: ${label.trim()}`);
        });
        expect(cut).toEqual([]);
      });
    }
  }
});

const { skip } = libreOfficeAvailability();
const pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].find((path) => existsSync(path));
// In CI a missing pdftotext fails the test (as a missing LibreOffice does) rather than skipping it.
const pdftotextMissing = !pdftotext && process.env.CI !== "true";
if (!skip && pdftotextMissing) console.warn("pdftotext is missing: skipping the printed pages' test. Install it with: sudo apt-get install poppler-utils");

describe.skipIf(skip || pdftotextMissing)("every printed page of the month-by-month sheets carries months and their figures", () => {
  let temp: ReturnType<typeof makeTempFolder>;
  const pages = new Map<string, string[]>();

  beforeAll(() => {
    if (!pdftotext) throw new Error("pdftotext is not installed: apt-get install poppler-utils");
    temp = makeTempFolder();
    const files = CASES.map((name) => {
      const file = join(temp.path, name.replace(/\.yaml$/, ".xlsx"));
      writeFileSync(file, bytesOf.get(name)!);
      return file;
    });
    convertWithLibreOffice(files, temp.path, "pdf").forEach((pdf, index) => {
      const text = execFileSync(pdftotext, ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
      pages.set(
        CASES[index]!,
        text.split("\f").filter((page) => page.trim() !== ""),
      );
    });
  }, 300_000);

  afterAll(() => temp?.remove());

  for (const name of CASES) {
    it(`${name}: each Simulation and Comparison page shows a month's column head and figures under it`, () => {
      const printed = pages.get(name)!;
      // The footer names the sheet: "Simulation    12 / 39".
      const sheetOf = (page: string) => /^\s*(.+?)\s+\d+ \/ \d+\s*$/m.exec(page.trimEnd().split("\n").at(-1) ?? "")?.[1];
      const monthPages = printed.filter((page) => MONTH_SHEETS.some((sheet) => sheetOf(page) === sheet));
      expect(monthPages.length).toBeGreaterThan(4);
      const bare = monthPages
        .map((page, index) => ({ page, index }))
        .filter(({ page }) => {
          const heads = page.match(/Month \d+/g) ?? [];
          // A row of figures: a line with at least three of them side by side (money, hours, counts, yes / no).
          const figureLines = page.split("\n").filter((line) => (line.match(/(?:^|\s)-?(?:€|-€)?\d[\d,.]*%?(?=\s|$)|\b(?:yes|no)\b/g) ?? []).length >= 3);
          return heads.length === 0 || figureLines.length === 0;
        })
        .map(({ page, index }) => `page ${index + 1} of the month sheets (${sheetOf(page)}): ${page.trim().split("\n").slice(0, 3).join(" / ")}`);
      expect(bare).toEqual([]);
    });
  }

  it("team.yaml: each printed page of the Distribution snapshot's band has the band's header over its months", () => {
    const printed = pages.get("team.yaml")!;
    const footer = (page: string) => page.trimEnd().split("\n").at(-1) ?? "";
    const bandPages = printed.filter((page) => footer(page).includes(sheetNames.distribution) && /^\s*Month \d+\s/m.test(page));
    expect(bandPages.length).toBeGreaterThan(1);
    // Months past the band's first page printed under rows 1–3 alone (the sheet's title), with no header.
    const headless = bandPages.filter((page) => !/^\s*Month\s{2,}\S/m.test(page)).map((page) => footer(page).trim());
    expect(headless).toEqual([]);
  });
});

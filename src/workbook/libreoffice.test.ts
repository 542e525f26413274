import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempFolder } from "../test-support/fixtures.js";
import { runCliCaptured } from "../test-support/run-cli.js";
import { readWorkbook, type Workbook } from "./excel.js";
import { exportWorkbook } from "./export-workbook.js";
import { importWorkbook } from "./import-workbook.js";
import { sheetNames } from "./sheet-names.js";
import { formats } from "./styles.js";
import { netGainName } from "../format/words.js";
import ExcelJS from "exceljs";
import { loadCase, workbookCases } from "./test-support/cases.js";
import { edited } from "./test-support/edit-workbook.js";
import { convertWithLibreOffice, formulaResults, libreOfficeAvailability, sameResult, withoutCachedResults } from "./test-support/libreoffice.js";

/**
 * The workbook's promise: its formulas are the engine. LibreOffice opens each exported workbook
 * with every cached result removed, so it must compute every formula itself; each must come out as
 * the engine computed it. One LibreOffice call converts every file (it takes seconds to start).
 */
const { skip } = libreOfficeAvailability();
const cases = workbookCases();
const EDITED = "seed-edited";
const EDITED_UPKEEP = 14;

let temp: ReturnType<typeof makeTempFolder>;
const exported = new Map<string, Workbook>();
const recomputed = new Map<string, Workbook>();
const recomputedPath = new Map<string, string>();

beforeAll(async () => {
  if (skip) return;
  temp = makeTempFolder();
  const stripped = join(temp.path, "stripped");
  mkdirSync(stripped);
  const files: string[] = [];
  for (const { name, path } of cases) {
    const bytes = await exportWorkbook(loadCase(path));
    exported.set(name, await readWorkbook(bytes));
    const file = join(stripped, name.replace(/\.yaml$/, ".xlsx"));
    writeFileSync(file, await withoutCachedResults(bytes));
    files.push(file);
  }
  // A manager's edit: upkeep with the better tools is 14 hours, not 11.
  const seed = await exportWorkbook(loadCase(cases.find((entry) => entry.name === "seed.yaml")!.path));
  const edit = await edited(seed, (_workbook, cell) => void (cell("scenarios.optimal.projects.upkeepHoursPerMonth", "likely").value = EDITED_UPKEEP));
  const editedFile = join(stripped, `${EDITED}.xlsx`);
  writeFileSync(editedFile, await withoutCachedResults(edit));
  files.push(editedFile);

  const converted = convertWithLibreOffice(files, join(temp.path, "recomputed"), "xlsx");
  for (const [index, file] of converted.entries()) {
    const name = index < cases.length ? cases[index]!.name : EDITED;
    recomputedPath.set(name, file);
    recomputed.set(name, await readWorkbook(new Uint8Array(readFileSync(file))));
  }
}, 300_000);

afterAll(() => temp?.remove());

/** The Summary sheet's NPV of each alternative, by its label. */
function summaryNpv(workbook: Workbook): Map<string, number> {
  const sheet = workbook.getWorksheet(sheetNames.summary)!;
  let headerRow = 0;
  let npvRow = 0;
  sheet.eachRow((row, number) => {
    const label = String(row.getCell(1).value ?? "").trim();
    if (label === "Against the baseline" && headerRow === 0) headerRow = number;
    if (label === netGainName(true) && npvRow === 0) npvRow = number;
  });
  const values = new Map<string, number>();
  for (let column = 2; sheet.getCell(headerRow, column).value; column++) {
    values.set(String(sheet.getCell(headerRow, column).value), sheet.getCell(npvRow, column).result as number);
  }
  return values;
}

async function runJsonNpv(file: string): Promise<Map<string, number>> {
  const { exitCode, stdout, stderr } = await runCliCaptured(["run", file, "--json", "--samples", "0"]);
  expect(stderr).not.toMatch(/: error: /);
  expect(exitCode).toBe(0);
  const result = JSON.parse(stdout) as { comparisons: Record<string, { label: string; npv: number }> };
  return new Map(Object.values(result.comparisons).map((comparison) => [comparison.label, comparison.npv]));
}

describe.skipIf(skip)("LibreOffice recomputes the workbook from its formulas alone", () => {
  for (const { name, path } of cases) {
    it(`${name}: every formula cell equals what the engine wrote, and the Summary NPV equals run --json`, async () => {
      const expected = formulaResults(exported.get(name)!);
      const actual = formulaResults(recomputed.get(name)!);
      expect(expected.size).toBeGreaterThan(500);
      const differences = [...expected]
        .filter(([cell, value]) => !sameResult(value, actual.get(cell)))
        .map(([cell, value]) => `${cell}: engine ${String(value)}, LibreOffice ${String(actual.get(cell))}`);
      expect(differences).toEqual([]);

      const npv = summaryNpv(recomputed.get(name)!);
      const run = await runJsonNpv(path);
      expect([...npv.keys()].sort()).toEqual([...run.keys()].sort());
      for (const [label, value] of run) expect(sameResult(value, npv.get(label)), `${label}: run ${value}, workbook ${npv.get(label)}`).toBe(true);
    });
  }

  it("an assumption edited in the workbook: LibreOffice's NPV is what run gives for the imported file", async () => {
    const workbookNpv = summaryNpv(recomputed.get(EDITED)!).get("Every tool we want")!;
    const originalNpv = summaryNpv(exported.get("seed.yaml")!).get("Every tool we want")!;
    expect(Math.abs(workbookNpv - originalNpv)).toBeGreaterThan(100);

    // The file LibreOffice saved is imported, as a manager's edited workbook would be.
    const outcome = await importWorkbook(new Uint8Array(readFileSync(recomputedPath.get(EDITED)!)));
    if (!outcome.ok) throw new Error(outcome.problems.map((problem) => `${problem.cell}: ${problem.message}`).join("\n"));
    expect(outcome.changes).toEqual([{ input: "scenarios.optimal.projects.upkeepHoursPerMonth", description: `11 → ${EDITED_UPKEEP}` }]);
    const scenario = join(temp.path, "edited.yaml");
    writeFileSync(scenario, outcome.text);
    const runNpv = (await runJsonNpv(scenario)).get("Every tool we want")!;
    expect(sameResult(runNpv, workbookNpv), `run ${runNpv}, LibreOffice ${workbookNpv}`).toBe(true);
  });
});

describe.skipIf(skip)("LibreOffice shows the workbook's payback months as run writes them", () => {
  it("a percentile between months is the nearest month, below half a month 'from the start' (it read 'month 0')", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Payback");
    const values = [0, 0.3, 0.6, 4.2, 12];
    values.forEach((value, index) => {
      const cell = sheet.getCell(index + 1, 1);
      cell.value = value;
      cell.numFmt = formats.payback;
    });
    const folder = makeTempFolder();
    try {
      const file = join(folder.path, "payback.xlsx");
      writeFileSync(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
      const [csv] = convertWithLibreOffice([file], folder.path, "csv");
      const shown = readFileSync(csv!, "utf8")
        .trim()
        .split(/\r?\n/)
        .map((line) => line.toLowerCase());
      expect(shown).toEqual(["from the start", "from the start", "month 1", "month 4", "month 12"]);
    } finally {
      folder.remove();
    }
  }, 120_000);
});

describe.skipIf(skip)("LibreOffice shows a rate or share the file gives as run and the report write it", () => {
  it("to a hundredth of a percent: a discount rate of 8.25% reads 8.25%, not 8.3%, and 0.04% not 0.0%", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Shares");
    const values = [0.0825, 0.035, 0.1, 0.0004];
    values.forEach((value, index) => {
      const cell = sheet.getCell(index + 1, 1);
      cell.value = value;
      cell.numFmt = formats.sharePrecise;
    });
    const folder = makeTempFolder();
    try {
      const file = join(folder.path, "shares.xlsx");
      writeFileSync(file, new Uint8Array(await workbook.xlsx.writeBuffer()));
      const [csv] = convertWithLibreOffice([file], folder.path, "csv");
      const shown = readFileSync(csv!, "utf8").trim().split(/\r?\n/);
      // The sheets showed "8.3%" and "0.0%" (the format was 0.0%); whole percentages keep their tenth, as before.
      expect(shown).toEqual(["8.25%", "3.5%", "10.0%", "0.04%"]);
    } finally {
      folder.remove();
    }
  }, 120_000);
});

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeHoursRuleWords } from "../format/words.js";
import { makeTempFolder } from "../test-support/fixtures.js";
import { readWorkbook, type Workbook, type Worksheet } from "./excel.js";
import { sheetNames } from "./sheet-names.js";
import { edited, exportedCase } from "./test-support/edit-workbook.js";
import { convertWithLibreOffice, libreOfficeAvailability, withoutCachedResults } from "./test-support/libreoffice.js";

/** A finance reviewer's reading of the exported workbook: the words beside the figures say what they are. */

/** The row whose column A reads `label` (trimmed), or 0. */
function rowOf(sheet: Worksheet, label: string | RegExp | ((text: string) => boolean)): number {
  let found = 0;
  sheet.eachRow((row, number) => {
    const cell = row.getCell(1);
    const text = String(typeof cell.value === "object" && cell.value !== null ? (cell.result ?? "") : (cell.value ?? "")).trim();
    const matches = typeof label === "string" ? text === label : typeof label === "function" ? label(text) : label.test(text);
    if (found === 0 && matches) found = number;
  });
  return found;
}

/** A row's cells from column B on, as shown (cached results for formulas). */
function figures(sheet: Worksheet, row: number): unknown[] {
  const values: unknown[] = [];
  for (let column = 2; sheet.getCell(row, column).value !== null; column++) {
    const cell = sheet.getCell(row, column);
    values.push(typeof cell.value === "object" && cell.value !== null ? cell.result : cell.value);
  }
  return values;
}

const books = new Map<string, Workbook>();
const bytes = new Map<string, Uint8Array>();

beforeAll(async () => {
  for (const name of ["team.yaml", "enterprise.yaml", "solo.yaml"]) {
    const exported = (await exportedCase(name)).bytes;
    bytes.set(name, exported);
    books.set(name, await readWorkbook(exported));
  }
}, 120_000);

describe("the Summary says which figures are not discounted", () => {
  it("team.yaml: the net benefit over the whole horizon, where it comes from and its sum say 'not discounted' under the NPV", () => {
    const summary = books.get("team.yaml")!.getWorksheet(sheetNames.summary)!;
    for (const label of [
      "Net benefit over the whole horizon, not discounted",
      "Where the benefit comes from (over the whole horizon, not discounted)",
      "All together (the net benefit over the whole horizon, not discounted)",
    ])
      expect(rowOf(summary, label), label).toBeGreaterThan(0);
  });
});

describe("the Distribution snapshot's band says what its columns are", () => {
  it("team.yaml: the band is not discounted, and its heads use the rows' words ('5% chance of less than', not '5%')", () => {
    const sheet = books.get("team.yaml")!.getWorksheet(sheetNames.distribution)!;
    const title = rowOf(sheet, /^Cumulative net, month by month/);
    expect(String(sheet.getCell(title, 1).value)).toMatch(/not discounted/);
    const heads = [2, 3, 4].map((column) => String(sheet.getCell(title + 1, column).value));
    expect(heads).toEqual([
      "Our own open-source stack: 5% chance of less than",
      "Our own open-source stack: median (half the samples above, half below)",
      "Our own open-source stack: 5% chance of more than",
    ]);
    // The rows above name the same levels.
    expect(rowOf(sheet, "5% chance of less than")).toBeGreaterThan(0);
    expect(rowOf(sheet, "5% chance of more than")).toBeGreaterThan(0);
  });
});

describe("a loss's return on cost is red, as the money beside it", () => {
  it("enterprise.yaml: a return of −40% has a red section for negatives", () => {
    const summary = books.get("enterprise.yaml")!.getWorksheet(sheetNames.summary)!;
    const row = rowOf(summary, /^Return on cost/);
    const negative = [2, 3, 4].map((column) => summary.getCell(row, column)).filter((cell) => typeof cell.result === "number" && cell.result < 0);
    expect(negative.length).toBeGreaterThan(0);
    for (const cell of negative) expect(cell.numFmt.split(";")[1] ?? "").toMatch(/^\[Red\]-/);
  });
});

describe("'never' for new work says the months before the end without room, as run does", () => {
  it("enterprise.yaml: 'never (no room in 6 of the months)', beside the count on the next row", () => {
    const summary = books.get("enterprise.yaml")!.getWorksheet(sheetNames.summary)!;
    const row = rowOf(summary, "New work can no longer start from month");
    const stops = figures(summary, row);
    const counts = figures(summary, row + 1);
    expect(counts.some((count) => Number(count) > 0)).toBe(true);
    stops.forEach((stop, index) => {
      if (typeof stop === "number") return;
      const count = Number(counts[index]);
      expect(stop).toBe(count > 0 ? `never (no room in ${count} of the months)` : "never");
    });
    expect(stops).toContain("never (no room in 6 of the months)");
  });
});

const { skip } = libreOfficeAvailability();

describe.skipIf(skip)("edited in the workbook, recalculated in LibreOffice: the notes follow the figures", () => {
  let temp: ReturnType<typeof makeTempFolder>;
  let team: Workbook;
  let solo: Workbook;

  beforeAll(async () => {
    temp = makeTempFolder();
    const teamOf12 = await edited(bytes.get("team.yaml")!, (_workbook, cell) => void (cell("defaults.team.people", "likely").value = 12));
    const soloOf3 = await edited(bytes.get("solo.yaml")!, (_workbook, cell) => void (cell("defaults.team.people", "likely").value = 3));
    const files = [
      ["team-12.xlsx", teamOf12],
      ["solo-3.xlsx", soloOf3],
    ] as const;
    for (const [name, content] of files) writeFileSync(join(temp.path, name), await withoutCachedResults(content));
    const [teamFile, soloFile] = convertWithLibreOffice(
      files.map(([name]) => join(temp.path, name)),
      join(temp.path, "recomputed"),
      "xlsx",
    );
    team = await readWorkbook(new Uint8Array(readFileSync(teamFile!)));
    solo = await readWorkbook(new Uint8Array(readFileSync(soloFile!)));
  }, 300_000);

  afterAll(() => temp?.remove());

  it("team.yaml with 12 people: where 'Cost of making the change' and 'Investment in all' now differ, the note says why", () => {
    const summary = team.getWorksheet(sheetNames.summary)!;
    const change = figures(summary, rowOf(summary, "Cost of making the change")).map(Number);
    const investment = figures(summary, rowOf(summary, "Investment in all")).map(Number);
    expect(change.some((value, index) => Math.round(-value) !== Math.round(investment[index]!))).toBe(true);
    const [before] = changeHoursRuleWords("\u0000", "“Investment in all” above, as page 1, counts").split("\u0000");
    const note = rowOf(summary, (text: string) => text.startsWith(before!));
    expect(note).toBeGreaterThan(rowOf(summary, /^All together/));
  });

  it("solo.yaml with 3 people: the live projects' row no longer says 'one person can keep' of the team", () => {
    const summary = solo.getWorksheet(sheetNames.summary)!;
    expect(rowOf(summary, "Live projects one person can keep")).toBe(0);
    expect(rowOf(summary, "Live projects each person can keep")).toBeGreaterThan(0);
  });
});

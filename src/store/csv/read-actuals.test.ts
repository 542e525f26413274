import { describe, expect, it } from "vitest";
import { MAX_KEPT_ISSUES, readActualsCsv, type ReadActualsOptions } from "./read-actuals.js";

const bytes = (text: string) => new TextEncoder().encode(text);
const options: ReadActualsOptions = {
  fileName: "actuals.csv",
  team: "default",
  planOf: (team) => (team === "default" || team === "platform" ? { horizonMonths: 12, startMonth: "2025-01" } : undefined),
};

describe("readActualsCsv", () => {
  it("maps headers to fields ignoring case, spaces and underscores, and leaves empty cells unrecorded", () => {
    const read = readActualsCsv(bytes("Month,Upkeep Hours,live_projects,Licences,note\n1,30,0,,kick-off\n2025-02,24.5,1,300,\n"), options);
    expect(read.issues).toEqual([]);
    expect(read.rows).toEqual([
      { team: "default", month: 1, values: { upkeepHours: 30, liveProjects: 0 }, note: "kick-off", source: "import actuals.csv line 2" },
      { team: "default", month: 2, values: { upkeepHours: 24.5, liveProjects: 1, licences: 300 }, source: "import actuals.csv line 3" },
    ]);
  });

  it("renames columns with --map and skips the ones mapped to skip", () => {
    const map = new Map([
      ["Upkeep (h)", "upkeepHours" as const],
      ["Comments", "skip" as const],
    ]);
    const read = readActualsCsv(bytes("month;Upkeep (h);Comments\n3;12;whatever\n"), { ...options, map });
    expect(read.issues).toEqual([]);
    expect(read.delimiter).toBe(";");
    expect(read.rows[0]?.values).toEqual({ upkeepHours: 12 });
  });

  it("refuses an unknown column with a suggestion, before reading any row", () => {
    const read = readActualsCsv(bytes("month,upkeepHour,Comments\n1,3,x\n"), options);
    expect(read.rows).toEqual([]);
    expect(read.issues.map((issue) => issue.message)).toEqual([
      expect.stringContaining('column "upkeepHour" is not a known field (did you mean "upkeepHours"?); rename it'),
      expect.stringContaining('--map "Comments=skip"'),
    ]);
  });

  it("reports every bad row with its line and the field, value and what is allowed", () => {
    const text = [
      "month,upkeepHours,releases,satisfactionScore",
      "1,-3,0,4",
      "2,1.234,1.5,4",
      '3,"1,234",0,101',
      "4,5",
      "13,5,0,3",
      "2025-07,12,0,3",
      "x,1,1,1",
    ].join("\n");
    const read = readActualsCsv(bytes(text), options);
    expect(read.issues.map((issue) => `${issue.line}: ${issue.message}`)).toEqual([
      "2: upkeepHours is -3; allowed: hours, a number ≥ 0",
      "3: releases is 1.5; allowed: a whole number ≥ 0",
      '4: upkeepHours is "1,234", which is not a number; write it without thousands separators',
      "4: satisfactionScore is 101; allowed: a score between 0 and 100 (keep one scale every month, e.g. 1–5 or 0–100)",
      expect.stringMatching(/^5: 2 cells where the header has 4/),
      expect.stringMatching(/^6: month is 13; allowed: a month number from 1 to 12 or a calendar month from 2025-01 to 2025-12/),
      expect.stringMatching(/^8: month is "x"/),
    ]);
    expect(read.rows.map((row) => row.month)).toEqual([7]);
  });

  it("names both lines of a month given twice, per team", () => {
    const text = "team,month,upkeepHours\ndefault,1,3\nplatform,1,4\ndefault,2025-01,5\n";
    const read = readActualsCsv(bytes(text), options);
    expect(read.issues).toEqual([{ line: 4, column: "month", message: "month 1 is also on line 2; give each month once" }]);
  });

  it("names a team without a plan once, with the command that fixes it", () => {
    const read = readActualsCsv(bytes("team,month,upkeepHours\nghost,1,3\nghost,2,3\n"), options);
    expect(read.issues).toEqual([
      {
        line: 2,
        column: "team",
        message: expect.stringContaining('team "ghost" has no plan in this store. Freeze one with: mlops-roi track plan CASE.yaml --team "ghost"'),
      },
    ]);
  });

  // The README: bad input gets a clear error in bounded time and memory. A file of millions of bad
  // lines (a log export given by mistake: 200 MB is allowed) kept a message for each and ran out of
  // memory; now its first problems are kept, in line order, and all are counted.
  it("keeps the first problems of a file of many bad lines and counts them all", () => {
    const lines = 3 * MAX_KEPT_ISSUES;
    const badMonths = `month,upkeepHours\n${"x,1\n".repeat(lines)}`;
    const read = readActualsCsv(bytes(badMonths), options);
    expect(read.issueCount).toBe(lines);
    expect(read.atLeast).toBeUndefined();
    expect(read.issues).toHaveLength(MAX_KEPT_ISSUES);
    expect(read.issues.map((issue) => issue.line)).toEqual(Array.from({ length: MAX_KEPT_ISSUES }, (_, index) => index + 2));

    const strayQuotes = `month,upkeepHours,note\n${Array.from({ length: lines }, (_, index) => `${index + 1},1,a "b"\n`).join("")}`;
    const quoted = readActualsCsv(bytes(strayQuotes), { ...options, planOf: () => ({ horizonMonths: 240 }) });
    expect(quoted.issueCount).toBe(lines);
    expect(quoted.issues).toHaveLength(MAX_KEPT_ISSUES);
    expect(quoted.issues[0]).toEqual({ line: 2, message: expect.stringContaining("a quote inside a cell") });
  });

  it("names the first teams without a plan of a file naming thousands, then says there are more", () => {
    const teams = `team,month,upkeepHours\n${Array.from({ length: 3 * MAX_KEPT_ISSUES }, (_, index) => `t${index},1,3\n`).join("")}`;
    const read = readActualsCsv(bytes(teams), options);
    expect(read.issues).toHaveLength(MAX_KEPT_ISSUES);
    expect(read.issueCount).toBe(MAX_KEPT_ISSUES);
    // The last problem kept stands for 2,001 teams: the count is the least the file has.
    expect(read.atLeast).toBe(true);
    expect(read.issues[0]).toEqual({ line: 2, column: "team", message: expect.stringContaining('team "t0" has no plan') });
    expect(read.issues.at(-2)?.message).toContain('team "t998" has no plan');
    expect(read.issues.at(-1)).toEqual({
      line: MAX_KEPT_ISSUES + 1,
      column: "team",
      message: expect.stringContaining("name more teams without a plan in this store than are listed"),
    });
  });

  it("refuses a row that records nothing, an empty file, and a missing month column", () => {
    expect(readActualsCsv(bytes("month,upkeepHours\n4,\n"), options).issues[0]?.message).toBe(
      "nothing is recorded for month 4; fill in at least one measure or remove the line",
    );
    expect(readActualsCsv(bytes("\n\n"), options).issues[0]?.message).toContain("the file is empty");
    expect(readActualsCsv(bytes("upkeepHours\n4\n"), options).issues[0]?.message).toContain("there is no month column");
  });

  it("reads a European spreadsheet: semicolons and decimal commas, when told", () => {
    const text = "Month;upkeepHours;licences\n2025-01;12,5;1200\n2025-02;13;1.200\n";
    const plain = readActualsCsv(bytes(text), options);
    expect(plain.issues[0]).toEqual({
      line: 2,
      column: "upkeepHours",
      message: expect.stringContaining("write decimals with a dot (or, for a whole file written with decimal commas, import it with --decimal-comma)"),
    });
    const european = readActualsCsv(bytes(text), { ...options, decimalComma: true });
    expect(european.issues).toEqual([
      { line: 3, column: "licences", message: expect.stringContaining("with --decimal-comma, write decimals with a comma and no thousands separators") },
    ]);
    expect(european.rows[0]?.values).toEqual({ upkeepHours: 12.5, licences: 1200 });
    expect(readActualsCsv(bytes("month,upkeepHours\n1,2\n"), { ...options, decimalComma: true }).issues[0]?.message).toContain(
      "needs cells separated by semicolons or tabs",
    );
  });

  it("reads Excel's Unicode text: UTF-16 with a byte-order mark, separated by tabs", () => {
    const text = "month\tupkeepHours\tnote\r\n1\t30\tcafé\r\n";
    const encoded = Uint8Array.from([0xff, 0xfe, ...Array.from(text).flatMap((character) => [character.charCodeAt(0) & 0xff, character.charCodeAt(0) >> 8])]);
    const read = readActualsCsv(encoded, options);
    expect(read.issues).toEqual([]);
    expect(read.encoding).toBe("utf-16le");
    expect(read.rows[0]).toMatchObject({ month: 1, values: { upkeepHours: 30 }, note: "café" });
  });

  it("passes encoding problems on with their line", () => {
    const read = readActualsCsv(Uint8Array.from([...bytes("month,note\n1,caf"), 0xe9, ...bytes("\n")]), options);
    expect(read.issues).toEqual([{ line: 2, message: expect.stringContaining("byte 0xE9 is not valid UTF-8") }]);
  });
});

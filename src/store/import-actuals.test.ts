import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importPortfolio } from "./test-support/import-portfolio.js";
import { countActuals, readActuals } from "./actual-repository.js";
import { openStore } from "./database.js";
import { importActualsCsv } from "./import-actuals.js";
import { savePlan } from "./plan-repository.js";
import { caseText, planFor } from "./test-support/portfolio.js";
import { temporaryFolders } from "./test-support/temporary.js";

const folder = temporaryFolders();
const bytes = (text: string) => new TextEncoder().encode(text);

function store() {
  const opened = openStore(join(folder(), "case.db"), { create: true });
  savePlan(opened, planFor("default", caseText(24), { startMonth: "2025-01" }), { replace: false });
  return opened;
}

describe("importActualsCsv", () => {
  it("imports 10 years of monthly history for 50 teams (the benchmark's workload) completely", () => {
    const result = importPortfolio(50, 10);
    expect(result.rows).toBe(6000);
    expect(result.teams).toBe(50);
    expect(Object.keys(result.monthsPerTeam)).toHaveLength(50);
    expect(new Set(Object.values(result.monthsPerTeam))).toEqual(new Set([120]));
  });

  it("writes nothing when any row is bad, and imports the fixed file on the rerun", () => {
    const opened = store();
    const broken = importActualsCsv(opened, bytes("month,upkeepHours\n1,10\n2,-4\n3,12\n"), { fileName: "a.csv", team: "default" });
    expect(broken).toEqual({
      status: "refused",
      reason: "invalid",
      issues: [{ line: 3, column: "upkeepHours", message: "upkeepHours is -4; allowed: hours, a number ≥ 0" }],
      issueCount: 1,
    });
    expect(countActuals(opened)).toEqual({});
    const fixed = importActualsCsv(opened, bytes("month,upkeepHours\n1,10\n2,4\n3,12\n"), { fileName: "a.csv", team: "default" });
    expect(fixed).toMatchObject({ status: "imported", months: 3, teams: ["default"], replaced: 0 });
    opened.close();
  });

  it("refuses months already in the store with the lines that hold them, unless replacing", () => {
    const opened = store();
    importActualsCsv(opened, bytes("month,upkeepHours\n2025-01,10\n2025-02,11\n"), { fileName: "a.csv", team: "default" });
    const again = importActualsCsv(opened, bytes("month,upkeepHours\n2025-02,20\n2025-03,21\n"), { fileName: "b.csv", team: "default" });
    expect(again).toEqual({
      status: "refused",
      reason: "already recorded",
      issues: [{ line: 2, column: "month", message: "month 2 is already recorded (by import a.csv line 3)" }],
      issueCount: 1,
    });
    expect(countActuals(opened)).toEqual({ default: 2 });
    const replaced = importActualsCsv(opened, bytes("month,upkeepHours\n2025-02,20\n2025-03,21\n"), { fileName: "b.csv", team: "default", replace: true });
    expect(replaced).toMatchObject({ status: "imported", months: 2, replaced: 1 });
    expect(readActuals(opened, "default").map((actual) => actual.values.upkeepHours)).toEqual([10, 20, 21]);
    expect(opened.prepare("SELECT file_name, rows, replaced FROM imports ORDER BY id").all()).toEqual([
      { file_name: "a.csv", rows: 2, replaced: 0 },
      { file_name: "b.csv", rows: 2, replaced: 1 },
    ]);
    opened.close();
  });

  it("a dry run checks everything and writes nothing", () => {
    const opened = store();
    expect(importActualsCsv(opened, bytes("month,upkeepHours\n1,10\n"), { fileName: "a.csv", team: "default", dryRun: true })).toMatchObject({
      status: "checked",
      months: 1,
    });
    expect(countActuals(opened)).toEqual({});
    opened.close();
  });

  it("a dry run finds months already recorded, and with replace what replacing them would drop, writing nothing", () => {
    const opened = store();
    importActualsCsv(opened, bytes("month,upkeepHours,note\n2025-02,10,kept\n"), { fileName: "a.csv", team: "default" });
    const csv = bytes("month,incidents\n2025-02,2\n2025-03,1\n");
    expect(importActualsCsv(opened, csv, { fileName: "b.csv", team: "default", dryRun: true })).toMatchObject({
      status: "refused",
      reason: "already recorded",
    });
    expect(importActualsCsv(opened, csv, { fileName: "b.csv", team: "default", dryRun: true, replace: true })).toMatchObject({
      status: "checked",
      months: 2,
      replaced: 1,
      dropped: [{ team: "default", month: 2, fields: ["upkeepHours"], note: "kept" }],
    });
    expect(readActuals(opened, "default").map((actual) => [actual.month, actual.values, actual.note])).toEqual([[2, { upkeepHours: 10 }, "kept"]]);
    expect(opened.prepare("SELECT file_name FROM imports").pluck().all()).toEqual(["a.csv"]);
    opened.close();
  });
});

import { describe, expect, it } from "vitest";
import { buildResult, MonteCarlo, validateScenarioText, withUncertainty } from "../engine/index.js";
import { changesNothingCase } from "../test-support/changes-nothing-case.js";
import { buildCaseWorkbook } from "./export-workbook.js";
import { sheetNames } from "./sheet-names.js";

describe("the workbook's payback of an option that changes nothing", () => {
  it("reads “nothing to pay back”, formula and cached value alike, where month 0 read “from the start”", () => {
    const text = JSON.stringify(changesNothingCase(), null, 2);
    const validation = validateScenarioText(text);
    const { workbook, checks } = buildCaseWorkbook({ text, file: validation.file, compiled: validation.compiled! });
    // Every formula's own value agrees with the engine's.
    expect(
      checks.filter(
        (check) =>
          check.computed !== check.engine &&
          !(typeof check.computed === "number" && typeof check.engine === "number" && Math.abs(check.computed - check.engine) < 1e-6),
      ),
    ).toEqual([]);
    const summary = workbook.getWorksheet(sheetNames.summary)!;
    const found: unknown[] = [];
    summary.eachRow((row) => {
      if (String(row.getCell(1).value).trim().startsWith("Pays back in"))
        for (const column of [2, 3]) found.push((row.getCell(column).value as { result?: unknown }).result);
    });
    // "New option" changes nothing; "Better tools" keeps its month.
    expect(found).toHaveLength(2);
    expect(found).toContain("nothing to pay back");
    expect(found.some((value) => typeof value === "number" && value > 0)).toBe(true);
  });

  it("reads “nothing to pay back” on the Distribution snapshot too, where its percentiles read “from the start”", () => {
    const text = JSON.stringify(changesNothingCase(), null, 2);
    const validation = validateScenarioText(text);
    const compiled = validation.compiled!;
    const monteCarlo = new MonteCarlo(compiled, { samples: 500, seed: 1 }).runAll().summarise();
    const { workbook } = buildCaseWorkbook({ text, file: validation.file, compiled, monteCarlo });
    const snapshot = workbook.getWorksheet(sheetNames.distribution)!;
    const payback: unknown[][] = [];
    let inPayback = false;
    snapshot.eachRow((row) => {
      const first = String(row.getCell(1).value ?? "");
      if (first === "Pays back in") {
        inPayback = true;
        return;
      }
      if (inPayback && first.startsWith("  ")) payback.push([row.getCell(2).value, row.getCell(3).value]);
      else inPayback = false;
    });
    expect(payback).toHaveLength(3);
    // Which column is the option that changes nothing: its three percentiles read the words, the other option's are months.
    const column = payback[0]!.indexOf("nothing to pay back");
    expect(column).toBeGreaterThanOrEqual(0);
    for (const cells of payback) {
      expect(cells[column]).toBe("nothing to pay back");
      expect(typeof cells[1 - column]).toBe("number");
    }
  });

  it("keeps the month of an option that changes nothing at the middle of its ranges alone, as the engine does", () => {
    // "New option" has its own range of upkeep hours, today's: the same at the middle, drawn on its own in each sample.
    const file = changesNothingCase(true) as { scenarios: Record<string, Record<string, unknown>> };
    file.scenarios.same = { label: "New option", projects: { upkeepHoursPerMonth: { low: 25, high: 35 } } };
    const text = JSON.stringify(file, null, 2);
    const validation = validateScenarioText(text);
    const compiled = validation.compiled!;
    const monteCarlo = new MonteCarlo(compiled, { samples: 200, seed: 1 }).runAll().summarise();
    const { workbook } = buildCaseWorkbook({ text, file: validation.file, compiled, monteCarlo });
    const result = withUncertainty(buildResult(compiled), monteCarlo);
    expect(result.comparisons.same!.changesNothing).toBe(false);
    expect(result.comparisons.same!.paybackMonth).toBe(0);
    const summary = workbook.getWorksheet(sheetNames.summary)!;
    const found: { formula: string; result: unknown }[] = [];
    summary.eachRow((row) => {
      const cell = row.getCell(2);
      // exceljs gives a cached 0 as the cell's `result`, not in its value.
      if (String(row.getCell(1).value).trim().startsWith("Pays back in")) found.push({ formula: cell.formula, result: cell.result });
    });
    expect(found).toHaveLength(1);
    // It read "nothing to pay back", its formula checking the figures at the middle alone, where page 1 and `run` give month 0.
    expect(found[0]!.result).toBe(0);
    expect(found[0]!.formula).not.toContain("nothing to pay back");
  });

  it("gives it no chance of paying back nor of a gain on the Distribution snapshot: “n/a”, as run does", () => {
    const text = JSON.stringify(changesNothingCase(), null, 2);
    const validation = validateScenarioText(text);
    const compiled = validation.compiled!;
    const monteCarlo = new MonteCarlo(compiled, { samples: 500, seed: 1 }).runAll().summarise();
    const { workbook } = buildCaseWorkbook({ text, file: validation.file, compiled, monteCarlo });
    const snapshot = workbook.getWorksheet(sheetNames.distribution)!;
    const chances: Record<string, unknown[]> = {};
    snapshot.eachRow((row) => {
      const first = String(row.getCell(1).value ?? "");
      if (first.startsWith("  Pays back within") || first === "  Net present value above zero")
        chances[first.trim()] = [row.getCell(2).value, row.getCell(3).value];
    });
    expect(Object.keys(chances)).toEqual(["Pays back within 12 months", "Net present value above zero"]);
    // It read 100% ("over 99%") and 0% ("under 1%"): "New option" is the first alternative, "Better tools" the second.
    for (const [same, tools] of Object.values(chances)) {
      expect(same).toBe("n/a");
      expect(typeof tools).toBe("number");
    }
  });
});

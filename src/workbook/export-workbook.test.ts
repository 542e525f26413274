import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildResult, MonteCarlo, quantityKind, validateScenarioText, withUncertainty, type CompiledCase, type Leaf } from "../engine/index.js";
import { formatMoneyExact } from "../format/numbers.js";
import { buildCaseWorkbook, exportWorkbook } from "./export-workbook.js";
import { readWorkbook, worksheetPath, type Worksheet } from "./excel.js";
import { sheetNames } from "./sheet-names.js";
import { simulationRows } from "./simulation-rows.js";
import { scenarioRowsBefore } from "./worked-out-inputs.js";
import type { FormulaCheck } from "./sheet-writer.js";
import { LATE_START_CASE } from "../test-support/late-start-case.js";
import { oneOptionCase } from "../test-support/one-option-case.js";
import { withEdits } from "../test-support/scenario-text.js";
import { loadCase, workbookCases } from "./test-support/cases.js";
import { formulaResults, sameResult } from "./test-support/libreoffice.js";
import { lateStartMeetingsCase } from "../test-support/late-start-meetings-case.js";

function disagreements(checks: readonly FormulaCheck[]): string[] {
  return checks
    .filter((check) => !sameResult(check.engine, check.computed))
    .map((check) => `${check.cell} =${check.formula}: formula ${String(check.computed)}, engine ${check.engine}`);
}

describe("the workbook's formulas reproduce the engine", () => {
  for (const { name, path } of workbookCases()) {
    it(`${name}: every formula with an engine value computes that value`, () => {
      const { checks } = buildCaseWorkbook(loadCase(path));
      expect(checks.length).toBeGreaterThan(100);
      expect(disagreements(checks)).toEqual([]);
    });
  }

  it("holds for many variations of the edge-case fixture (property)", () => {
    const source = loadCase(workbookCases().find((entry) => entry.name === "edge-cases.yaml")!.path);
    const pointLeaves = source.compiled.leaves.map((leaf, index) => ({ leaf, index })).filter(({ leaf }) => !leaf.distribution);
    /** A value the file would allow for this leaf, from a random factor and a random share. */
    const vary = (leaf: Leaf, factor: number, share: number): number => {
      const kind = quantityKind(leaf.kind);
      if (leaf.kind === "month") return 1 + Math.floor(share * source.compiled.horizonMonths);
      if (kind.max <= 5) return Math.min(kind.max, Math.max(kind.exclusiveMin ? 0.05 : kind.min, kind.max === 1 ? share : leaf.value * factor));
      const value = leaf.name.endsWith("buildHours") ? 1 + leaf.value * factor : leaf.value * factor;
      return kind.integer ? Math.round(value) : Math.max(kind.exclusiveMin ? 1 : 0, value);
    };
    // Spreadsheets hold no subnormal numbers: a factor is 0 or at least 0.01.
    const factor = fc.double({ min: 0, max: 3, noNaN: true }).map((value) => (value < 0.01 ? 0 : value));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(factor, fc.double({ min: 0, max: 0.999, noNaN: true })), { minLength: pointLeaves.length, maxLength: pointLeaves.length }),
        (draws) => {
          const leaves = [...source.compiled.leaves];
          pointLeaves.forEach(({ leaf, index }, k) => {
            const [factor, share] = draws[k]!;
            leaves[index] = { ...leaf, value: vary(leaf, factor, share) };
          });
          const compiled: CompiledCase = { ...source.compiled, leaves, leafValues: Float64Array.from(leaves, (leaf) => leaf.value) };
          const { monteCarlo: _unused, ...rest } = source;
          expect(disagreements(buildCaseWorkbook({ ...rest, compiled }).checks)).toEqual([]);
        },
      ),
      { seed: 20_240_601, numRuns: 6 },
    );
  });
});

describe("the fixtures reach the branches the examples do not", () => {
  it("edge cases: overload, a later change, a yearly fee, several projects a month, a backlog that runs out", () => {
    const result = buildResult(loadCase(workbookCases().find((entry) => entry.name === "edge-cases.yaml")!.path).compiled);
    const months = (name: string) => result.scenarios[name]!.months;
    expect(months("today").some((month) => month.overloaded)).toBe(true);
    expect(months("today")[2]!.releases).toBe(2);
    expect(months("later")[2]!.externalSpend).toBeGreaterThan(0);
    expect(result.scenarios.later!.summary.initialInvestment).toBe(0);
    // Its own fees from its start in month 4, its yearly fee's year from then: months 4, 16, 28.
    expect([0, 1, 2].map((at) => months("later")[at]!.licences)).toEqual([0, 0, 0]);
    expect([3, 15, 27].map((at) => months("later")[at]!.licences)).toEqual([2450, 2450, 2450]);
    expect(months("later")[12]!.licences).toBe(50);
    expect(months("fast").some((month) => month.releases >= 2)).toBe(true);
    expect(result.scenarios.capped!.summary.projectsDelivered).toBe(3);
    expect(months("capped").some((month) => month.idleHours > 0 && month.canStartNewWork)).toBe(true);
  });

  it("short horizon: pays back at once, never, and ranges of every shape", () => {
    const source = loadCase(workbookCases().find((entry) => entry.name === "short-horizon.yaml")!.path);
    const result = buildResult(source.compiled);
    expect(result.comparisons.cheaper!.paybackMonth).toBe(0);
    expect(result.comparisons.pricey!.paybackMonth).toBeNull();
    expect(source.compiled.uncertainLeaves.length).toBeGreaterThanOrEqual(4);
  });
});

describe("the exported file", () => {
  it("refuses a too large amount in a yellow cell saying the largest allowed, as import does (it said only 'an amount of money ≥ 0' of 2e11)", async () => {
    const source = loadCase(workbookCases().find((entry) => entry.name === "seed.yaml")!.path);
    const sheet = (await readWorkbook(await exportWorkbook(source))).getWorksheet(sheetNames.assumptions)!;
    const errors = new Map<string, string | undefined>();
    sheet.eachRow((row) => {
      const path = Array.isArray(row.values) ? row.values.find((value) => typeof value === "string" && /^defaults\.[a-zA-Z.]+$/.test(value)) : undefined;
      if (typeof path !== "string") return;
      row.eachCell((cell) => {
        if (cell.dataValidation && !errors.has(path)) errors.set(path, cell.dataValidation.error);
      });
    });
    expect(errors.get("defaults.team.hourlyCost")).toBe("Allowed: an amount of money ≥ 0, at most 100,000,000,000.");
    expect(errors.get("defaults.projects.upkeepHoursPerMonth")).toBe("Allowed: hours, a number ≥ 0, at most 10,000,000.");
  });

  it("caches a result in every formula cell, asks for recalculation on load, and hides the stored scenario file", async () => {
    const source = loadCase(workbookCases().find((entry) => entry.name === "seed-uncertain.yaml")!.path);
    // exceljs does not read calcPr back, so the flag is checked on the workbook it writes.
    expect(buildCaseWorkbook(source).workbook.calcProperties.fullCalcOnLoad).toBe(true);
    const workbook = await readWorkbook(await exportWorkbook(source));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      sheetNames.summary,
      sheetNames.assumptions,
      sheetNames.maintenance,
      sheetNames.distribution,
      sheetNames.simulation,
      sheetNames.comparison,
      sheetNames.inputs,
      sheetNames.caseFile,
    ]);
    expect(workbook.getWorksheet(sheetNames.caseFile)!.state).toBe("veryHidden");
    const results = formulaResults(workbook);
    expect(results.size).toBeGreaterThan(1000);
    expect([...results].filter(([, value]) => value === undefined || value === null)).toEqual([]);
  });

  it("has a Distribution snapshot only when the case has ranges, and it holds values, not formulas", async () => {
    const plain = await readWorkbook(await exportWorkbook(loadCase(workbookCases().find((entry) => entry.name === "seed.yaml")!.path)));
    expect(plain.getWorksheet(sheetNames.distribution)).toBeUndefined();
    const ranged = await readWorkbook(await exportWorkbook(loadCase(workbookCases().find((entry) => entry.name === "seed-uncertain.yaml")!.path)));
    const snapshot = ranged.getWorksheet(sheetNames.distribution)!;
    expect(String(snapshot.getCell("A1").value)).toMatch(/values, not formulas/);
    expect([...formulaResults(ranged).keys()].filter((cell) => cell.startsWith(`${sheetNames.distribution}!`))).toEqual([]);
  });

  it("heads the band's middle column as the median of the outcomes, not 'middle', which the Summary's figures are at", async () => {
    const ranged = await readWorkbook(await exportWorkbook(loadCase(workbookCases().find((entry) => entry.name === "seed-uncertain.yaml")!.path)));
    const snapshot = ranged.getWorksheet(sheetNames.distribution)!;
    const headers: string[] = [];
    snapshot.eachRow((row) => {
      if (row.getCell(1).value === "Month") row.eachCell((cell) => headers.push(String(cell.value)));
    });
    // In the words of the percentiles' rows above it, where they read "…: 5%" and "…: 95%".
    expect(headers.slice(1, 4)).toEqual([
      "Every tool we want: 5% chance of less than",
      "Every tool we want: median (half the samples above, half below)",
      "Every tool we want: 5% chance of more than",
    ]);
    expect(headers.some((header) => header.endsWith(": middle"))).toBe(false);
    // The percentiles' rows too: it read "Middle (half the samples above, half below)".
    const labels: string[] = [];
    snapshot.eachRow((row) => labels.push(String(row.getCell(1).value ?? "").trim()));
    expect(labels.filter((label) => label.startsWith("Median (half the samples above, half below)"))).toHaveLength(2);
    expect(labels.some((label) => label.startsWith("Middle"))).toBe(false);
  });

  it("names the options that use each range, as voi does: three ranges of upkeep hours read alike before", async () => {
    const ranged = await readWorkbook(await exportWorkbook(loadCase(workbookCases().find((entry) => entry.name === "seed-uncertain.yaml")!.path)));
    const snapshot = ranged.getWorksheet(sheetNames.distribution)!;
    const labels = new Map<string, string>();
    snapshot.eachRow((row) => {
      const path = row.getCell(6).value;
      if (typeof path === "string" && /^(defaults|scenarios)\./.test(path)) labels.set(path, String(row.getCell(1).value).trim());
    });
    // Each read "Upkeep hours a month for each live project", told apart only by column F's path.
    expect(labels.get("defaults.projects.upkeepHoursPerMonth")).toBe("Upkeep hours a month for each live project (“Today”)");
    expect(labels.get("scenarios.optimal.projects.upkeepHoursPerMonth")).toBe("Upkeep hours a month for each live project (“Every tool we want”)");
    expect(labels.get("scenarios.compromise.projects.upkeepHoursPerMonth")).toBe("Upkeep hours a month for each live project (“What will be approved”)");
    // An input every option uses needs no names.
    expect(labels.get("defaults.projects.valuePerMonth")).toBe("What one live project earns or saves a month");
    expect(new Set(labels.values()).size).toBe(labels.size);
  });

  it("has none for a case without ranges sampled all the same (export --samples 100), as the report and the web app's export", async () => {
    const source = loadCase(workbookCases().find((entry) => entry.name === "seed.yaml")!.path);
    expect(source.compiled.uncertainLeaves).toEqual([]);
    const monteCarlo = new MonteCarlo(source.compiled, { samples: 100, seed: 1 }).runAll().summarise();
    // It had a snapshot "from 100 random samples … of the ranges on the Assumptions sheet", which has none.
    const { workbook } = buildCaseWorkbook({ ...source, monteCarlo });
    expect(workbook.getWorksheet(sheetNames.distribution)).toBeUndefined();
  });
});

describe("the Comparison sheet's time 0", () => {
  it("is the start of the plan: a change that starts in month 4 pays its up-front cash in month 3, not at time 0 'the day the change starts'", () => {
    const text = oneOptionCase("    change: { startMonth: 4, external: { consultants: 2000 } }\n    projects: { upkeepHoursPerMonth: 11 }\n");
    const validation = validateScenarioText(text);
    const compiled = validation.compiled!;
    const comparison = buildResult(compiled).comparisons.alt!;
    expect(comparison.timeZeroNet).toBe(0);
    expect(comparison.monthlyNetBenefit[2]).toBeCloseTo(-2000, 6);
    const { workbook } = buildCaseWorkbook({ text, file: validation.file, compiled });
    const sheet = workbook.getWorksheet(sheetNames.comparison)!;
    const subtitle = String(sheet.getCell("A2").value);
    expect(subtitle).not.toMatch(/time 0 is the day the change starts/i);
    expect(subtitle).toContain("Time 0 is the start of the plan, before month 1");
    expect(subtitle).toContain("one that starts later pays it in the month before it starts");
  });
});

describe("when the cash an option asks for is paid, on the Summary", () => {
  it("says the month, as run and the report's tables do ('€700 (month 5)'), and 'at the start' for cash paid at time 0", () => {
    const cases = [
      { change: "    change: { startMonth: 6, external: { consultants: 700 } }\n", month: 5, shown: "month 5" },
      { change: "    change: { external: { consultants: 700 } }\n", month: 0, shown: "at the start" },
    ];
    for (const { change, month, shown } of cases) {
      const text = oneOptionCase(`${change}    projects: { upkeepHoursPerMonth: 11 }\n`);
      const validation = validateScenarioText(text);
      const compiled = validation.compiled!;
      expect(buildResult(compiled).comparisons.alt!.investment).toMatchObject({ cash: 700, cashMonth: month });
      const { workbook, checks } = buildCaseWorkbook({ text, file: validation.file, compiled });
      expect(disagreements(checks)).toEqual([]);
      const summary = workbook.getWorksheet(sheetNames.summary)!;
      let cashRow = 0;
      summary.eachRow((row, number) => {
        if (String(row.getCell(1).value).trim() === "Cash paid up front (and before a later change starts)") cashRow = number;
      });
      // It gave €700 for a change starting in month 6 without its month.
      expect(String(summary.getCell(cashRow + 1, 1).value).trim()).toBe(
        "When that cash is paid (month m: at the end of month m, before a later change starts)",
      );
      const when = summary.getCell(cashRow + 1, 2);
      // A cached 0 is left out of the file (a spreadsheet reads an empty result as 0).
      expect((when.value as { result?: unknown }).result ?? 0).toBe(month);
      expect(when.numFmt).toBe('[<0.5]"at the start";"month "0');
      expect(month < 0.5 ? "at the start" : `month ${month}`).toBe(shown);
      // The Inputs by scenario sheet's time-0 line says it holds 0 for a change that starts later.
      const inputs = workbook.getWorksheet(sheetNames.inputs)!;
      let label = "";
      inputs.eachRow((row) => {
        const text = String(row.getCell(1).value).trim();
        if (text.startsWith("Paid up front")) label = text;
      });
      expect(label).toContain("when the change starts in month 1; one that starts later pays in the month before it starts: 0 here");
    }
  });
});

describe("when the cash is paid against today's own later change, on the Summary", () => {
  it("works out the month under a minus, and 'in parts', as run does ('-€5,000 (month 3)', '-€3,000 (in parts)')", () => {
    const text = LATE_START_CASE.replace("    change: { startMonth: 6, external: { consultants: 700 } }\n", "").replace(
      "  current:\n    label: Today\n",
      "  current:\n    label: Today\n    change: { startMonth: 4, external: { consultants: 5000 } }\n",
    );
    const validation = validateScenarioText(text);
    const compiled = validation.compiled!;
    const result = buildResult(compiled);
    expect(result.comparisons.compromise!.investment).toMatchObject({ cash: -5000, cashMonth: 3 });
    expect(result.comparisons.optimal!.investment).toMatchObject({ cash: -3000, cashMonth: null });
    const { workbook, checks } = buildCaseWorkbook({ text, file: validation.file, compiled });
    // The formulas' own values agree with the engine's: month 3, and "in parts".
    expect(disagreements(checks)).toEqual([]);
    const summary = workbook.getWorksheet(sheetNames.summary)!;
    const found: unknown[] = [];
    summary.eachRow((row) => {
      if (String(row.getCell(1).value).trim().startsWith("When that cash is paid"))
        for (const column of [2, 3]) found.push((row.getCell(column).value as { result?: unknown }).result);
    });
    expect(found.sort()).toEqual([3, "in parts"].sort());
  });
});

describe("the Distribution snapshot's payback months", () => {
  it("names the months by which a share of the samples has paid back, and one that share does not reach within the plan 'not within 12 months', never '5% chance of more than: never'", () => {
    // The seed with ranges, "Every tool we want" paying €4,500 of consultants: 84% of the samples pay back within the year.
    const source = loadCase(workbookCases().find((entry) => entry.name === "seed-uncertain.yaml")!.path);
    const text = withEdits(source.text, ["value: 2000", "value: 4500"]);
    const validation = validateScenarioText(text);
    const compiled = validation.compiled!;
    const monteCarlo = new MonteCarlo(compiled, { samples: 2000, seed: 1 }).runAll().summarise();
    const distribution = withUncertainty(buildResult(compiled), monteCarlo).comparisons.optimal!.distribution!;
    expect(distribution.probabilityPaysBack).toBeLessThan(0.95);
    expect(distribution.paybackMonth.p95).toBeNull();
    expect(distribution.paybackMonth.p50).not.toBeNull();
    const { workbook } = buildCaseWorkbook({ text, file: validation.file, compiled, monteCarlo });
    const rows: [string, unknown][] = [];
    workbook.getWorksheet(sheetNames.distribution)!.eachRow((row) => void rows.push([String(row.getCell(1).value).trim(), row.getCell(2).value]));
    const at = rows.findIndex(([label]) => label === "Pays back in");
    expect(rows.slice(at + 1, at + 4)).toEqual([
      ["5% of the samples have paid back by", distribution.paybackMonth.p5],
      ["Half the samples have paid back by", distribution.paybackMonth.p50],
      ["95% of the samples have paid back by", "not within 12 months"],
    ]);
    expect(rows.filter(([, value]) => value === "never")).toEqual([]);
  });
});

describe("the Summary's payback", () => {
  it("says an option that does not pay back by the plan's end pays back 'not within 7 months', as run, optimize and the report say it, not 'never'", () => {
    const source = loadCase(workbookCases().find((entry) => entry.name === "short-horizon.yaml")!.path);
    expect(buildResult(source.compiled).comparisons.pricey!.paybackMonth).toBeNull();
    const notWithin = `not within ${source.compiled.horizonMonths} months`;
    const summary = buildCaseWorkbook(source).workbook.getWorksheet(sheetNames.summary)!;
    const cells: unknown[] = [];
    summary.eachRow((row) => {
      if (String(row.getCell(1).value).trim().startsWith("Pays back in")) row.eachCell((cell, column) => void (column > 1 && cells.push(cell.value)));
    });
    const results = cells.map((value) => (value && typeof value === "object" && "result" in value ? value.result : value));
    expect(results).toContain(notWithin);
    expect(results).not.toContain("never");
    // The formula says the same when the spreadsheet works it out again.
    const formulas = cells.map((value) => (value && typeof value === "object" && "formula" in value ? String(value.formula) : ""));
    expect(formulas.join()).toContain(`"${notWithin}"`);
    expect(formulas.join()).not.toContain('"never"');
  });
});

describe("the Summary's money", () => {
  it("shows no red minus on a figure that is zero but for the last bits of a double (team.yaml's team pay left -1.2e-10)", () => {
    const residues: string[] = [];
    for (const { name, path } of workbookCases()) {
      const summary = buildCaseWorkbook(loadCase(path)).workbook.getWorksheet(sheetNames.summary)!;
      summary.eachRow((row) =>
        row.eachCell((cell) => {
          const value = cell.value;
          const result = typeof value === "object" && value !== null && "result" in value ? value.result : value;
          if (typeof result === "number" && result < 0 && result > -1e-6 && (cell.numFmt ?? "").includes("[Red]"))
            residues.push(`${name} ${cell.address}: ${result}`);
        }),
      );
    }
    expect(residues).toEqual([]);
  });
});

describe("the Summary's names", () => {
  it("call the NPV ÷ present value of the costs 'return on cost', as the report and the web app do, not 'return on investment' (the command line's 'ROI on our investment' is another figure)", () => {
    const { compiled, ...rest } = loadCase(workbookCases().find((entry) => entry.name === "edge-cases.yaml")!.path);
    const result = buildResult(compiled);
    const { workbook } = buildCaseWorkbook({ compiled, ...rest });
    const labels: string[] = [];
    for (const name of [sheetNames.summary, sheetNames.distribution])
      workbook
        .getWorksheet(name)
        ?.getColumn(1)
        .eachCell((cell) => labels.push(String(cell.value).trim()));
    expect(labels).toContain("Return on cost (NPV ÷ present value of the costs)");
    expect(labels.filter((label) => /return on investment/i.test(label))).toEqual([]);
    // Nor "the ROI" in the words around it: the figure the sheets name is the return on cost.
    const words: string[] = [];
    for (const name of [sheetNames.summary, sheetNames.comparison])
      workbook.getWorksheet(name)!.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === "string" && words.push(cell.value))));
    expect(words.filter((text) => /\bROI\b/.test(text))).toEqual([]);
    // The two figures differ: the one on the Summary is the result's roi, not conventions.roiOnInvestment.
    const comparison = Object.values(result.comparisons).find((entry) => entry.roi !== null && entry.conventions.roiOnInvestment !== null);
    if (comparison) expect(comparison.roi).not.toBeCloseTo(comparison.conventions.roiOnInvestment!, 6);
  });
});

/** The workbook of seed-uncertain.yaml as `edit` changes it, with a Monte Carlo of 200 samples. */
function uncertainWorkbook(edit: (text: string) => string) {
  const text = edit(loadCase(workbookCases().find((entry) => entry.name === "seed-uncertain.yaml")!.path).text);
  const validation = validateScenarioText(text);
  const compiled = validation.compiled!;
  const monteCarlo = new MonteCarlo(compiled, { samples: 200, seed: 1 }).runAll().summarise();
  return buildCaseWorkbook({ text, file: validation.file, compiled, monteCarlo }).workbook;
}

describe("a return on cost close to −100%", () => {
  it("reads as run and the report write it (-99.999…%), never '-100%', on the Summary and the Distribution snapshot", () => {
    // A licence of 3.6 billion a year: the benefits are a sliver of the costs, nothing like none.
    const workbook = uncertainWorkbook((text) => withEdits(text, ["value: 3600\n", "value: 3600000000\n"]));
    const shown: string[] = [];
    for (const name of [sheetNames.summary, sheetNames.distribution]) {
      let returns = false;
      workbook.getWorksheet(name)!.eachRow((row) => {
        const label = String(row.getCell(1).value ?? "").trim();
        if (/^Return on cost/.test(label)) returns = true;
        else if (!label.startsWith("5%") && !label.startsWith("Half") && !label.startsWith("95%") && !/ chance|^In \d/.test(label)) returns = false;
        if (!returns) return;
        row.eachCell((cell) => {
          const value = typeof cell.value === "object" && cell.value !== null && "result" in cell.value ? cell.value.result : cell.value;
          if (typeof value !== "number") return;
          const decimals = /\.(0+)%$/.exec(cell.numFmt ?? "")?.[1]?.length ?? 0;
          shown.push(`${name} ${cell.address}: ${(value * 100).toFixed(decimals)}%`);
        });
      });
    }
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.filter((text) => /: -100%$/.test(text))).toEqual([]);
    expect(shown.some((text) => /: -99\.9+\d*%$/.test(text))).toBe(true);
  });
});

describe("a discount rate of 0%", () => {
  it("says on the Summary that nothing is discounted, so the NPV is the net benefit added up, not that each month's is 'discounted'", () => {
    const texts = (workbook: ReturnType<typeof uncertainWorkbook>) => {
      const found: string[] = [];
      // The note is merged across the page: its text is its first cell's.
      workbook
        .getWorksheet(sheetNames.summary)!
        .eachRow((row) => row.eachCell((cell) => void (typeof cell.value === "string" && cell.master.address === cell.address && found.push(cell.value))));
      return found.filter((text) => text.startsWith("How to read this"));
    };
    // The NPV counts the cash paid at the start too: the row "without the cash paid at the start" is apart.
    const zero = uncertainWorkbook((text) => text.replace(/^discountRate:.*\n(?: {2}.*\n)*/m, "discountRate: 0\n"));
    // The return on cost divides by the running costs above today's too, as the report's method note says
    // (returnOnCostDivisorWords) and the row "Present value of the costs" counts them: it read "divides it
    // by the (present value of the) extra cash and team hours the change takes".
    expect(texts(zero)).toEqual([
      "How to read this: at the case's rate of 0% a year nothing is discounted, so the NPV is each month's net benefit added up, less the extra cash paid at the start, and the return on cost divides it by what the option costs more than today: each month, every running cost by which it spends more than today (licences, infrastructure, support staff, training, hours bought in and the like), the team time it takes to make the change, and its extra cash up front; a rate above 0% on the Assumptions sheet discounts both.",
    ]);
    expect(texts(uncertainWorkbook((text) => text))).toEqual([
      "How to read this: the NPV adds each month's net benefit, discounted, less the extra cash paid at the start (not discounted); the return on cost divides it by what the option costs more than today, in today's money: each month, every running cost by which it spends more than today (licences, infrastructure, support staff, training, hours bought in and the like), the team time it takes to make the change, and its extra cash up front.",
    ]);
  });
});

describe("a plan of one month", () => {
  it("says '1 month', not '1 months', and 'the plan's one month', not 'the 1 month', on the Summary and the Distribution snapshot", () => {
    const workbook = uncertainWorkbook((text) => text.replace("horizonMonths: 12", "horizonMonths: 1").replace("months: [4, 7, 10]", "months: [1]"));
    const texts: string[] = [];
    for (const name of [sheetNames.summary, sheetNames.distribution])
      workbook.getWorksheet(name)!.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === "string" && texts.push(cell.value))));
    expect(texts.filter((value) => /\b1 months\b/.test(value))).toEqual([]);
    // "the plan's one month", as page 1 says it (docs/numbers.md), not "the 1 month".
    expect(texts.filter((value) => /\bthe 1 month\b/.test(value))).toEqual([]);
    expect(texts).toContain("  Net benefit of month 1, not discounted, without the cash paid at the start");
    expect(texts.some((value) => value.includes("over 1 month, in"))).toBe(true);
    expect(texts).toContain("  Pays back within 1 month");
  });
});

describe("the last year's net benefit on the Summary", () => {
  // One option paying €2,000 of consultants at the start, over a plan of a year or less.
  const summaryLines = (months: number) => {
    let text = oneOptionCase("    change: { external: { consultants: 2000 } }\n    projects: { upkeepHoursPerMonth: 11 }\n");
    if (months !== 12) text = withEdits(text, ["horizonMonths: 12", `horizonMonths: ${months}`], ["months: [4, 7, 10]", "months: [1]"]);
    const validation = validateScenarioText(text);
    const compiled = validation.compiled!;
    const { workbook } = buildCaseWorkbook({ text, file: validation.file, compiled });
    const lines = new Map<string, unknown>();
    workbook.getWorksheet(sheetNames.summary)!.eachRow((row) => {
      const label = row.getCell(1).value;
      if (typeof label === "string") lines.set(label.trim(), row.getCell(2).result);
    });
    return { lines, comparison: buildResult(compiled).comparisons.alt! };
  };

  it("says it leaves out the cash paid at the start, where the line above it, over the same months, holds it", () => {
    for (const months of [12, 6, 1]) {
      const { lines, comparison } = summaryLines(months);
      expect(comparison.timeZeroNet).toBe(-2000);
      expect(lines.get("Net benefit over the whole horizon, not discounted")).toBeCloseTo(comparison.totalNetBenefit, 6);
      const lastYear = [...lines.keys()].filter((label) => label.startsWith("Net benefit") && label !== "Net benefit over the whole horizon, not discounted");
      // The words run uses under its table (lastYearWords), not "the last twelve months" or "(the whole horizon)" for a figure €2,000 away from the whole horizon's.
      const span = months === 1 ? "month 1" : `months 1 to ${months}`;
      expect(lastYear).toEqual([`Net benefit of ${span}, not discounted, without the cash paid at the start`]);
      expect(lines.get(lastYear[0]!)).toBeCloseTo(comparison.benefitLastTwelveMonths, 6);
      expect(comparison.benefitLastTwelveMonths).toBeCloseTo(comparison.totalNetBenefit + 2000, 6);
    }
  });
});

describe("what the month sheets show", () => {
  // The files as written (the month sheets are streamed, not kept as the library's cells).
  const exported = async (name: string) => readWorkbook(await exportWorkbook(loadCase(workbookCases().find((entry) => entry.name === name)!.path)));
  const resultOf = (value: unknown) => (typeof value === "object" && value !== null && "result" in value ? value.result : value);

  it("no amount is wider than its column (a spreadsheet shows ### for it): the DORA 2020 peer's millions a month", async () => {
    const tooNarrow: string[] = [];
    for (const name of ["peers-dora-2020-elite-large.yaml", "peers-dora-ai-roi-calculator.yaml", "enterprise.yaml"]) {
      const source = loadCase(workbookCases().find((entry) => entry.name === name)!.path);
      const workbook = await exported(name);
      for (const sheet of [sheetNames.simulation, sheetNames.comparison, sheetNames.summary]) {
        const worksheet = workbook.getWorksheet(sheet)!;
        worksheet.eachRow((row) =>
          row.eachCell((cell) => {
            const value = resultOf(cell.value);
            if (typeof value !== "number" || !(cell.numFmt ?? "").includes("#,##0;")) return;
            // The money format writes what formatMoneyExact writes ("-US$6,281,306"); a character more for the cell's margins.
            const shown = formatMoneyExact(value, source.compiled.currency);
            const width = worksheet.getColumn(cell.col).width ?? 9;
            if (width < shown.length + 1) tooNarrow.push(`${name} ${sheet}!${cell.address}: ${shown} in a column ${width} wide`);
          }),
        );
      }
    }
    expect(tooNarrow.slice(0, 10)).toEqual([]);
  });

  it("a total that cancels out shows no red minus (enterprise.yaml's work in progress added up to -2.9e-11)", async () => {
    const residues: string[] = [];
    for (const name of ["enterprise.yaml", "team.yaml"]) {
      const simulation = (await exported(name)).getWorksheet(sheetNames.simulation)!;
      simulation.eachRow((row) =>
        row.eachCell((cell) => {
          const value = resultOf(cell.value);
          if (typeof value === "number" && value < 0 && value > -1e-6 && (cell.numFmt ?? "").includes("[Red]"))
            residues.push(`${name} ${cell.address}: ${value}`);
        }),
      );
    }
    expect(residues).toEqual([]);
  });
});

describe("the change's months in the workbook", () => {
  it("calls the month that ends the setup and learning what it is, not the end of the change page 1 and run --json count (with the dip and staff alongside)", () => {
    const row = scenarioRowsBefore.find((entry) => entry.name === "changeEndsMonth")!;
    // It said "Last month of the change": 4 for a setup over months 2–4 followed by a dip, where summary.changeEndMonth says 6.
    expect(row.label).toBe("Last month of the setup and learning");
    const labels = simulationRows(true, true).map((entry) => entry.label);
    expect(labels).toContain("Setup and learning under way");
    expect(labels).not.toContain("The change is under way");
  });
});

describe("the cost rows' labels in the Simulation sheet", () => {
  it("say the monthly amounts as well as the yearly ones where the formula adds both", () => {
    const label = (name: string) => simulationRows(true, true).find((entry) => entry.key === name)!.label;
    // It said "Licences (a yearly fee at the start of each licence year: ...)" beside €1,800 of monthly fees every month.
    expect(label("licences")).toMatch(/^Licences \(monthly fees, and a yearly fee at the start of each licence year: month 1/);
    // It said only "Cloud and infrastructure", and "Recurring training (at the start of each year)" without the change's year.
    expect(label("infrastructure")).toMatch(/^Cloud and infrastructure \(monthly costs, and yearly costs at the start of each infrastructure year: month 1/);
    expect(label("training")).toMatch(/^Recurring training \(a yearly cost at the start of each training year: month 1, .*the change's start month/);
  });
});

describe("shared cell styles", () => {
  it("a change to one cell's look stays in that cell: built-in values' notes are italic, every other note is not", async () => {
    for (const { name, path } of workbookCases()) {
      const source = loadCase(path);
      const workbook = await readWorkbook(await exportWorkbook(source));
      const sheet = workbook.getWorksheet(sheetNames.assumptions)!;
      const builtIn = new Set(source.compiled.leaves.filter((leaf) => leaf.builtIn).map((leaf) => leaf.name));
      let rows = 0;
      for (let row = 6; row <= sheet.rowCount; row++) {
        const inputPath = sheet.getCell(row, 9).value;
        if (typeof inputPath !== "string" || !source.compiled.leaves.some((leaf) => leaf.name === inputPath)) continue;
        rows++;
        const note = sheet.getCell(row, 8);
        expect([name, inputPath, note.font?.italic === true]).toEqual([name, inputPath, builtIn.has(inputPath)]);
        expect(note.alignment?.wrapText).toBe(true);
        // The path column shares the "unit" style with the unit column: untouched by the note's changes.
        expect(sheet.getCell(row, 9).font?.italic ?? false).toBe(false);
      }
      expect(rows).toBe(source.compiled.leaves.length);
    }
  });
});

describe("the workbook's percentages", () => {
  it("group thousands as run writes them: DORA's elite ROI of 1,083% read 1083% on the Summary sheet", () => {
    const ungrouped: string[] = [];
    let large = 0;
    for (const { name, path } of workbookCases()) {
      buildCaseWorkbook(loadCase(path)).workbook.eachSheet((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            const format = cell.numFmt ?? "";
            if (!format.includes("%")) return;
            const value = typeof cell.value === "number" ? cell.value : (cell.value as { result?: unknown } | null)?.result;
            if (typeof value !== "number" || Math.abs(value) < 9.995) return;
            large++;
            // Every section that writes the digits groups them, as "#,##0%" does.
            if (!format.split(";").every((section) => !/[0#]%/.test(section) || section.includes("#,##0")))
              ungrouped.push(`${name} ${sheet.name}!${cell.address} ${value} as ${format}`);
          }),
        ),
      );
    }
    expect(large).toBeGreaterThan(0);
    expect(ungrouped).toEqual([]);
  });
});

describe("the Assumptions sheet of a small money input in a currency with other than two decimals", () => {
  it.each([
    // 0.4 dinars a month showed 0.40, not 0.400: to the fils, as the report writes it.
    ["KWD", "#,##0.000"],
    // 0.4 yen a month showed 0, which reads as free: its cents are kept.
    ["JPY", "#,##0.00"],
  ])("in %s writes 0.4 and 2.5 with the format %s", (currency, format) => {
    const seed = workbookCases().find((entry) => entry.name === "seed-uncertain.yaml")!.path;
    const text = readFileSync(seed, "utf8")
      .replace("currency: EUR", `currency: ${currency}`)
      .replace("value: 150\n", "value: 0.4\n")
      .replace("low: 1500\n", "low: 2.5\n");
    const folder = mkdtempSync(join(tmpdir(), "mlops-roi-decimals-"));
    try {
      const file = join(folder, "case.yaml");
      writeFileSync(file, text);
      const sheet = buildCaseWorkbook(loadCase(file)).workbook.getWorksheet(sheetNames.assumptions)!;
      const formats = new Map<number, string>();
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.value === 0.4 || cell.value === 2.5) formats.set(cell.value, cell.numFmt ?? "");
        }),
      );
      expect(formats).toEqual(
        new Map([
          [0.4, format],
          [2.5, format],
        ]),
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("the Assumptions sheet of a case in yen", () => {
  it("shows money inputs to the yen, as every other yen figure: 6,000.50 read with two decimals", () => {
    const seed = workbookCases().find((entry) => entry.name === "seed-uncertain.yaml")!.path;
    const text = readFileSync(seed, "utf8")
      .replace("currency: EUR", "currency: JPY")
      .replace("value: 60\n", "value: 6000.5\n")
      .replace("low: 1500\n", "low: 1500.5\n");
    const folder = mkdtempSync(join(tmpdir(), "mlops-roi-yen-"));
    try {
      const file = join(folder, "yen.yaml");
      writeFileSync(file, text);
      const source = loadCase(file);
      expect(source.compiled.currency).toBe("JPY");
      const sheet = buildCaseWorkbook(source).workbook.getWorksheet(sheetNames.assumptions)!;
      const cents: string[] = [];
      let money = 0;
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.value === 6000.5 || cell.value === 1500.5) money++;
          if (/\.00/.test(cell.numFmt ?? "")) cents.push(`${cell.address} ${String(cell.value)} as ${cell.numFmt}`);
        }),
      );
      expect(money).toBe(2);
      expect(cents).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("the Assumptions sheet's ranges", () => {
  it("shows whole ends without cents and a money middle as precise as its ends: team.yaml's €1,500 to €4,000 read 1,500.00 and 4,000.00", () => {
    const formats: string[] = [];
    for (const { name, path } of workbookCases()) {
      const source = loadCase(path);
      const sheet = buildCaseWorkbook(source).workbook.getWorksheet(sheetNames.assumptions)!;
      for (let row = 6; row <= sheet.rowCount; row++) {
        const leaf = source.compiled.leaves.find((candidate) => candidate.name === sheet.getCell(row, 9).value);
        if (!leaf?.distribution) continue;
        for (const column of [2, 4]) {
          const cell = sheet.getCell(row, column);
          const value = typeof cell.value === "number" ? cell.value : Number.NaN;
          // Whole to twelve figures (a worked-out end such as 1499.9999999999986 is the file's 1,500) shows no decimals.
          if (Number.isInteger(Number(value.toPrecision(12))) && /0\.0|\.00/.test(cell.numFmt ?? ""))
            formats.push(`${name} ${cell.address} ${value} as ${cell.numFmt}`);
        }
        const likely = sheet.getCell(row, 3);
        if (quantityKind(leaf.kind).unit === "money" && /\.00/.test(likely.numFmt ?? "")) formats.push(`${name} ${likely.address} as ${likely.numFmt}`);
      }
    }
    expect(formats).toEqual([]);
  });
});

describe("the printed Summary", () => {
  it("starts the capacity table on a page of its own, under its own header, not the alternatives' (repeated rows named the wrong columns)", () => {
    const summary = buildCaseWorkbook(loadCase(workbookCases().find((entry) => entry.name === "team.yaml")!.path)).workbook.getWorksheet(sheetNames.summary)!;
    let capacityRow = 0;
    summary.eachRow((row, number) => {
      if (row.getCell(1).value === "Capacity, per scenario") capacityRow = number;
    });
    expect(capacityRow).toBeGreaterThan(0);
    // exceljs keeps the page breaks it writes in `rowBreaks`, which the narrowed Worksheet type leaves out.
    const breaks = (summary as unknown as { rowBreaks: { id: number }[] }).rowBreaks;
    expect(breaks.map((entry) => entry.id)).toEqual([capacityRow - 1]);
    expect(summary.pageSetup.printTitlesRow).toBeUndefined();
  });
});

describe("the Summary's capacity table", () => {
  it("counts the months without time for new work before it stops for good: 'never' beside no count read as 'every month'", () => {
    const summary = buildCaseWorkbook(loadCase(workbookCases().find((entry) => entry.name === "team.yaml")!.path)).workbook.getWorksheet(sheetNames.summary)!;
    const rows = new Map<string, unknown[]>();
    summary.eachRow((row) => {
      // cell.result, not cell.value.result: exceljs's value copy drops a result of 0.
      const cells = [2, 3, 4, 5].map((column) => {
        const cell = row.getCell(column);
        return cell.value !== null && typeof cell.value === "object" && "formula" in cell.value ? cell.result : cell.value;
      });
      rows.set(String(row.getCell(1).value ?? "").trim(), cells);
    });
    // Today, "Open-source stack", "Managed platform", "Compromise": run's capacity table reads "month 10",
    // then "never (no room in months 1–4)", "never (no room in months 1–3)", "never (no room in months 1–3)".
    // "never" says the months without room, as run does, where it read "never" above the count.
    expect(rows.get("New work can no longer start from month")).toEqual([
      10,
      "never (no room in 4 of the months)",
      "never (no room in 3 of the months)",
      "never (no room in 3 of the months)",
    ]);
    expect(rows.get("Months before then with no time to start new work")).toEqual([0, 4, 3, 3]);
  });
});

describe("the Assumptions sheet's 'Used by' column", () => {
  it("names every scenario for the risk adjustment's two shares, as for the discount rate, not 'none (each scenario sets its own)'", async () => {
    const text = [
      "title: TEI",
      "currency: USD",
      "horizonMonths: 36",
      "discountRate: 0.1",
      "riskAdjustment: { benefits: 0.1, costs: 0.05 }",
      "baseline: today",
      "defaults:",
      "  team: { people: 1, hoursPerMonth: 160, hourlyCost: 50 }",
      "  projects: { upkeepHoursPerMonth: 0 }",
      "  releases: { mode: schedule }",
      "scenarios:",
      "  today: { label: Today, meetings: { hoursPerPersonPerMonth: 60 } }",
      "  tooling: { label: Tooling, meetings: { hoursPerPersonPerMonth: 0 }, tooling: { licences: { flatPerYear: 6000 } } }",
      "",
    ].join("\n");
    const validation = validateScenarioText(text);
    const workbook = await readWorkbook(await exportWorkbook({ text, file: validation.file!, compiled: validation.compiled! }));
    const sheet = workbook.getWorksheet(sheetNames.assumptions)!;
    const usedBy = new Map<string, string>();
    sheet.eachRow((row) => {
      const values = row.values as unknown[];
      usedBy.set(String(values[1] ?? "").trim(), String(values[7] ?? ""));
    });
    expect(usedBy.get("Share cut from every benefit for risk")).toBe("Today, Tooling");
    expect(usedBy.get("Share added to every cost for risk")).toBe("Today, Tooling");
    expect(usedBy.get("Yearly discount rate (the value of money over time)")).toBe("Today, Tooling");
  });

  it("names an option that reads today's input before its change is in place (docs/numbers.md), saying so", async () => {
    // Today's meetings were "Today" only, though Tooling works today's way until its month 4 start.
    const text = lateStartMeetingsCase();
    const validation = validateScenarioText(text);
    const workbook = await readWorkbook(await exportWorkbook({ text, file: validation.file!, compiled: validation.compiled! }));
    const sheet = workbook.getWorksheet(sheetNames.assumptions)!;
    const usedBy = new Map<string, string>();
    sheet.eachRow((row) => {
      const values = row.values as unknown[];
      usedBy.set(String(values[9] ?? "").trim(), String(values[7] ?? ""));
    });
    expect(usedBy.get("scenarios.today.meetings.hoursPerPersonPerMonth")).toBe("Today, Tooling (before its change)");
    expect(usedBy.get("scenarios.tooling.meetings.hoursPerPersonPerMonth")).toBe("Tooling");
  });
});

describe("an hour's cost on the Summary and the Inputs by scenario sheets", () => {
  /** The figure a cell shows with its money format's decimals (the number part of '"€"#,##0.00;…'). */
  const shown = (cell: { value: unknown; numFmt?: string }): string => {
    const value = typeof cell.value === "number" ? cell.value : (cell.value as { result?: unknown } | null)?.result;
    const decimals = /#,##0(?:\.(0+))?/.exec(cell.numFmt ?? "")?.[1]?.length ?? 0;
    return typeof value === "number" ? value.toFixed(decimals) : String(value);
  };
  /** The cell in `column` (the first scenario's) of every row whose label is one of `labels`, as shown. */
  const rowsShown = (sheet: Worksheet, labels: readonly string[], column: number): string[] => {
    const found: string[] = [];
    sheet.eachRow((row) => {
      if (labels.includes(String(row.getCell(1).value).trim())) found.push(shown(row.getCell(column)));
    });
    return found;
  };

  it.each([
    // €58.75 an hour read €59 on both sheets, while the formulas priced every hour at 58.75.
    ["EUR", "value: 58.75,", "58.75"],
    // 60.5 dinars read KWD 61: to the fils, as the Assumptions sheet and the report write it.
    ["KWD", "value: 60.5,", "60.500"],
    // The yen has no minor unit: JP¥6,001, as every yen figure.
    ["JPY", "value: 6000.5,", "6001"],
  ])("in %s, an hourly cost given as '%s' shows %s where the formulas use it", (currency, given, expected) => {
    const text = readFileSync(workbookCases().find((entry) => entry.name === "team.yaml")!.path, "utf8")
      .replace("currency: EUR", `currency: ${currency}`)
      .replace("hourlyCost: { value: 60,", `hourlyCost: { ${given}`);
    const validation = validateScenarioText(text);
    const compiled = validation.compiled!;
    expect(compiled.currency).toBe(currency);
    const { workbook } = buildCaseWorkbook({ text, file: validation.file, compiled });
    expect(rowsShown(workbook.getWorksheet(sheetNames.summary)!, ["Cost of one hour of the team"], 2)).toEqual([expected]);
    expect(rowsShown(workbook.getWorksheet(sheetNames.inputs)!, ["Cost of one hour of the team's time", "Cost of one hour of the team"], 3)).toEqual([
      expected,
      expected,
    ]);
  });

  it("shows a loaded rate worked out from a salary to the cent: enterprise.yaml's 108,020 × 1.43 ÷ 2,080 = 74.26, not 74", () => {
    const { workbook, checks } = buildCaseWorkbook(loadCase(workbookCases().find((entry) => entry.name === "enterprise.yaml")!.path));
    expect(disagreements(checks)).toEqual([]);
    expect(rowsShown(workbook.getWorksheet(sheetNames.summary)!, ["Cost of one hour of the team"], 2)).toEqual(["74.26"]);
    expect(rowsShown(workbook.getWorksheet(sheetNames.inputs)!, ["Cost of one hour of the team"], 3)).toEqual(["74.26"]);
  });
});

describe("the file as written caches every formula's value", () => {
  /** XML character data as text (the file escapes &, < and >; a formula's text result may hold them). */
  const unescaped = (text: string) =>
    text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&quot;", '"').replaceAll("&apos;", "'").replaceAll("&amp;", "&");

  it("every formula cell of every sheet has a <v>, the engine's figure where it has one, 0 included (a viewer that does not recalculate shows it)", async () => {
    const folder = mkdtempSync(join(tmpdir(), "mlops-roi-cached-"));
    try {
      let zeros = 0;
      for (const { name, path } of workbookCases()) {
        const source = loadCase(path);
        const { workbook, checks } = buildCaseWorkbook(source);
        const file = join(folder, `${name}.xlsx`);
        // As export writes it (the month sheets streamed), read back as the XML a viewer reads.
        writeFileSync(file, await exportWorkbook(source));
        const engineOf = new Map(checks.map((check) => [check.cell, check.engine]));
        const problems: string[] = [];
        let formulas = 0;
        workbook.eachSheet((sheet) => {
          const xml = execFileSync("unzip", ["-p", file, worksheetPath(sheet)], { encoding: "utf8", maxBuffer: 1 << 30 });
          for (const cell of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
            const [, address, attributes, content = ""] = cell;
            if (!content.includes("<f")) continue;
            formulas++;
            const where = `${name} ${sheet.name}!${address}`;
            const cached = /<v>([^<]*)<\/v>/.exec(content)?.[1];
            if (cached === undefined || cached === "") {
              problems.push(`${where}: no cached value`);
              continue;
            }
            const engine = engineOf.get(`${sheet.name}!${address}`);
            if (engine === undefined) continue;
            const value = typeof engine === "number" && !attributes!.includes('t="str"') ? Number(cached) : unescaped(cached);
            if (engine === 0) zeros++;
            if (!sameResult(engine, value)) problems.push(`${where}: cached ${cached}, engine ${engine}`);
          }
        });
        expect(formulas).toBeGreaterThan(100);
        expect(problems.slice(0, 5)).toEqual([]);
      }
      // The engine's zeros are among them (months with no cost, categories that cancel out).
      expect(zeros).toBeGreaterThan(100);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("the Distribution snapshot's ranges behind it", () => {
  it("write each range's ends in the input's unit, as the report's appendix does: the discount rate's 4% to 12%, not 0.04 to 0.12", () => {
    const texts = (name: string): string[] => {
      const sheet = buildCaseWorkbook(loadCase(workbookCases().find((entry) => entry.name === name)!.path)).workbook.getWorksheet(sheetNames.distribution)!;
      const found: string[] = [];
      sheet.eachRow((row) => {
        const range = row.getCell(5).value;
        if (typeof range === "string" && range.startsWith("90% range")) found.push(range);
      });
      return found;
    };
    // They read "90% range, 0.04 to 0.12" beside cells showing 4% and 12%, and "1500 to 4000" beside 1,500 and 4,000.
    expect(texts("short-horizon.yaml")).toContain("90% range, 4% a year to 12% a year");
    expect(texts("team.yaml")).toEqual(["90% range, 15 minutes to 25 minutes", "90% range, €1,500 a month to €4,000 a month"]);
  });
});

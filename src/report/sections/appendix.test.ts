import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BUILT_IN_NOTE, buildResult, builtInCatalogue, validateScenarioText, type CaseResult } from "../../engine/index.js";
import type { ReportContext } from "../context.js";
import { formatMoney } from "../../format/numbers.js";
import { onlyBeforeChangeAside, paybackRuleWords, usedByName } from "../../format/words.js";
import { textOf } from "../report-text.js";
import { formatWithUnit, multiplierText, usedByOf } from "./appendix-rows.js";
import { assumptionsSection } from "./assumptions.js";

const examples = new URL("../../../examples/", import.meta.url);
const exampleFiles = [
  ...readdirSync(examples).filter((name) => name.endsWith(".yaml")),
  ...readdirSync(new URL("peers/", examples))
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => `peers/${name}`),
];

function resultOf(text: string): CaseResult {
  const { compiled, issues } = validateScenarioText(text);
  if (!compiled) throw new Error(JSON.stringify(issues));
  return buildResult(compiled);
}

/** The appendix alone: it needs the result and the options' labels, no chart. */
function appendixOf(result: CaseResult): string {
  const context = {
    result,
    ranges: result.assumptions.some((assumption) => assumption.range) ? "notSampled" : "none",
    charts: { teamHours: "", liveProjects: "" },
    label: (name: string) => result.scenarios[name]?.label ?? name,
    money: (value: number) => formatMoney(value, result.currency),
  } satisfies ReportContext;
  return assumptionsSection.render(context);
}

interface Row {
  input: string;
  cells: string[];
  /** The capability's heading, for a row of the catalogue's table. */
  heading?: string;
}

/** Text as read: the spaces `textOf` leaves where markup was are taken out before punctuation. */
const decode = (html: string) =>
  textOf(html)
    .replace(/\s+([,”*])/g, "$1")
    .replace(/“\s+/g, "“");

/** Every row of the appendix's tables that stands for an input, with its cells as text. */
function rowsOf(html: string): Row[] {
  const rows: Row[] = [];
  for (const body of html.split(/<tbody/).slice(1)) {
    const heading = /<tr class="capability"><th colspan="3">([\s\S]*?)<\/th><\/tr>/.exec(body)?.[1];
    for (const match of body.matchAll(/<tr data-input="([^"]*)">([\s\S]*?)<\/tr>/g)) {
      const cells = [...match[2]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => cell[1]!);
      rows.push({ input: decode(match[1]!), cells, ...(heading !== undefined ? { heading } : {}) });
    }
  }
  return rows;
}

/** A cell's text without the grey lines under it (the place in the file, the middle of a range). */
const mainLine = (cell: string) => decode(cell.replace(/<div class="path">[\s\S]*?<\/div>/g, ""));

describe.each(exampleFiles)("the appendix of examples/%s", (file) => {
  const result = resultOf(readFileSync(new URL(file, examples), "utf8"));
  const html = appendixOf(result);
  const rows = rowsOf(html);
  const byInput = new Map(result.assumptions.map((assumption) => [assumption.input, assumption]));
  const labelOf = (name: string) => result.scenarios[name]!.label;
  const everyone = Object.keys(result.scenarios);

  it("has one row for every input of run --json", () => {
    expect(rows.map((row) => row.input).sort()).toEqual(result.assumptions.map((assumption) => assumption.input).sort());
  });

  it("says an input is used by all options only when run --json's usedBy lists every one, and otherwise names exactly those it lists", () => {
    for (const row of rows.filter((candidate) => candidate.heading === undefined)) {
      const usedBy = byInput.get(row.input)!.usedBy;
      // Options that read it only before their change is in place are named so (docs/numbers.md).
      const onlyBefore = byInput.get(row.input)!.usedOnlyBeforeChangeBy ?? [];
      const said = mainLine(row.cells[2]!).replace("( ", "(");
      if (/\ball\b|\bboth options( \(.*\))?$/.test(said)) {
        expect([row.input, everyone.every((name) => usedBy.includes(name))]).toEqual([row.input, true]);
        // "and all 2 options" read oddly: two are "both".
        const all =
          everyone.length === 3 ? `${labelOf(result.baseline)} and both options` : `${labelOf(result.baseline)} and all ${everyone.length - 1} options`;
        const before = everyone.filter((name) => onlyBefore.includes(name)).map(labelOf);
        expect(said).toBe(before.length === 0 ? all : `${all} (${onlyBeforeChangeAside(before)})`);
      } else if (said === "no option") {
        expect(usedBy).toEqual([]);
      } else {
        expect([row.input, said]).toEqual([row.input, usedBy.map((name) => usedByName(labelOf(name), onlyBefore.includes(name))).join(", ")]);
      }
    }
  });

  it("heads each capability of the catalogue with its name and the options that include it", () => {
    for (const row of rows.filter((candidate) => candidate.heading !== undefined)) {
      const [, capability] = /^catalogue\.([^.[]+)/.exec(row.input)!;
      const heading = decode(row.heading!);
      const label =
        Object.values(result.comparisons)
          .flatMap((comparison) => comparison.adoptionOrder ?? [])
          .find((step) => step.capability === capability)?.label ?? builtInCatalogue[capability!]!.label;
      const usedBy = byInput.get(row.input)!.usedBy;
      expect(heading).toBe(`${label} in ${usedBy.map((name) => `“${labelOf(name)}”`).join(", ")}`);
      expect(usedBy.length).toBeLessThan(everyone.length);
    }
  });

  it("shows each multiplier of the catalogue with what it means, and each cost with its unit", () => {
    for (const row of rows.filter((candidate) => candidate.heading !== undefined)) {
      const assumption = byInput.get(row.input)!;
      const value = mainLine(row.cells[1]!).replace(/\*$/, "");
      if (row.input.includes(".effects")) {
        const change = Math.round(Math.abs(1 - assumption.value) * 1000) / 10;
        const meaning = change === 0 ? "no change" : `${change}% ${assumption.value < 1 ? "less" : "more"}`;
        if (!assumption.range) expect([row.input, value]).toEqual([row.input, `× ${assumption.value} (${meaning})`]);
        // The capability's heading names it; the row names what it multiplies, not the file's path.
        expect(mainLine(row.cells[0]!)).not.toMatch(/[.[\]]|hours per month/);
      } else if (row.input.endsWith(".setupHours")) {
        expect(value).toMatch(/^[\d,.]+ hours?$/);
      } else {
        expect(value).toMatch(/^(€|US\$|£)[\d,.]+( a month| a person a month)?$/);
      }
    }
  });

  it("shows a range's ends without the residue of working them out, and its middle to three significant figures", () => {
    for (const row of rows.filter((candidate) => byInput.get(candidate.input)?.range)) {
      // 1499.9999999999986 once read "€1,500.00": no end or middle shows decimals that are all zeros.
      expect([row.input, mainLine(row.cells[1]!)]).not.toEqual([row.input, expect.stringMatching(/\.0+\b/)]);
      const middle = /<div class="path">middle ([\s\S]*?)<\/div>/.exec(row.cells[1]!)?.[1];
      expect(middle, row.input).toBeDefined();
      const digits = decode(middle!).replace(/[^\d]/g, "").replace(/^0+/, "").replace(/0+$/, "");
      expect([row.input, middle, digits.length <= 3]).toEqual([row.input, middle, true]);
    }
  });

  it("writes every value with its unit: only a count stands alone", () => {
    for (const row of rows) {
      const value = mainLine(row.cells[1]!);
      if (/^[\d,.−-]+$/.test(value)) expect([row.input, row.input.endsWith("linesOfBusiness")]).toEqual([row.input, true]);
    }
  });

  it("says the built-in catalogue's note once, and no note twice on rows that follow each other", () => {
    const text = decode(html);
    const builtIn = result.assumptions.filter((assumption) => assumption.note === BUILT_IN_NOTE);
    expect(text.split("starting assumption").length - 1).toBe(builtIn.length > 0 ? 1 : 0);
    expect(text).not.toContain(BUILT_IN_NOTE);
    for (const row of rows) {
      const marked = mainLine(row.cells[1]!).endsWith("*");
      expect([row.input, marked]).toEqual([row.input, byInput.get(row.input)!.note === BUILT_IN_NOTE]);
    }
    const notes = rows.map((row) => mainLine(row.cells.at(-1)!));
    for (let index = 1; index < notes.length; index++) {
      if (notes[index] !== "") expect([rows[index]!.input, notes[index]]).not.toEqual([rows[index]!.input, notes[index - 1]]);
    }
  });
});

describe("the appendix's words", () => {
  it("count today and a single option as two names, not as all options", () => {
    const text = readFileSync(new URL("seed.yaml", examples), "utf8");
    const result = resultOf(text);
    expect(usedByOf(result, Object.keys(result.scenarios)).kind).toBe("all");
    const two = { ...result, scenarios: { current: result.scenarios.current!, optimal: result.scenarios.optimal! } } as CaseResult;
    expect(usedByOf(two, ["current", "optimal"])).toEqual({ kind: "some", names: ["current", "optimal"] });
    expect(usedByOf(result, ["optimal", "nobody"])).toEqual({ kind: "some", names: ["optimal"] });
    expect(usedByOf(result, [])).toEqual({ kind: "none", names: [] });
  });

  it("say what a multiplier does", () => {
    expect(multiplierText(0.7)).toBe("× 0.7 (30% less)");
    expect(multiplierText(0.95)).toBe("× 0.95 (5% less)");
    expect(multiplierText(1.25)).toBe("× 1.25 (25% more)");
    expect(multiplierText(1)).toBe("× 1 (no change)");
  });

  it("put the workbook's unit after the number", () => {
    expect(formatWithUnit(80, "hours", "EUR")).toBe("80 hours");
    expect(formatWithUnit(1, "hours", "EUR")).toBe("1 hour");
    expect(formatWithUnit(14, "hours a month", "EUR")).toBe("14 hours a month");
    expect(formatWithUnit(300, "{currency} a month", "EUR")).toBe("€300 a month");
    expect(formatWithUnit(20, "{currency} a person a month", "USD")).toBe("US$20 a person a month");
    expect(formatWithUnit(5000, "{currency}", "EUR")).toBe("€5,000");
    expect(formatWithUnit(0.08, "share a year", "EUR")).toBe("8% a year");
    expect(formatWithUnit(0.2, "share (1 = fully)", "EUR")).toBe("20%");
    expect(formatWithUnit(1.35, "factor", "EUR")).toBe("×1.35");
    expect(formatWithUnit(3, "month", "EUR")).toBe("month 3");
    expect(formatWithUnit(1, "people", "EUR")).toBe("1 person");
    expect(formatWithUnit(10, "runs a week", "EUR")).toBe("10 runs a week");
  });
});

describe("a range in the appendix", () => {
  it("reads as the file gives it, with its middle rounded and said to be rounded", () => {
    const result = resultOf(readFileSync(new URL("team.yaml", examples), "utf8"));
    const row = rowsOf(appendixOf(result)).find((candidate) => candidate.input === "defaults.projects.valuePerMonth")!;
    // { low: 1500, high: 4000 } as a 90% range: its middle is √(1,500 × 4,000) = 2,449.49…
    expect(mainLine(row.cells[1]!)).toBe("€1,500 a month to €4,000 a month");
    expect(decode(/<div class="path">middle ([\s\S]*?)<\/div>/.exec(row.cells[1]!)![1]!)).toBe("about €2,450 a month");
  });
});

describe("the appendix of a case in yen", () => {
  it("writes a money input to the yen, as the rest of the report writes yen: it read 'JP¥6,000.50 an hour'", () => {
    const text = readFileSync(new URL("seed.yaml", examples), "utf8").replace("currency: EUR", "currency: JPY").replace("value: 60\n", "value: 6000.5\n");
    const result = resultOf(text);
    expect(result.assumptions.find((assumption) => assumption.input === "defaults.team.hourlyCost")!.value).toBe(6000.5);
    const row = rowsOf(appendixOf(result)).find((candidate) => candidate.input === "defaults.team.hourlyCost")!;
    expect(mainLine(row.cells[1]!)).toBe("JP¥6,001 an hour");
  });
  it("keeps the cents of a small yen input: 0.4 yen an hour read 'JP¥0 an hour', as if free", () => {
    const text = readFileSync(new URL("seed.yaml", examples), "utf8").replace("currency: EUR", "currency: JPY").replace("value: 60\n", "value: 0.4\n");
    const row = rowsOf(appendixOf(resultOf(text))).find((candidate) => candidate.input === "defaults.team.hourlyCost")!;
    expect(mainLine(row.cells[1]!)).toBe("JP¥0.40 an hour");
  });
});

describe("the appendix of a case whose currency is not the built-in catalogue's", () => {
  const solo = readFileSync(new URL("solo.yaml", examples), "utf8");
  const explained = (text: string) => decode(appendixOf(resultOf(text)));

  it("says the marked prices are the catalogue's EUR figures taken unconverted, naming the case's currency (JP¥300 a month read as a yen price)", () => {
    const yen = explained(solo.replace("currency: EUR", "currency: JPY"));
    expect(yen).toContain("JP¥300 a month*");
    expect(yen).toContain(
      "The built-in catalogue's prices are stated in EUR, but this case is in JPY: they are taken as written, unconverted, as JPY (experimentTracking 30 a person a month, scheduling 300 a month, monitoring 200 a month); give your own prices in JPY under catalogue: in the file (catalogue.experimentTracking.monthlyCostPerPerson, catalogue.scheduling.monthlyCost, catalogue.monitoring.monthlyCost).",
    );
  });

  it("says nothing of the kind in a euro case", () => {
    expect(explained(solo)).not.toContain("stated in EUR");
  });
});

describe("the appendix's Used by names an option that reads today's input before its change is in place", () => {
  it("examples/team.yaml: today's upkeep hours, used by both options that set their own until their change is in place", () => {
    // It read "Today, Four capabilities first", though the managed platform spends today's 30 hours a
    // project in months 1-3 (docs/numbers.md, "An alternative works today's way until its change is in place").
    const result = resultOf(readFileSync(new URL("team.yaml", examples), "utf8"));
    const row = rowsOf(appendixOf(result)).find((candidate) => candidate.input === "defaults.projects.upkeepHoursPerMonth")!;
    expect(decode(row.cells[2]!).replace("( ", "(")).toBe(
      "Today and all 3 options (Our own open-source stack and A managed platform only before their change)",
    );
  });

  it("a baseline's own input, read by an option starting later only before its start", () => {
    const text = [
      "title: t",
      "currency: EUR",
      "horizonMonths: 12",
      "discountRate: 0",
      "baseline: today",
      "defaults:",
      "  team: { people: 2, hoursPerMonth: 100, hourlyCost: 50 }",
      "  releases: { mode: schedule, months: [] }",
      "scenarios:",
      "  today: { label: Today, projects: { alreadyLive: 2, upkeepHoursPerMonth: 20 } }",
      "  better: { label: Better, change: { startMonth: 4 }, projects: { alreadyLive: 2, upkeepHoursPerMonth: 10 } }",
      "  other: { label: Other, projects: { alreadyLive: 2, upkeepHoursPerMonth: 15 } }",
      "",
    ].join("\n");
    const rows = rowsOf(appendixOf(resultOf(text)));
    const usedBy = (input: string) => decode(rows.find((row) => row.input === input)!.cells[2]!);
    expect(usedBy("scenarios.today.projects.upkeepHoursPerMonth")).toBe("Today, Better (before its change)");
    expect(usedBy("scenarios.better.projects.upkeepHoursPerMonth")).toBe("Better");
  });
});

describe("how the figures are worked out, as the table of the options says them", () => {
  const team = readFileSync(new URL("team.yaml", examples), "utf8");

  it("says that cash paid in a later month is discounted with that month, as the options' note does", () => {
    // The managed platform's change starts in month 6: its cash is paid at the end of month 5.
    const later = team.replace(
      '    change:\n      note: "our assumptions: three months to move',
      '    change:\n      startMonth: 6\n      note: "our assumptions: three months to move',
    );
    expect(later).not.toBe(team);
    const result = resultOf(later);
    expect(result.comparisons.managed!.investment.cashMonth).toBe(5);
    const text = textOf(appendixOf(result));
    // It said only "Cash paid at the start counts in full." where the options' note goes on.
    expect(text).toContain("Cash paid at the start counts in full; cash paid in a later month is discounted with that month.");
    // Where every cash is paid at the start, only the first.
    const start = textOf(appendixOf(resultOf(team)));
    expect(start).toContain("Cash paid at the start counts in full.");
    expect(start).not.toContain("later month");
  });

  it("says what the return on cost divides by: the running costs by which an option spends more than today too (team.yaml's licences)", () => {
    const result = resultOf(team);
    // The managed platform's costs in today's money (`presentValueOfCosts`) hold its licences and infrastructure, not only its change.
    const managed = result.comparisons.managed!;
    expect(managed.presentValueOfCosts).toBeGreaterThan(managed.investment.total + 50_000);
    const text = textOf(appendixOf(result));
    // It said "the net gain divided by what the option costs in today's money: its extra cash and the team time it takes to make the change".
    expect(text).not.toContain("its extra cash and the team time it takes to make the change.");
    expect(text).toContain(
      "Return on cost is the net gain divided by what the option costs more than today, in today's money: each month, every running cost by which it spends more than today (licences, infrastructure, support staff, training, hours bought in and the like), the team time it takes to make the change, and its extra cash up front.",
    );
  });

  it("says when an option pays back in the shared words (at or above zero, as docs/numbers.md's rule)", () => {
    const text = textOf(appendixOf(resultOf(team)));
    expect(text).toContain(`Pays back is ${paybackRuleWords()}.`);
    expect(paybackRuleWords()).toContain("stays at or above zero");
  });
});

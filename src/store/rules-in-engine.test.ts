import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The store keeps plans and actuals; every rule that turns them into money is the engine's
 * (src/engine/tracking.ts; docs/numbers.md). These are the signs of a money
 * rule written again in the store, each one a rule the store once restated.
 */
const restatedRules: readonly { rule: string; pattern: RegExp }[] = [
  {
    rule: "the engine's internals (parameter offsets, columns, the simulation): use src/engine/index.ts",
    pattern: /from\s+["'](?:\.\.\/)+engine\/(?!index\.js["']|scenario\/)/,
  },
  { rule: "a parameter offset of the engine", pattern: /(?<![\w$])P\.\w+|\bPARAMETER_COUNT\b/ },
  { rule: "a salary's loaded cost (salary × benefits multiplier)", pattern: /benefitsMultiplier|annualSalary|salaryAnnual/i },
  { rule: "support staff by live projects, rounded up", pattern: /Math\.ceil\(/ },
  { rule: "discounting", pattern: /Math\.pow\(|\*\*/ },
  { rule: "an amount worked out from a money rule of the plan", pattern: /\brules\.\w+\s*\*|\*\s*(?:\w+\.)*rules\.\w+/ },
  {
    rule: "an amount worked out from a money rule of the plan, under its own name",
    pattern:
      /\b(?:outageCostPerHour|hoursToRestorePerIncident|hiringCostPerDeparture|valuePerLiveProject|supportMonthlyCostEach)\s*\*|\*\s*[\w.!?[\]]*\b(?:outageCostPerHour|hoursToRestorePerIncident|hiringCostPerDeparture|valuePerLiveProject|supportMonthlyCostEach)\b/,
  },
  { rule: "hours priced at the loaded rate or the capture share", pattern: /\*\s*(?:rate|hourlyCost|captureShare)\b|\b(?:rate|hourlyCost|captureShare)\s*\*/ },
  { rule: "a month's net or benefit worked out", pattern: /\.net\s*[-+*/]|[-+*/]=?\s*[\w.!?[\]]*\.net\b/ },
  {
    rule: "money columns added up",
    pattern:
      /\.(?:licences|infrastructure|supportStaff|training|externalSpend|payroll|projectValue|recoveredCapacity|overloadCost|outageCost|hiringCost)\s*[-+*/]|[-+*/]\s*[\w.!?[\]]*\.(?:licences|infrastructure|supportStaff|training|externalSpend|payroll|projectValue|recoveredCapacity|overloadCost|outageCost|hiringCost)\b/,
  },
];

/** Code without its comments (they may describe a rule). */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

function restatements(text: string, rules = restatedRules): string[] {
  const code = withoutComments(text);
  return code.split("\n").flatMap((line) => rules.filter(({ pattern }) => pattern.test(line)).map(({ rule }) => `${rule}: ${line.trim()}`));
}

const storeFolder = fileURLToPath(new URL(".", import.meta.url));
/** The track command's views, which write the figures the engine works out. */
const trackFolder = fileURLToPath(new URL("../cli/commands/track/", import.meta.url));

function storeSources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return storeSources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("no money rule outside the engine", () => {
  it("the store's code restates none of the engine's rules", () => {
    const files = storeSources(storeFolder);
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((file) => restatements(readFileSync(file, "utf8")).map((finding) => `${file.slice(storeFolder.length)}: ${finding}`));
    expect(found).toEqual([]);
  });

  it("the track command's views restate none of them either", () => {
    const files = storeSources(trackFolder);
    expect(files.length).toBeGreaterThan(5);
    // A view rounds a figure to its decimals with a power of ten: not discounting.
    const rules = restatedRules.filter(({ rule }) => rule !== "discounting");
    const found = files.flatMap((file) => restatements(readFileSync(file, "utf8"), rules).map((finding) => `${file.slice(trackFolder.length)}: ${finding}`));
    // format.ts priced the hours to restore of a month with no incident itself (hours × the plan's outage cost an hour).
    expect(found).toEqual([]);
  });

  it("would catch each rule the store used to restate", () => {
    const former = [
      'import { P, PARAMETER_COUNT } from "../engine/model/parameters.js";',
      'import { categoryMoney } from "../engine/categories.js";',
      "const start = p[P.startMonth]!;",
      "supportMonthlyCostEach: p[P.supportMonthlyCostEach]! + (p[P.supportAnnualSalaryEach]! * p[P.supportBenefitsMultiplier]!) / 12,",
      "? Math.max(rules.supportMinimum, Math.ceil(liveProjects / rules.supportLiveProjectsEach - EPSILON))",
      "return people * rules.supportMonthlyCostEach;",
      "const hiringCost = left === undefined ? planned.hiringCost : left * rules.hiringCostPerDeparture;",
      "const payroll = planned.payroll + rate * (capacityHours - planned.capacityHours);",
      "const recoveredCapacity = idleHours * rate * rules.captureShare;",
      "const overloadCost = shortfallHours * rate;",
      "const benefit = row.net - baselineRows[at]!.net;",
      "plannedCumulative += plannedRow.net - baselineRow.net;",
      "return row.licences + row.infrastructure + row.supportStaff + (row.training ?? 0) + row.externalSpend;",
      "return { ...row, licences, net: row.net + row.licences - licences };",
      "const factor = Math.pow(1 + rate, -month / 12);",
      "const cost = formatMoney(outage.hours * outage.outageCostPerHour, outage.currency);",
    ];
    for (const line of former) expect(restatements(line), line).not.toEqual([]);
  });

  it("lets the store's own arithmetic be: months of the calendar, counts, and the engine's functions called", () => {
    const allowed = [
      "return year * 12 + (month - 1);",
      "const year = Math.floor(index / 12);",
      "npv: { planned: planned.npv, now: netPresentValue(timeZero, benefits, plan.rules.discountRate, 0, benefits.length, discounting) },",
      "running += benefit;",
      "net: row.net,",
      "const releasedSoFar = comparison.actualRows.reduce((total, row) => total + row.releases, 0);",
      'const url = "https://example.org/a"; // a comment that says salary × benefitsMultiplier ÷ 12',
      "/** Loaded cost: salary × benefitsMultiplier ÷ 12, see Math.ceil( */",
    ];
    for (const line of allowed) expect(restatements(line), line).toEqual([]);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildResult, validateScenarioText } from "../../engine/index.js";
import { createReport } from "../create-report.js";
import { gainingStepsWords } from "./adoption-order.js";
import { textOf } from "../report-text.js";

const team = readFileSync(new URL("../../../examples/team.yaml", import.meta.url), "utf8");

async function orderText(text: string): Promise<string> {
  const { compiled, issues } = validateScenarioText(text);
  if (!compiled) throw new Error(JSON.stringify(issues));
  const { html } = await createReport(compiled, { result: buildResult(compiled) });
  const section = html.match(/<section id="adoption-order"[\s\S]*?<\/section>/)?.[0];
  if (!section) throw new Error("no 'what to ask for first' section");
  return textOf(section.replace(/<\/?span[^>]*>/g, ""));
}

describe("what to ask for first", () => {
  it("says which option the order belongs to when it is not the recommended one", async () => {
    const text = await orderText(team);
    expect(text).toContain(
      "This order is for “Four capabilities first”, the best option built from improvements one can ask for one by one; it is not the recommended “A managed platform”.",
    );
  });

  it("calls no option 'the recommended' in a close call, where page 1 recommends neither", async () => {
    // The managed platform's consultants at €30,000: it leads by €8,644, 4% of its net gain, a close call.
    const close = team.replace('value: 15000, note: "our assumption: the vendor', 'value: 30000, note: "our assumption: the vendor');
    const { compiled } = validateScenarioText(close);
    expect(buildResult(compiled!).judgement?.closeCall?.best).toBe("managed");
    const text = await orderText(close);
    // It said "it is not the recommended “A managed platform”", where page 1 says "Two options are close".
    expect(text).not.toContain("the recommended");
    expect(text).toContain(
      "This order is for “Four capabilities first”, the best option built from improvements one can ask for one by one; it is not “A managed platform”, the option with the highest net gain.",
    );
  });

  it("says nothing of the kind when the order is the recommended option's", async () => {
    // Without the other build options, the option built from the catalogue is the one recommended.
    const only = team.replace(/\n {2}openSource:[\s\S]*?(?=\n {2}compromise:)/, "").replace(/\n {2}managed:[\s\S]*?(?=\n {2}compromise:)/, "");
    const text = await orderText(only);
    expect(text).not.toContain("This order is for");
    expect(text).toContain("“Four capabilities first” is made of 4 improvements.");
  });
});

describe("what to ask for first, in a case with ranges", () => {
  it("says its figures are those with every range at its middle, and only where the case has ranges", async () => {
    // team.yaml's steps and "Net gain so far" (€191,035) stood with no word of their convention beside page 1's ranges.
    expect(await orderText(team)).toContain("given the steps before it. The figures are those with every range at its middle.");
    const certain = team
      .replace("minutesPerRun: { low: 15, high: 25 }", "minutesPerRun: 20")
      .replace(/valuePerMonth: \{ low: 1500, high: 4000, /, "valuePerMonth: { value: 2500, ");
    expect(certain).not.toContain("low:");
    expect(await orderText(certain)).not.toContain("every range at its middle");
  });
});

describe("what to ask for first, for an option of one improvement", () => {
  it("says it is one improvement, with no order to follow and no next step", async () => {
    // examples/solo.yaml's catalogue option with scheduled data jobs alone.
    const solo = readFileSync(new URL("../../../examples/solo.yaml", import.meta.url), "utf8");
    const one = solo.replace("capabilities: [experimentTracking, scheduling, onDemandCompute, monitoring]", "capabilities: [scheduling]");
    expect(one).not.toBe(solo);
    const { compiled } = validateScenarioText(one);
    expect(buildResult(compiled!).comparisons.essentials!.adoptionOrder).toHaveLength(1);
    const text = await orderText(one);
    // It said "is made of 1 improvements. If they cannot all be approved at once, ask first for ...".
    expect(text).toMatch(/“Four essentials from the catalogue” is made of one improvement, scheduled data jobs: on its own it adds €[\d,]+ to the net gain\./);
    expect(text).not.toMatch(/1 improvements|cannot all be approved|Each next step|any of them/);
  });
});

describe("what to ask for first, in figures", () => {
  it("adds up: every step's amount and the running total are to the unit, and each total is the one before plus the step (within the rounding of a unit)", async () => {
    const { compiled } = validateScenarioText(team);
    const { html } = await createReport(compiled!, { result: buildResult(compiled!) });
    const section = html.match(/<section id="adoption-order"[\s\S]*?<\/section>/)![0];
    const amount = (text: string) => Number(text.replace(/[^\d.-]/g, ""));
    const rows = [...section.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)]
      .map((row) => [...row[1]!.matchAll(/<td class="number">([^<]*)<\/td>/g)].map((cell) => cell[1]!))
      .filter((cells) => cells.length === 3);
    expect(rows.length).toBeGreaterThan(2);
    // The first row is the option's own plan before any improvement: its total only.
    let total = amount(rows[0]![2]!);
    for (const [, step, running] of rows.slice(1)) {
      // Money to the unit ("€100,347"), not to three figures ("€100,000").
      expect(step, "to the unit").toMatch(/^-?€\d{1,3}(,\d{3})*$/);
      expect(Math.abs(total + amount(step!) - amount(running!)), `${total} + ${step} against ${running}`).toBeLessThanOrEqual(1);
      total = amount(running!);
    }
  });
});

describe("what to ask for first, when the last steps take more than they add", () => {
  it("says where to stop and both totals (solo.yaml's four essentials: €7,965 after two steps, -€2,144 with all four)", async () => {
    const solo = readFileSync(new URL("../../../examples/solo.yaml", import.meta.url), "utf8");
    const { compiled } = validateScenarioText(solo);
    const result = buildResult(compiled!);
    const steps = Object.values(result.comparisons).find((comparison) => comparison.adoptionOrder?.length)!.adoptionOrder!;
    const best = steps.reduce((at, step, index) => (step.cumulativeNpv > steps[at]!.cumulativeNpv ? index : at), 0);
    expect(best).toBe(1);
    const money = (value: number) => `${value < 0 ? "-" : ""}€${Math.abs(Math.round(value)).toLocaleString("en-GB")}`;
    const text = await orderText(solo);
    expect(text).toContain(
      `The last two steps take more from the net gain than they add: stopping after step 2, the net gain is ${money(steps[1]!.cumulativeNpv)}, against ${money(steps[3]!.cumulativeNpv)} with all 4.`,
    );
    // Where every step adds, nothing of the kind.
    expect(await orderText(team)).not.toContain("stopping after step");
  });
});

describe("what to ask for first, for an improvement that adds under one unit", () => {
  it("says it adds 'less than CHF 1', as the table of the options says the option gains, not 'CHF 0'", async () => {
    const tiny = [
      "title: Tiny",
      "currency: CHF",
      "horizonMonths: 12",
      "discountRate: 0.08",
      "baseline: current",
      "catalogue:",
      "  a: { label: Cap A, setupHours: 0, effects: { projects.upkeepHoursPerMonth: 0.9 } }",
      "defaults:",
      "  team: { people: 1, hoursPerMonth: 120, hourlyCost: 0.01 }",
      "  projects: { alreadyLive: 1, upkeepHoursPerMonth: 3, valuePerMonth: 1 }",
      "  releases: { mode: schedule, months: [] }",
      "scenarios:",
      "  current: { label: Today }",
      "  alt: { label: Alt, capabilities: [a] }",
      "",
    ].join("\n");
    const { compiled } = validateScenarioText(tiny);
    const npv = buildResult(compiled!).comparisons.alt!.npv;
    expect(npv).toBeGreaterThan(0);
    expect(npv).toBeLessThan(0.5);
    const text = (await orderText(tiny)).replaceAll("\u00a0", " ");
    expect(text).toContain("is made of one improvement, cap a: on its own it adds less than CHF 1 to the net gain.");
    // The step and the total so far, in the table.
    expect(text).toMatch(/1 Cap A[^\d]*less than CHF 1 less than CHF 1/);
    expect(text).not.toContain("CHF 0");
  });
});

describe("what to ask for first, when page 1 advises not to go ahead", () => {
  const stay = [
    "title: Stay",
    "currency: EUR",
    "horizonMonths: 12",
    "discountRate: 0.08",
    "baseline: current",
    "catalogue:",
    "  a: { label: Cap A, setupHours: 0, effects: { projects.upkeepHoursPerMonth: 0.5 } }",
    "  b: { label: Cap B, setupHours: 0, monthlyCost: 2000 }",
    "defaults:",
    "  team: { people: 1, hoursPerMonth: 120, hourlyCost: 50 }",
    "  projects: { alreadyLive: 2, upkeepHoursPerMonth: 20, valuePerMonth: 100 }",
    "  releases: { mode: schedule, months: [] }",
    "scenarios:",
    "  current: { label: Today }",
    "  alt: { label: Alt, capabilities: [a, b] }",
    "",
  ].join("\n");

  it("asks for no approval: it says page 1 advises against it, then which steps add and which take", async () => {
    const { compiled } = validateScenarioText(stay);
    expect(buildResult(compiled!).comparisons.alt!.npv).toBeLessThan(0);
    const text = (await orderText(stay)).replace(/“\s*/g, "“").replace(/\s*”/g, "”");
    // It said "“Alt” is made of 2 improvements. If they cannot all be approved at once, ask first for cap a",
    // where page 1 says "Do not go ahead … as planned".
    expect(text).not.toMatch(/approved at once|ask first for/);
    expect(text).toContain(
      "Page 1 advises not to go ahead as planned, so nothing here is a request for approval. “Alt” is made of 2 improvements; the order below shows what each adds to the net gain, or takes from it, given the steps before it: only step 1 adds to the net gain; step 2 takes from it. The last step takes more from the net gain than it adds: stopping after step 1, the net gain is €5,756, against -€17,269 with both.",
    );
  });

  it("names the steps that add and those that take", () => {
    expect(gainingStepsWords([{ marginalNpv: 10 }, { marginalNpv: -5 }, { marginalNpv: -1 }])).toBe(
      "only step 1 adds to the net gain; steps 2 and 3 take from it",
    );
    expect(gainingStepsWords([{ marginalNpv: 10 }, { marginalNpv: 5 }, { marginalNpv: -1 }])).toBe("steps 1 and 2 add to the net gain; step 3 takes from it");
    expect(gainingStepsWords([{ marginalNpv: -10 }, { marginalNpv: 0.4 }])).toBe("none of the steps adds to the net gain");
    expect(gainingStepsWords([{ marginalNpv: 10 }, { marginalNpv: 5 }])).toBe("every step adds to the net gain");
  });
});

describe("what to ask for first, one precision for money", () => {
  it("writes the first step's amount to the unit, as its table and the net gain after a stop (solo.yaml: €8,102, not €8,100)", async () => {
    const solo = readFileSync(new URL("../../../examples/solo.yaml", import.meta.url), "utf8");
    const { compiled } = validateScenarioText(solo);
    const steps = Object.values(buildResult(compiled!).comparisons).find((comparison) => comparison.adoptionOrder?.length)!.adoptionOrder!;
    const money = `€${Math.round(steps[0]!.marginalNpv).toLocaleString("en-GB")}`;
    const text = await orderText(solo);
    // It said "on its own it adds €8,100 to the net gain" beside €8,102 in the table and "the net gain is €7,965".
    expect(text).toContain(`on its own it adds ${money} to the net gain.`);
    expect(money).toMatch(/^€\d{1,3},\d{3}$/);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildResult, inputReaders, scenariosUsing, validateScenarioText } from "./index.js";
import { CaseRunner } from "./runner.js";
import { PARAMETER_COUNT } from "./model/parameters.js";
import { TODAYS_WAY_PARAMETERS, waysOfWorkingForTests } from "./simulate.js";

// docs/numbers.md, "An alternative works today's way until its change is in place": an alternative
// reads today's inputs in its months before that, so it uses them (`assumptions[].usedBy`).

const read = (name: string): string => readFileSync(new URL(`../../examples/${name}`, import.meta.url), "utf8");
const compile = (text: string) => {
  const { compiled, issues } = validateScenarioText(text);
  if (!compiled) throw new Error(`the case does not compile: ${issues.map((issue) => issue.message).join("; ")}`);
  return compiled;
};
const assumption = (result: ReturnType<typeof buildResult>, input: string) => {
  const found = result.assumptions.find((entry) => entry.input === input);
  if (!found) throw new Error(`no assumption ${input}`);
  return found;
};

describe("assumptions[].usedBy counts today's inputs an option reads before its change is in place", () => {
  it("examples/team.yaml: today's upkeep hours are used by both options that set their own, before their change", () => {
    const result = buildResult(compile(read("team.yaml")));
    // Managed works today's way in months 1-3: 4 live projects × today's 30 hours.
    expect(result.scenarios.managed!.months.slice(0, 3).map((month) => month.upkeepHours)).toEqual([120, 120, 120]);
    const upkeep = assumption(result, "defaults.projects.upkeepHoursPerMonth");
    expect(upkeep.value).toBe(30);
    expect(upkeep.usedBy).toEqual(["today", "openSource", "managed", "compromise"]);
    expect(upkeep.usedOnlyBeforeChangeBy).toEqual(["openSource", "managed"]);
    // Its own upkeep is the option's, after its change, and nobody else's.
    const own = assumption(result, "scenarios.managed.projects.upkeepHoursPerMonth");
    expect(own.usedBy).toEqual(["managed"]);
    expect(own.usedOnlyBeforeChangeBy).toBeUndefined();
    // The team is every option's own from month 1 anyway: nothing "only before".
    expect(assumption(result, "defaults.team.people").usedOnlyBeforeChangeBy).toBeUndefined();
  });

  const twoOptions = (alternative: string) => `title: t
currency: EUR
horizonMonths: 12
discountRate: 0
baseline: today
defaults:
  releases: { mode: schedule, months: [] }
scenarios:
  today:
    team: { people: 2, hoursPerMonth: 100, hourlyCost: 50 }
    projects: { alreadyLive: 2, upkeepHoursPerMonth: 20 }
    tooling: { licences: { flatPerMonth: 100 } }
  better:
    team: { people: 2, hoursPerMonth: 100, hourlyCost: 50 }
    projects: { alreadyLive: 2, upkeepHoursPerMonth: 10 }
    tooling: { licences: { flatPerMonth: 300 } }
${alternative}`;

  it("an option in place from month 1 reads none of today's way; one starting later reads today's fees until then", () => {
    const now = buildResult(compile(twoOptions("")));
    expect(assumption(now, "scenarios.today.projects.upkeepHoursPerMonth").usedBy).toEqual(["today"]);
    expect(assumption(now, "scenarios.today.tooling.licences.flatPerMonth").usedBy).toEqual(["today"]);
    // Starting in month 4 with no setup: today's way and fees in months 1-3.
    const late = buildResult(compile(twoOptions("    change: { startMonth: 4 }")));
    expect(late.scenarios.better!.months.slice(2, 4).map((month) => month.upkeepHours)).toEqual([40, 20]);
    expect(assumption(late, "scenarios.today.projects.upkeepHoursPerMonth").usedBy).toEqual(["today", "better"]);
    expect(assumption(late, "scenarios.today.tooling.licences.flatPerMonth").usedBy).toEqual(["today", "better"]);
    expect(assumption(late, "scenarios.today.tooling.licences.flatPerMonth").usedOnlyBeforeChangeBy).toEqual(["better"]);
    // Setup from month 1: today's way until it is done, its own fees from month 1.
    const setup = buildResult(compile(twoOptions("    change: { setupHours: 50, setupMonths: 2 }")));
    expect(assumption(setup, "scenarios.today.projects.upkeepHoursPerMonth").usedBy).toEqual(["today", "better"]);
    expect(assumption(setup, "scenarios.today.tooling.licences.flatPerMonth").usedBy).toEqual(["today"]);
  });

  // Any input whose change moves an option's months is one that option uses: the list is complete.
  for (const name of ["team.yaml", "seed.yaml", "solo.yaml", "enterprise.yaml", "close-call.yaml"]) {
    it(`${name}: an input that moves an option's months is in its usedBy`, () => {
      const compiled = compile(read(name));
      const users = scenariosUsing(compiled);
      const { onlyBefore } = inputReaders(compiled);
      const runner = new CaseRunner(compiled);
      runner.run(compiled.leafValues);
      const plain = runner.columns.map((column) => Array.from(column));
      const missing: string[] = [];
      compiled.leaves.forEach((leaf, index) => {
        const values = Float64Array.from(compiled.leafValues);
        const value = values[index]!;
        values[index] = value > 0 ? value * 0.8 : leaf.kind === "share" || leaf.kind === "effect" ? 0.1 : 1;
        runner.run(values);
        runner.columns.forEach((column, scenario) => {
          const moved = column.some((cell, at) => !Object.is(cell, plain[scenario]![at]) && Math.abs(cell - plain[scenario]![at]!) > 1e-9);
          if (moved && !users[index]!.includes(scenario)) missing.push(`${leaf.name} moves ${compiled.scenarios[scenario]!.name}`);
        });
        for (const scenario of onlyBefore[index]!) expect(users[index]).toContain(scenario);
      });
      expect(missing).toEqual([]);
    });
  }
});

describe("the inputs of today's way an alternative reads before its change is in place", () => {
  it("are exactly those the way of working reads (watched as it reads them)", () => {
    const read = new Set<number>();
    const watched = new Proxy(new Float64Array(PARAMETER_COUNT).fill(1), {
      get(target, key) {
        if (typeof key === "string" && /^\d+$/.test(key)) read.add(Number(key));
        return Reflect.get(target, key);
      },
    });
    waysOfWorkingForTests(watched, 1, 1, new Float64Array(32));
    expect([...TODAYS_WAY_PARAMETERS]).toEqual([...read].sort((a, b) => a - b));
  });
});

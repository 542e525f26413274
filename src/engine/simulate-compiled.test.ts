import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { CaseRunner, validateScenarioText } from "./index.js";
import { F, MONTHLY_FIELD_COUNT } from "./model/columns.js";
import { simulate } from "./simulate.js";

// V8's own view of a function's code (its "natives"), for these tests only: compiling `simulate`
// takes 0.05–0.2 s of CPU, and a Monte Carlo that throws its compiled code away at a path first met
// late pays that again, with its samples run slowly meanwhile (docs/development.md, speed).
setFlagsFromString("--allow-natives-syntax");
const natives = {
  prepare: new Function("f", "%PrepareFunctionForOptimization(f)") as (f: unknown) => void,
  optimizeOnNextCall: new Function("f", "%OptimizeFunctionOnNextCall(f)") as (f: unknown) => void,
  status: new Function("f", "return %GetOptimizationStatus(f)") as (f: unknown) => number,
};
/** V8's status bit of a function run by its optimising compiler's code (`OptimizationStatus::kTurboFanned`). */
const TURBOFANNED = 1 << 6;

/**
 * `simulate` compiled by the optimising compiler on the runs of `warm`, then run on `late`: whether its
 * compiled code survived.
 */
function survives(runner: CaseRunner, warm: Float64Array, late: Float64Array): { warm: boolean; late: boolean } {
  natives.prepare(simulate);
  for (let run = 0; run < 5; run++) runner.run(warm, false);
  natives.optimizeOnNextCall(simulate);
  runner.run(warm, false);
  const compiled = (natives.status(simulate) & TURBOFANNED) !== 0;
  runner.run(late, false);
  return { warm: compiled, late: (natives.status(simulate) & TURBOFANNED) !== 0 };
}

describe("the simulation's compiled code", () => {
  it("survives a project left unfinished in the change's months, first met after it was compiled (capacity mode)", () => {
    // One project to build (the backlog), 150 hours: the team's 100 hours a month build it in months
    // 1 and 2. The change's setup takes 60 hours of its first month: from month 5 it displaces no
    // building; from month 2 it displaces the 10 hours the unfinished project still needs.
    const validation = validateScenarioText(`title: a project under way in the change's months
currency: EUR
baseline: today
horizonMonths: 8
discountRate: 0
freedHoursCaptureShare: 0.5
defaults: {team: {people: 1, hoursPerMonth: 100, hourlyCost: 10}, projects: {buildHours: 150, upkeepHoursPerMonth: 0, valuePerMonth: 100}, releases: {mode: capacity, newWorkThresholdHours: 50, backlog: 1}}
scenarios:
  today: {}
  change: {change: {setupHours: 60, startMonth: 5}}
`);
    expect(validation.issues).toEqual([]);
    const compiled = validation.compiled!;
    const startMonth = compiled.leaves.findIndex((leaf) => leaf.name === "scenarios.change.change.startMonth");
    expect(startMonth).toBeGreaterThanOrEqual(0);
    const warm = Float64Array.from(compiled.leafValues);
    const late = Float64Array.from(compiled.leafValues);
    late[startMonth] = 2;
    const runner = new CaseRunner(compiled);
    expect(survives(runner, warm, late)).toEqual({ warm: true, late: true });
    // The late run did take that path: 10 displaced hours at the loaded rate, 50 idle ones at half of it.
    runner.run(late);
    expect(runner.columns[1]![1 * MONTHLY_FIELD_COUNT + F.changeHoursCost]).toBe(10 * 10 + 50 * 5);
  });
});

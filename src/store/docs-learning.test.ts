import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { planVersusActual } from "./plan-versus-actual.js";
import { planFor } from "./test-support/portfolio.js";

// The worked example of docs/numbers.md, "A forecast that learns".
describe("docs/numbers.md: a forecast that learns", () => {
  it("the seed with ranges, 20 upkeep hours recorded for one live project in months 4 to 6: the figures the docs give", () => {
    const text = readFileSync(new URL("../../examples/seed-uncertain.yaml", import.meta.url), "utf8");
    const plan = planFor("default", text, "optimal");
    const actuals = [4, 5, 6].map((month) => ({ team: "default", month, values: { upkeepHours: 20, liveProjects: 1 } }));
    const view = planVersusActual(plan, actuals);
    const learning = view.learning!;
    expect(learning.samples).toBe(1000);
    expect(Math.round(learning.effectiveSamples)).toBe(31);
    expect(learning.resampleMoveStages).toBe(3);
    const upkeep = learning.inputs[0]!;
    expect(upkeep.input).toBe("scenarios.optimal.projects.upkeepHoursPerMonth");
    expect(upkeep.now.p5.toFixed(1)).toBe("14.1");
    expect(upkeep.now.p95.toFixed(1)).toBe("19.7");
    expect(upkeep.now.p50.toFixed(1)).toBe("16.8");
    // The plan's range is the file's own, 8 to 15.
    expect([upkeep.planned.p5, upkeep.planned.p95]).toEqual([8, 15]);
    expect(upkeep.moved.toFixed(2)).toBe("0.84");
    const { planned, now, approved } = learning.money!;
    expect(Math.round(approved!.probabilityPaysBack * 100)).toBe(99);
    expect([approved!.npv.p5, approved!.npv.p50, approved!.npv.p95].map(Math.round)).toEqual([831, 3889, 7037]);
    expect(Math.round(planned.probabilityPaysBack * 100)).toBe(99);
    expect(Math.round(now.probabilityPaysBack * 100)).toBe(72);
    expect([planned.npv.p5, planned.npv.p50, planned.npv.p95].map(Math.round)).toEqual([847, 3774, 7001]);
    expect([now.npv.p5, now.npv.p50, now.npv.p95].map(Math.round)).toEqual([-1852, 588, 3567]);
    expect(Math.round(view.forecast!.npv.now)).toBe(3130);
    expect(learning.calibration.summary).toBe("0 of 1 inside the planned 90% range: too few checks to tell yet (a well-judged 90% range misses 1 time in 10)");
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readActuals, writeActuals } from "./actual-repository.js";
import { comparePlanWithActuals } from "./compare.js";
import { openStore } from "./database.js";
import { forecastFromActuals } from "./forecast.js";
import { currentPlan, savePlan } from "./plan-repository.js";
import { planFor } from "./test-support/portfolio.js";
import { temporaryFolders } from "./test-support/temporary.js";

const folder = temporaryFolders();

/** A store holding the DORA peer case's plan, 18 staff on the change alongside the new way for 12 months. */
function doraStore() {
  const text = readFileSync(new URL("../../examples/peers/dora-2020-elite-large.yaml", import.meta.url), "utf8");
  const store = openStore(join(folder(), "dora.db"), { create: true });
  savePlan(store, planFor("default", text, "transformed"), { replace: false });
  writeActuals(store, [{ team: "default", month: 3, values: { upkeepHours: 0 }, source: "test" }], { replace: false });
  return store;
}

describe("the plan's team hours on the change, staff alongside included", () => {
  it("counts the plan's staff alongside in its team hours on the change, as the engine's 'Making the change' does (it said 0 h)", () => {
    const store = doraStore();
    const plan = currentPlan(store, "default")!;
    const months = plan.result.scenarios.transformed!.months.slice(0, 3);
    const alongside = months.reduce((total, row) => total + row.alongsideHours, 0);
    expect(alongside).toBeGreaterThan(0);
    const comparison = comparePlanWithActuals(plan, readActuals(store, "default"));
    expect(comparison.soFar.changeHours.planned).toBe(alongside);
    // Month 3 records no setup hours: the plan's staff alongside stand in for it.
    expect(comparison.soFar.changeHours.actual).toBe(alongside);
    expect(comparison.months[0]!.planned.changeHours).toBe(months[0]!.alongsideHours);
    store.close();
  });

  // A store made before the plan counted staff alongside holds the same frozen plan: it opens as it
  // was, and its planned team hours on the change now count them (the test above). One frozen before
  // the month table had the column at all counts none.
  it("opens a store whose plan was frozen before the month table had staff alongside, counting none of them (its money as frozen)", () => {
    const store = doraStore();
    const stored = store.prepare("SELECT id, result_json AS result FROM plans").get() as { id: number; result: string };
    const result = JSON.parse(stored.result) as { scenarios: Record<string, { months: Record<string, unknown>[] }> };
    for (const scenario of Object.values(result.scenarios)) for (const row of scenario.months) delete row.alongsideHours;
    store.prepare("UPDATE plans SET result_json = ? WHERE id = ?").run(JSON.stringify(result), stored.id);
    const plan = currentPlan(store, "default")!;
    expect(plan.result.scenarios.transformed!.months[0]!.alongsideHours).toBeUndefined();
    const comparison = comparePlanWithActuals(plan, readActuals(store, "default"));
    expect(comparison.soFar.changeHours).toEqual({ planned: 0, actual: 0, recordedMonths: 0 });
    // Its planned money is the one frozen, and it still re-forecasts.
    expect(comparison.months.map((month) => month.planned.benefit)).toEqual(plan.result.comparisons.transformed!.monthlyNetBenefit);
    expect("message" in forecastFromActuals(plan, comparison)).toBe(false);
    store.close();
  });
});

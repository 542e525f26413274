import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readActuals, writeActuals } from "./actual-repository.js";
import { comparePlanWithActuals } from "./compare.js";
import { openStore } from "./database.js";
import { currentPlan, savePlan } from "./plan-repository.js";
import { planFor } from "./test-support/portfolio.js";
import { temporaryFolders } from "./test-support/temporary.js";

const folder = temporaryFolders();

/**
 * A store holding examples/team.yaml's managed platform as the plan (in place from month 4: until then
 * today's 8 hours to restore a failure at €150 an hour, the platform's 2 after), with one incident
 * recorded in month 1 against the plan's 0.8.
 */
function teamStore() {
  const text = readFileSync(new URL("../../examples/team.yaml", import.meta.url), "utf8");
  const store = openStore(join(folder(), "team.db"), { create: true });
  savePlan(store, planFor("default", text, "managed"), { replace: false });
  writeActuals(store, [{ team: "default", month: 1, values: { incidents: 1 }, source: "test" }], { replace: false });
  return store;
}

describe("recorded months before the change is in place, at today's rates", () => {
  it("costs month 1's one incident at today's 8 hours to restore: €240 worse than the plan's 0.8, not €660 better", () => {
    const store = teamStore();
    const comparison = comparePlanWithActuals(currentPlan(store, "default")!, readActuals(store, "default"));
    const month1 = comparison.months[0]!;
    expect(month1.actual!.benefit - month1.planned.benefit).toBeCloseTo(-(1 - 0.8) * 8 * 150, 6);
    expect(month1.measures.planned).toEqual({ deployments: 4, incidents: expect.closeTo(0.8, 9), meanHoursToRestore: 8 });
    store.close();
  });

  // A plan stored before its rules kept today's rates reads the same way: they are worked out from its frozen file.
  it("reads a plan stored before its rules kept today's rates the same way, from its frozen file", () => {
    const store = teamStore();
    const stored = store.prepare("SELECT id, rules_json AS rules FROM plans").get() as { id: number; rules: string };
    const {
      changeInPlaceMonth: _a,
      todaysWay: _b,
      changeStartMonth: _c,
      todaysFees: _d,
      workInProgressRate: _e,
      ...old
    } = JSON.parse(stored.rules) as Record<string, unknown>;
    expect(_a).toBe(4);
    store.prepare("UPDATE plans SET rules_json = ? WHERE id = ?").run(JSON.stringify(old), stored.id);
    const comparison = comparePlanWithActuals(currentPlan(store, "default")!, readActuals(store, "default"));
    const month1 = comparison.months[0]!;
    expect(month1.actual!.benefit - month1.planned.benefit).toBeCloseTo(-(1 - 0.8) * 8 * 150, 6);
    store.close();
  });
});

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { countActuals, readActuals, RecordedMonthsError, writeActuals } from "./actual-repository.js";
import { ActualColumns } from "./actual-rows.js";
import { openStore } from "./database.js";
import { actualFields } from "../shared/actual-fields.js";
import { currentPlan, savePlan } from "./plan-repository.js";
import { caseText, planFor } from "./test-support/portfolio.js";
import { temporaryFolders } from "./test-support/temporary.js";

const folder = temporaryFolders();

function storeWithPlan(team = "default", months = 24) {
  const store = openStore(join(folder(), "case.db"), { create: true });
  savePlan(store, planFor(team, caseText(months)), { replace: false });
  return store;
}

describe("writeActuals and readActuals", () => {
  it("round-trips recorded values, leaving unrecorded ones out", () => {
    const store = storeWithPlan();
    writeActuals(store, [{ team: "default", month: 2, values: { upkeepHours: 12.5, liveProjects: 1 }, note: "first release", source: "test" }], {
      replace: false,
    });
    expect(readActuals(store, "default")).toEqual([
      { team: "default", month: 2, values: { upkeepHours: 12.5, liveProjects: 1 }, note: "first release", source: "test" },
    ]);
    store.close();
  });

  it("refuses months already recorded, all listed, and writes nothing of the batch", () => {
    const store = storeWithPlan();
    writeActuals(store, [{ team: "default", month: 3, values: { upkeepHours: 1 }, source: "track add" }], { replace: false });
    const batch = [1, 2, 3, 4].map((month) => ({ team: "default", month, values: { upkeepHours: month }, source: `import a.csv line ${month + 1}` }));
    let caught: unknown;
    try {
      writeActuals(store, batch, { replace: false });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RecordedMonthsError);
    expect((caught as RecordedMonthsError).conflicts).toEqual([{ team: "default", month: 3, source: "import a.csv line 4", storedSource: "track add" }]);
    expect(countActuals(store)).toEqual({ default: 1 });
    expect(writeActuals(store, batch, { replace: true })).toEqual({ written: 4, replaced: 1, dropped: [] });
    expect(readActuals(store, "default").map((actual) => actual.values.upkeepHours)).toEqual([1, 2, 3, 4]);
    store.close();
  });

  it("rolls the whole batch back when a row fails half-way", () => {
    const store = storeWithPlan();
    const batch = [1, 2, 3].map((month) => ({ team: "default", month, values: { upkeepHours: month } }));
    expect(() =>
      writeActuals(store, batch, {
        replace: false,
        onRowWritten: (written) => {
          if (written === 2) throw new Error("disk gone");
        },
      }),
    ).toThrow("disk gone");
    expect(countActuals(store)).toEqual({});
    store.close();
  });

  it("checks the team's plan inside the transaction: no plan, or a month past its horizon, writes nothing", () => {
    const store = storeWithPlan("default", 24);
    expect(() => writeActuals(store, [{ team: "ghost", month: 1, values: { upkeepHours: 1 } }], { replace: false })).toThrow(/team "ghost" has no plan/);
    expect(() =>
      writeActuals(
        store,
        [
          { team: "default", month: 1, values: { upkeepHours: 1 } },
          { team: "default", month: 25, values: { upkeepHours: 1 } },
        ],
        { replace: false },
      ),
    ).toThrow(/month 25 of team "default" is outside its plan's months 1 to 24/);
    expect(countActuals(store)).toEqual({});
    store.close();
  });

  it("the database itself refuses negative hours written around the validation", () => {
    const store = storeWithPlan();
    expect(() => store.prepare("INSERT INTO actuals (team, month, upkeepHours, source, recorded_at) VALUES ('default', 1, -1, 'x', 'y')").run()).toThrow(
      /CHECK constraint/,
    );
    store.close();
  });
});

describe("savePlan", () => {
  it("keeps one current plan per team; a replaced plan stays as history", () => {
    const store = openStore(join(folder(), "case.db"), { create: true });
    const first = savePlan(store, planFor("default"), { replace: false });
    expect(() => savePlan(store, planFor("default"), { replace: false })).toThrow(
      /already has a plan: "better" from case.yaml, frozen 2025-01-01; use --replace/,
    );
    const second = savePlan(store, { ...planFor("default"), frozenAt: "2025-02-01T00:00:00.000Z" }, { replace: true });
    expect(second.replaced?.id).toBe(first.id);
    expect(currentPlan(store, "default")?.id).toBe(second.id);
    expect(store.prepare("SELECT count(*) FROM plans").pluck().get()).toBe(2);
    store.close();
  });

  it("reads back the frozen plan exactly", () => {
    const store = openStore(join(folder(), "case.db"), { create: true });
    const plan = planFor("default", undefined, { startMonth: "2025-01" });
    const { id } = savePlan(store, plan, { replace: false });
    expect(currentPlan(store, "default")).toEqual({ ...plan, id });
    store.close();
  });

  it("refuses a new plan shorter than months already recorded", () => {
    const store = openStore(join(folder(), "case.db"), { create: true });
    savePlan(store, planFor("default"), { replace: false });
    writeActuals(store, [{ team: "default", month: 100, values: { upkeepHours: 1 } }], { replace: false });
    const short = planFor("default", caseText(24));
    expect(() => savePlan(store, short, { replace: true })).toThrow(/actuals for month 100, beyond the new plan's horizon of 24 months/);
    store.close();
  });

  it("keeps recorded months on their calendar months under a plan that starts in another month, or changes nothing", () => {
    const store = openStore(join(folder(), "case.db"), { create: true });
    savePlan(store, planFor("default", undefined, { startMonth: "2025-01" }), { replace: false });
    // April (month 4) and February (month 2) of 2025.
    writeActuals(
      store,
      [
        { team: "default", month: 4, values: { upkeepHours: 99 }, note: "april" },
        { team: "default", month: 2, values: { upkeepHours: 77 } },
      ],
      { replace: false },
    );
    const months = () => readActuals(store, "default").map((record) => [record.month, record.values.upkeepHours]);
    // A plan from March would lose February: refused, nothing moved.
    expect(() => savePlan(store, planFor("default", undefined, { startMonth: "2025-03" }), { replace: true })).toThrow(
      /actuals for 2025-02 \(month 2\), before the new plan's first month 2025-03; .* nothing was changed: start the plan in 2025-02 or earlier/,
    );
    expect(months()).toEqual([
      [2, 77],
      [4, 99],
    ]);
    expect(currentPlan(store, "default")?.startMonth).toBe("2025-01");
    // From February: months 1 and 3; back from December 2024: months 3 and 5.
    expect(savePlan(store, planFor("default", undefined, { startMonth: "2025-02" }), { replace: true }).moved).toEqual({ months: [1, 3], shift: 1 });
    expect(months()).toEqual([
      [1, 77],
      [3, 99],
    ]);
    expect(savePlan(store, planFor("default", undefined, { startMonth: "2024-12" }), { replace: true }).moved).toEqual({ months: [3, 5], shift: -2 });
    expect(months()).toEqual([
      [3, 77],
      [5, 99],
    ]);
    expect(readActuals(store, "default").find((record) => record.month === 5)?.note).toBe("april");
    // The same start moves nothing.
    expect(savePlan(store, planFor("default", undefined, { startMonth: "2024-12" }), { replace: true }).moved).toBeUndefined();
    store.close();
  });
});

describe("a month already recorded, found while writing rows read from a file", () => {
  it("carries the new row's line as a number, not only in its source's words (the import parsed it out of them)", () => {
    const store = storeWithPlan();
    writeActuals(store, [{ team: "default", month: 2, values: { upkeepHours: 3 }, source: "track add" }], { replace: false });
    const measures = new Float64Array(actualFields.length).fill(Number.NaN);
    measures[actualFields.indexOf("upkeepHours")] = 4;
    const rows = new ActualColumns("a.csv", [actualFields.indexOf("upkeepHours")]);
    rows.add("default", 2, 7, undefined, measures);
    expect(rows.line(0)).toBe(7);
    let error: unknown;
    try {
      writeActuals(store, rows, { replace: false });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RecordedMonthsError);
    expect((error as RecordedMonthsError).conflicts).toEqual([
      { team: "default", month: 2, source: "import a.csv line 7", line: 7, storedSource: "track add" },
    ]);
    // A month from no file has no line.
    let fromAdd: unknown;
    try {
      writeActuals(store, [{ team: "default", month: 2, values: { upkeepHours: 5 }, source: "track add" }], { replace: false });
    } catch (caught) {
      fromAdd = caught;
    }
    expect((fromAdd as RecordedMonthsError).conflicts[0]!.line).toBeUndefined();
    store.close();
  });
});

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { actualFields } from "../shared/actual-fields.js";
import { countActuals, writeActuals } from "./actual-repository.js";
import { readActualsColumns, readActualsCsv } from "./csv/read-actuals.js";
import { openStore } from "./database.js";
import { importActualsCsv } from "./import-actuals.js";
import { planCalendars, savePlan } from "./plan-repository.js";
import { caseText, planFor } from "./test-support/portfolio.js";
import { temporaryFolders } from "./test-support/temporary.js";

const folder = temporaryFolders();

function storeWithPlans(name: string) {
  const store = openStore(join(folder(), name), { create: true });
  for (const team of ["north", "south"]) savePlan(store, planFor(team, caseText(48), { startMonth: "2025-01" }), { replace: false });
  return store;
}

/** 2 teams × 40 months: enough rows for whole batches of inserts and single rows after them; some cells empty, some notes quoted. */
function csvText(): string {
  const lines = [["team", "month", ...actualFields, "note"].join(",")];
  for (const team of ["north", "south"]) {
    for (let month = 1; month <= 40; month++) {
      const cells = actualFields.map((field, index) => {
        if ((month + index) % 5 === 0) return "";
        if (field === "satisfactionScore") return String(month % 100);
        if (["liveProjects", "releases", "incidents", "peopleJoined", "peopleLeft", "activeUsersPerWeek", "deployments"].includes(field))
          return String((month * 7 + index) % 9);
        return month === 3 && index === 0 ? "-0" : `${(month * 13 + index) % 97}.${month % 10}5`;
      });
      const note = month % 7 === 0 ? `"note, month ${month}"` : "";
      const calendar = `${2025 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, "0")}`;
      lines.push([team, month % 2 === 0 ? calendar : String(month), ...cells, note].join(","));
    }
  }
  return `${lines.join("\n")}\n`;
}

const storedRows = (store: ReturnType<typeof openStore>) =>
  store
    .prepare(`SELECT team, month, ${actualFields.map((field) => `quote(${field}) AS ${field}`).join(", ")}, note, source FROM actuals ORDER BY team, month`)
    .all();

describe("importing a CSV column by column", () => {
  it("stores exactly what writing its months one at a time stores", () => {
    const bytes = new TextEncoder().encode(csvText());
    const imported = storeWithPlans("imported.db");
    expect(importActualsCsv(imported, bytes, { fileName: "actuals.csv", team: "default" })).toMatchObject({ status: "imported", months: 80 });
    const oneByOne = storeWithPlans("one-by-one.db");
    const read = readActualsCsv(bytes, { fileName: "actuals.csv", team: "default", planOf: planCalendars(oneByOne) });
    expect(read.issues).toEqual([]);
    for (const row of read.rows) writeActuals(oneByOne, [row], { replace: false });
    const rows = storedRows(imported);
    expect(rows).toHaveLength(80);
    expect(rows).toEqual(storedRows(oneByOne));
    expect(rows).toContainEqual(expect.objectContaining({ team: "south", month: 14, note: "note, month 14", source: "import actuals.csv line 55" }));
    imported.close();
    oneByOne.close();
  });

  // A file naming millions of teams without a plan asked the store once for each and cached every
  // answer: 12 million took 2.5 minutes and 1.5 GB. The current plans are read once, before any row.
  it("reads the current plans once: looking up teams asks the store nothing more", () => {
    const store = storeWithPlans("plans.db");
    const planOf = planCalendars(store);
    store.close();
    expect(planOf("north")).toEqual({ horizonMonths: 48, startMonth: "2025-01" });
    expect(planOf("nobody")).toBeUndefined();
    expect(planOf("t1234567")).toBeUndefined();
  });

  it("calls onRowWritten for every row in order, and a failure half-way through a batch writes nothing", () => {
    const store = storeWithPlans("store.db");
    const read = readActualsColumns(new TextEncoder().encode(csvText()), { fileName: "a.csv", team: "default", planOf: planCalendars(store) });
    const seen: number[] = [];
    expect(() =>
      writeActuals(store, read.columns, {
        replace: false,
        onRowWritten: (written) => {
          seen.push(written);
          if (written === 50) throw new Error("disk gone");
        },
      }),
    ).toThrow("disk gone");
    expect(seen).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    expect(countActuals(store)).toEqual({});
    expect(writeActuals(store, read.columns, { replace: false })).toEqual({ written: 80, replaced: 0, dropped: [] });
    expect(countActuals(store)).toEqual({ north: 40, south: 40 });
    store.close();
  });
});

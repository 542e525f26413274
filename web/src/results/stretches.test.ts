import { describe, expect, it } from "vitest";
import type { MonthRow, ScenarioResult } from "../../../src/engine/index.js";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import closeCall from "../../../examples/close-call.yaml?raw";
import team from "../../../examples/team.yaml?raw";
import { buildResult, validateScenarioText } from "../../../src/engine/index.js";
import { monthsWithoutNewWorkBefore } from "../../../src/format/words.js";
import { CapacityView, overloadedWords, pausedWords, stretches } from "./CapacityView.js";

function month(month: number, change: Partial<MonthRow> = {}): MonthRow {
  return { month, liveProjects: 3, upkeepHours: 90, freeHours: 40.04, canStartNewWork: true, overloaded: false, ...change } as MonthRow;
}

describe("the capacity table's stretches of months", () => {
  it("joins consecutive months that look the same in the table (hours to a tenth) and starts a new stretch at any change", () => {
    const months = [
      month(1),
      month(2, { freeHours: 40.01 }),
      month(3, { freeHours: 39.2 }),
      month(4, { freeHours: 39.2, liveProjects: 4 }),
      month(5, { freeHours: 39.2, liveProjects: 4, canStartNewWork: false }),
      month(6, { freeHours: 39.2, liveProjects: 4, canStartNewWork: false }),
      month(7, { freeHours: 39.2, liveProjects: 4, canStartNewWork: false, overloaded: true }),
      month(8, { freeHours: 39.2, liveProjects: 4, canStartNewWork: false, overloaded: true, upkeepHours: 91 }),
    ];
    expect(stretches(months).map(({ first, last }) => [first, last])).toEqual([
      [1, 2],
      [3, 3],
      [4, 4],
      [5, 6],
      [7, 7],
      [8, 8],
    ]);
    expect(stretches(months)[0]!.row).toBe(months[0]);
    expect(stretches([])).toEqual([]);
  });
});

describe("pausedWords", () => {
  const scenario = (rows: MonthRow[], stops: number | null) => ({ months: rows, summary: { newWorkStopsMonth: stops } }) as unknown as ScenarioResult;

  it("names the months new work cannot start before it stops for good, as run's capacity table does, not '(paused in 2 months)'", () => {
    const rows = [1, 2, 3, 4, 5, 6].map((at) => month(at, { canStartNewWork: at > 2 && at < 5 }));
    // Months 1–2 paused, 3–4 open, 5–6 stopped for good.
    expect(pausedWords(scenario(rows, 5))).toBe(" (no room in months 1–2)");
    expect(pausedWords(scenario(rows.slice(0, 4), null))).toBe(" (no room in months 1–2)");
    expect(pausedWords(scenario([month(1), month(2)], null))).toBe("");
  });

  it("says of a change that starts in month 8, after the releases of months 4 and 7, what run says: 'never (no room in months 7–8)'", () => {
    const late = closeCall.replace("    change:\n      external:", "    change:\n      startMonth: 8\n      setupHours: 40\n      external:");
    const { compiled } = validateScenarioText(late);
    const result = buildResult(compiled!);
    const html = renderToStaticMarkup(createElement(CapacityView, { result }));
    const text = html.replace(/<[^>]+>/g, "");
    expect(text).toContain("New work stops for good: never (no room in months 7–8)");
    // run's capacity table writes "never (no room in months 7–8)" from the same months.
    expect(monthsWithoutNewWorkBefore(result.scenarios.optimal!.months, null)).toBe("months 7–8");
  });
});

describe("the capacity card's overloaded months", () => {
  const summary = (overloadedMonths: number[]) =>
    ({ overloadedMonths, firstOverloadedMonth: overloadedMonths[0] ?? null }) as unknown as ScenarioResult["summary"];

  it("counts them in the singular for one month, as 'from month 12 (1 month)', not '(1 months)'", () => {
    expect(overloadedWords(summary([]))).toBe("never");
    expect(overloadedWords(summary([12]))).toBe("from month 12 (1 month)");
    expect(overloadedWords(summary([10, 11, 12]))).toBe("from month 10 (3 months)");
  });
});

describe("the live projects each capacity card says its team keeps", () => {
  it("says a larger team's whole projects and their share per person, as page 1 does, not one person's rounded down", () => {
    const result = buildResult(validateScenarioText(team).compiled!);
    const text = renderToStaticMarkup(createElement(CapacityView, { result })).replace(/<[^>]+>/g, "");
    // It said "One person keeps at most 2 live projects" of a team of 4 whose months keep 9 live.
    expect(Math.max(...result.scenarios.today!.months.map((month) => month.liveProjects))).toBe(9);
    expect(text).not.toContain("One person keeps at most 2");
    // Then "The team of 4 keeps at most 9 live projects, about 2.4 per person", read as 9 ÷ 4 = 2.25.
    expect(text).toContain("The team of 4 has hours for about 2.4 live projects per person, 9 whole projects as a team");
    // A team of one keeps its person's whole projects, as before.
    const single = renderToStaticMarkup(createElement(CapacityView, { result: buildResult(validateScenarioText(closeCall).compiled!) })).replace(
      /<[^>]+>/g,
      "",
    );
    expect(single).toContain("One person keeps at most 4 live projects");
  });
});

import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import dora2020 from "../../../examples/peers/dora-2020-elite-large.yaml?raw";
import { buildResult, validateScenarioText } from "../../../src/engine/index.js";
import { formatPercent } from "../../../src/format/numbers.js";
import { JudgementNote } from "./JudgementNote.js";

describe("the note of what to check before relying on the figures", () => {
  const result = buildResult(validateScenarioText(dora2020).compiled!);
  const text = renderToStaticMarkup(createElement(JudgementNote, { result, busy: false })).replace(/<[^>]+>/g, "");

  it("names the return on cost as the card above it does, not by the command line's 'ROI'", () => {
    // dora-2020-elite-large.yaml: the card said "Return on cost 1,083%" and the note under it "ROI 1,083% above 500%".
    const roi = formatPercent(result.comparisons.transformed!.roi);
    expect(roi).toBe("1,083%");
    expect(text).toContain(`return on cost ${roi} above 500%`);
    expect(text).not.toContain("ROI");
  });
});

/** Three options over one month, not discounted: net gains of 17,000 less each licence (as `oneMonthThreeOptions` in src/test-support). */
function oneMonthThreeOptions(...licences: number[]): string {
  const options = licences.map(
    (licence, at) =>
      `  ${["first", "second", "third"][at]}:\n    label: ${["First", "Second", "Third"][at]}\n    projects: { upkeepHoursPerMonth: 10 }\n    tooling: { licences: { flatPerYear: ${licence} } }\n`,
  );
  return `title: Three options
currency: EUR
horizonMonths: 1
discountRate: 0
baseline: today
defaults:
  team: { people: 1, hoursPerMonth: 100, hourlyCost: 200 }
  projects: { alreadyLive: 1, upkeepHoursPerMonth: 90, valuePerMonth: 100, buildHours: 1000 }
  releases: { mode: capacity, newWorkThresholdHours: 80 }
scenarios:
  today: { label: Today }
${options.join("")}`;
}

describe("the note of a close call of three options", () => {
  const note = (text: string) =>
    renderToStaticMarkup(createElement(JudgementNote, { result: buildResult(validateScenarioText(text).compiled!), busy: false }))
      .replace(/<[^>]+>/g, "")
      .replaceAll("&quot;", '"');

  it("names a third option within 10% of the best with its own lead, as page 1 and run do", () => {
    // It said "“First” leads “Second” by €500 (5% of its net gain)" beside a “Third” €700 behind, named nowhere.
    expect(note(oneMonthThreeOptions(7000, 7500, 7700))).toContain(
      "Close call: “First” leads “Second” and “Third” by €500 and €700 (5% and 7% of its net gain)",
    );
  });

  it("names a third that gains the same as the second, though 80 cents from the first", () => {
    expect(note(oneMonthThreeOptions(7000, 7000.4, 7000.8))).toContain(
      "Close call: “First”, “Second” and “Third” gain the same, €10,000 and €9,999 (less than €1 apart)",
    );
  });
});

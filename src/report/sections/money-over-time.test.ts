import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildResult, validateScenarioText } from "../../engine/index.js";
import { createReport } from "../create-report.js";
import { textOf } from "../report-text.js";

// The caption of "When the money comes back" against the chart above it: a dashed line is drawn only
// at a payback month, so the caption names one only when there is one.

const seed = readFileSync(new URL("../../../examples/seed.yaml", import.meta.url), "utf8");

async function caption(text: string): Promise<{ caption: string; dashed: number; paybacks: (number | null)[] }> {
  const { compiled, issues } = validateScenarioText(text);
  if (!compiled) throw new Error(JSON.stringify(issues));
  const result = buildResult(compiled);
  const { html } = await createReport(compiled, { result });
  const section = html.match(/<section id="money-over-time"[\s\S]*?<\/section>/)?.[0];
  if (!section) throw new Error("no money-over-time section");
  const figcaption = section.match(/<figcaption>[\s\S]*?<\/figcaption>/)?.[0] ?? "";
  return {
    caption: textOf(figcaption),
    // The chart's payback labels, one per month marked.
    dashed: (section.match(/Pays back: month \d+/g) ?? []).length,
    paybacks: Object.values(result.comparisons).map((comparison) => comparison.paybackMonth),
  };
}

describe("the caption of the gain-over-time chart", () => {
  it("names the dashed line when an option pays back", async () => {
    const { caption: text, dashed, paybacks } = await caption(seed);
    expect(paybacks.every((month) => month !== null && month > 0)).toBe(true);
    expect(dashed).toBeGreaterThan(0);
    expect(text).toContain("The dashed line marks the month it pays back for good.");
  });

  it("says no month is marked when no option pays back, instead of naming a dashed line the chart does not draw", async () => {
    // Licences of €36,000 a year and €1,500 a person a month: neither option pays back within the 12 months.
    const { caption: text, dashed, paybacks } = await caption(seed.replace("value: 3600", "value: 36000").replace("value: 150", "value: 1500"));
    expect(paybacks).toEqual([null, null]);
    expect(dashed).toBe(0);
    expect(text).not.toContain("dashed line");
    expect(text).toContain("None of the options pays back within the 12 months, so no month is marked.");
  });

  it("says which options have no dashed line when only some pay back", async () => {
    const { caption: text, paybacks } = await caption(seed.replace("value: 3600", "value: 36000"));
    expect(paybacks[0]).toBeNull();
    expect(paybacks[1]).not.toBeNull();
    expect(text).toContain("The dashed line marks the month it pays back for good; an option without one does not pay back within the 12 months.");
  });

  it("says with ranges that no payback month holds with every range at its middle, where it said it as fact", async () => {
    // examples/seed-uncertain.yaml with licences neither option pays back at the middle of the ranges.
    const text = readFileSync(new URL("../../../examples/seed-uncertain.yaml", import.meta.url), "utf8")
      .replace("value: 3600", "value: 36000")
      .replace("value: 150", "value: 1500");
    const { caption: words, paybacks } = await caption(text);
    expect(paybacks).toEqual([null, null]);
    expect(words).toContain("With every range at its middle, none of the options pays back within the 12 months, so no month is marked.");
    const some = await caption(readFileSync(new URL("../../../examples/seed-uncertain.yaml", import.meta.url), "utf8").replace("value: 3600", "value: 36000"));
    expect(some.paybacks[0]).toBeNull();
    expect(some.caption).toContain(
      "The dashed line marks the month it pays back for good; an option without one does not pay back within the 12 months. The lines and the month marked are those with every range at its middle",
    );
  });

  it("says with ranges that the month marked is that of every range at its middle, where it said it as fact", async () => {
    // examples/seed-uncertain.yaml: both options pay back at the middle of the ranges, their outcomes in different months.
    const { caption: words, paybacks } = await caption(readFileSync(new URL("../../../examples/seed-uncertain.yaml", import.meta.url), "utf8"));
    expect(paybacks.every((month) => month !== null && month > 0)).toBe(true);
    expect(words).toContain("The dashed line marks the month it pays back for good. The lines and the month marked are those with every range at its middle");
  });
});

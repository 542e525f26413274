import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildResult, MonteCarlo, validateScenarioText, withUncertainty } from "../../engine/index.js";
import { createReport } from "../create-report.js";
import { textOf } from "../report-text.js";

// The charts and tables after page 1 show the case's own figures: with ranges, those of every range at
// its middle, sampled or not (docs/numbers.md, "Ranges"). In a case with ranges the gain chart's line
// can end far from the middle of its band (a line ending at −2,087 beside a band whose median is −5,300),
// so each caption says what its figures are; with ranges sampled it said nothing of it, and its band
// "holds 9 in 10 of the likely outcomes", not in page 1's words.

const examples = new URL("../../../examples/", import.meta.url);

/** Each section's text but its chart, by section id. */
async function sections(name: string, sampled: boolean): Promise<Record<string, string>> {
  const { compiled, issues } = validateScenarioText(readFileSync(new URL(name, examples), "utf8"));
  if (!compiled) throw new Error(JSON.stringify(issues));
  const point = buildResult(compiled);
  const result = sampled ? withUncertainty(point, new MonteCarlo(compiled, { samples: 300, seed: 1 }).runAll().summarise()) : point;
  const { html } = await createReport(compiled, { result });
  const texts: Record<string, string> = {};
  for (const match of html.matchAll(/<section id="([a-z-]+)"[\s\S]*?<\/section>/g)) {
    texts[match[1]!] = textOf(match[0].replace(/<svg[\s\S]*?<\/svg>/g, "").replace(/<table[\s\S]*?<\/table>/g, ""));
  }
  return texts;
}

// seed-uncertain.yaml's options pay back at the middle of the ranges: the month marked is said with the lines.
const GAIN_LINES_SAMPLED = "The lines and the month marked are those with every range at its middle; each shaded band is where 9 outcomes out of 10 fall.";

describe("captions of the charts and tables after page 1, in a case with ranges", () => {
  it("say the figures are those with every range at its middle when the ranges are sampled, and what the band is in page 1's words", async () => {
    const text = await sections("seed-uncertain.yaml", true);
    expect(text["money-over-time"]).toContain(GAIN_LINES_SAMPLED);
    expect(text["money-over-time"]).not.toContain("9 in 10 of the likely outcomes");
    expect(text.benefit).toContain(
      "The amounts are totals over the 12 months, before money is valued over time. They are those with every range at its middle.",
    );
    expect(text["month-by-month"]).toContain("Hours are the team's free hours in each month. The figures are those with every range at its middle.");
    expect(text["live-projects"]).toContain("The counts are those with every range at its middle.");
  });

  it("say the same when the ranges are not sampled (--samples 0), where no band is drawn", async () => {
    const text = await sections("seed-uncertain.yaml", false);
    expect(text["money-over-time"]).toContain("The lines and the month marked are those with every range at its middle.");
    expect(text["money-over-time"]).not.toContain("shaded band");
    expect(text.benefit).toContain("They are those with every range at its middle.");
    expect(text["month-by-month"]).toContain("The figures are those with every range at its middle.");
  });

  it("say nothing of ranges in a case without any", async () => {
    const text = await sections("seed.yaml", false);
    for (const id of ["money-over-time", "benefit", "month-by-month", "live-projects"]) {
      expect(text[id], id).toBeDefined();
      expect(text[id], id).not.toContain("every range at its middle");
    }
    expect(text["money-over-time"]).toContain("The lines are single estimates, with no range around them yet.");
  });
});

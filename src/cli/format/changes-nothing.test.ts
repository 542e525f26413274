import { describe, expect, it } from "vitest";
import { changesNothingResults, closeToNothingResults } from "../../test-support/changes-nothing-case.js";
import { formatChance } from "../../format/numbers.js";
import { renderVoiText } from "../commands/voi.js";
import { renderRunReport } from "./run-report.js";

/** The cells of the row of `run`'s table `title` whose first cell is `label`. */
function rowOf(text: string, title: string, label: string): string[] {
  const lines = text.split("\n");
  const start = lines.findIndex((line) => line.trimStart().startsWith(title));
  const row = lines.slice(start).find((line) => line.trimStart().startsWith(`${label}  `))!;
  return row
    .trim()
    .split(/ {2,}/)
    .map((cell) => cell.trim());
}

describe("run's tables for an option that changes nothing", () => {
  it("give no payback, no payback range and no chance of one, where they said “from the start”", () => {
    const text = renderRunReport(changesNothingResults().sampled);
    const rows = text.split("\n").filter((line) => line.startsWith("  New option"));
    // The first table, the other conventions, DORA's, and how sure we are.
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows[0]).toMatch(/nothing to pay back/);
    expect(rows.join("\n")).not.toMatch(/from the start|0\.00|over 99%/);
    const sure = rows.find((row) => /€0 +€0 +nothing to pay back/.test(row));
    expect(sure).toMatch(/nothing to pay back +n\/a/);
    // Another option keeps its month.
    expect(text).toMatch(/Better tools \(tools\) .* month \d+/);
  });
});

describe("run and voi on an option that changes nothing, beside today and an option close to today", () => {
  it("weigh it as today in the decision: “Best on average” names today alone, never the two as level", () => {
    for (const sameFirst of [false, true]) {
      const { sampled } = closeToNothingResults(sameFirst);
      const decision = sampled.decision!;
      const today = decision.options.find((option) => option.scenario === "current")!;
      const compromise = decision.options.find((option) => option.scenario === "compromise")!;
      const line = renderRunReport(sampled)
        .split("\n")
        .find((text) => text.startsWith("  Best on average: "))!;
      // It read "Best on average: Today, level at the top with New option in 50% of the samples, What will be approved best alone in 50%"
      // (and, with it first in the file, "Best on average: New option, level at the top with Today in …").
      expect(line).toBe(
        `  Best on average: Today, the best option in ${formatChance(today.probabilityBest)} of the samples, What will be approved in ${formatChance(compromise.probabilityBest)}`,
      );
    }
  });

  it("voi gives it no chance of its own and marks today alone as best on average", () => {
    for (const sameFirst of [false, true]) {
      const { sampled } = closeToNothingResults(sameFirst);
      const text = renderVoiText(sampled, sampled.decision!);
      // It marked both "← best on average (level)", with 50% and 50% against "What will be approved"'s 50%, shared.
      expect(text).not.toContain("(level)");
      expect(text).not.toContain("A tie for best is shared");
      expect(text).toContain("  Today (current) ← best on average ");
      const same = rowOf(text, "Option", "New option (same)");
      expect(same[1]).toBe("n/a");
      expect(text).toContain(
        "  New option (same) changes nothing against Today (current): the same choice, counted once, under Today (current), so its own chance is n/a.\n",
      );
    }
  });

  it("run gives no “Chance NPV > 0” for it: “n/a”, as its chance of paying back, not “under 1%”", () => {
    const { sampled } = closeToNothingResults();
    const text = renderRunReport(sampled);
    // It read "New option  €0  €0  nothing to pay back  n/a  under 1%".
    expect(rowOf(text, "How sure we are", "New option")).toEqual(["New option", "€0", "€0", "nothing to pay back", "n/a", "n/a"]);
    // The option that changes something keeps its chance.
    expect(rowOf(text, "How sure we are", "What will be approved").at(-1)).toMatch(/^\d+%$/);
  });

  it("say there is nothing to choose between when every option but today changes nothing, not that today is best in over 99%", () => {
    const { sampled } = changesNothingResults(true);
    const sentence = "New option changes nothing against Today: there is nothing to choose between, so nothing is worth measuring before deciding.";
    const run = renderRunReport(sampled);
    // It read "Best on average: Today, level at the top with New option in every sample".
    expect(run).toContain(`\n  ${sentence}\n`);
    expect(run).not.toContain("Best on average");
    const voi = renderVoiText(sampled, sampled.decision!);
    expect(voi).toContain(
      "\nNew option (same) changes nothing against Today (today): there is nothing to choose between, so nothing is worth measuring before deciding.\n",
    );
    expect(rowOf(voi, "Option", "Today (today)")[1]).toBe("n/a");
    expect(rowOf(voi, "Option", "New option (same)")[1]).toBe("n/a");
    expect(voi).not.toContain("← best on average");
    expect(voi).not.toContain("over 99%");
  });
});

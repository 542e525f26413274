import { describe, expect, it } from "vitest";
import { changesNothingResults, closeToNothingResults } from "../../test-support/changes-nothing-case.js";
import { createReport } from "../create-report.js";
import { textOf } from "../report-text.js";
import { formatChance } from "../../format/numbers.js";

async function reportText(onlySame: boolean): Promise<string> {
  const { compiled, sampled } = changesNothingResults(onlySame);
  const { html } = await createReport(compiled, { result: sampled, generatedOn: "1 June 2026" });
  return textOf(html.replace(/<\/?span[^>]*>/g, ""));
}

describe("the report on an option that changes nothing", () => {
  it("says on page 1's payback card that there is nothing to pay back, not that it pays back from the start", async () => {
    const text = await reportText(true);
    // It said "From the start … It never costs more than it brings back. … The chance that it pays back within 12 months is over 99%."
    expect(text).toContain("Nothing to pay back");
    expect(text).toContain("It changes nothing against “Today”: no cost and no gain, so there is nothing to pay back.");
    expect(text).not.toContain("From the start");
    expect(text).not.toContain("never costs more than it brings back");
    expect(text).not.toMatch(/The chance that it pays back within 12 months/);
  });

  it("sets no deadline for it when page 1 advises against it: it would change nothing", async () => {
    const text = await reportText(true);
    // It said "Do not go ahead with “New option” as planned. Rework it." of an option with nothing to rework.
    expect(text).toContain("Stay as today: “New option” changes nothing against it.");
    expect(text).not.toContain("Rework");
    // It said "If it goes ahead anyway, set a clear deadline. …" of an option that changes nothing.
    expect(text).not.toContain("goes ahead anyway");
  });

  it("gives it no payback month in the table of options", async () => {
    const { compiled, sampled } = changesNothingResults();
    const { html } = await createReport(compiled, { result: sampled, generatedOn: "1 June 2026" });
    const row = html.match(/<tr data-option="same">[\s\S]*?<\/tr>/)?.[0];
    expect(row).toBeDefined();
    const cells = textOf(row!.replace(/<\/?span[^>]*>/g, ""));
    expect(cells).toContain("nothing to pay back");
    expect(cells).not.toContain("from the start");
    expect(cells).not.toContain("9 in 10");
  });

  it("sets no close call beside it on page 1: the best goes ahead or not against today", async () => {
    const { compiled, sampled } = closeToNothingResults();
    const { html } = await createReport(compiled, { result: sampled, generatedOn: "1 June 2026" });
    const text = textOf(html.replace(/<\/?span[^>]*>/g, ""));
    // It said "Two options are close: “What will be approved” and “New option”. … Choose on what matters more to you: …".
    expect(text).not.toContain("Two options are close");
    expect(text).not.toContain("Choose on what matters more");
    expect(text).toContain("Go ahead with “What will be approved” only if a loss is a risk you can take.");
    // Nor is it the option it beats: it said "Of the two options, it brings the most: … against €0 for “New option”".
    expect(text).not.toContain("Of the two options");
    expect(text).not.toMatch(/against €0 for “New option”/);
    expect(text).toMatch(/It brings €[\d,]+ more than today over 12 months/);
  });

  it("weighs it as today in the decision section: today comes out best, not level at the top with it", async () => {
    for (const sameFirst of [false, true]) {
      const { compiled, sampled } = closeToNothingResults(sameFirst);
      const { html } = await createReport(compiled, { result: sampled, generatedOn: "1 June 2026" });
      const text = textOf(html.replace(/<\/?span[^>]*>/g, ""));
      const chance = (name: string) => formatChance(sampled.decision!.options.find((option) => option.scenario === name)!.probabilityBest);
      // It said "“Today” is level at the top with “New option” in 50% of the outcomes, …" (with it first in the file, "“New option” is …").
      expect(text).toContain(
        `Over the 2,000 outcomes of the ranges, “Today” comes out best in ${chance("current")} of them; “What will be approved” in ${chance("compromise")}.`,
      );
      expect(text).not.toContain("level at the top");
    }
  });

  it("says in the decision section that there is nothing to choose between when it is the only option", async () => {
    const text = await reportText(true);
    const at = text.indexOf("Is it worth finding out more first?");
    expect(at).toBeGreaterThanOrEqual(0);
    // It said "“Today” is level at the top with “New option” in every outcome".
    expect(text.slice(at)).toMatch(
      /^Is it worth finding out more first\? “New option” changes nothing against “Today”: there is nothing to choose between, so nothing is worth measuring before deciding\./,
    );
    expect(text).not.toContain("level at the top");
  });
});

import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import dora2020 from "../../../examples/peers/dora-2020-elite-large.yaml?raw";
import { buildResult, MonteCarlo, validateScenarioText, withUncertainty } from "../../../src/engine/index.js";
import { formatChance, formatPercent } from "../../../src/format/numbers.js";
import { oneMonthThreeOptions } from "../../../src/test-support/one-month-case.js";
import { THIRD_CLOSE_BY_CHANCE } from "../../../src/test-support/close-call-cases.js";
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

describe("the note of a close call whose third option is named for its chance alone", () => {
  it("says that chance, as run and page 1 do: why the third, 23% behind, is named", () => {
    const text = THIRD_CLOSE_BY_CHANCE;
    const { compiled } = validateScenarioText(text);
    const result = withUncertainty(buildResult(compiled!), MonteCarlo.summaryOf(compiled!, { samples: 2_000, seed: 1 }));
    const note = renderToStaticMarkup(createElement(JudgementNote, { result, busy: false })).replace(/<[^>]+>/g, "");
    // It said "(5% and 23% of its net gain, ahead of “Second” in over 99% of the outcomes)", the third's chance nowhere.
    // Ahead of “Second” in every one of the samples: the count, as page 1 and the decision panel say the same draws, not "over 99%".
    expect(result.decision!.chanceAbove.b!.c!).toBe(1);
    expect(note).toContain(
      `ahead of “Second” in every one of the 2,000 outcomes and of “Third” in ${formatChance(result.decision!.chanceAbove.b!.d!)} of them`,
    );
  });
});

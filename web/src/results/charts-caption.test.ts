import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import closeCall from "../../../examples/close-call.yaml?raw";
import seed from "../../../examples/seed.yaml?raw";
import { buildResult, MonteCarlo, validateScenarioText, withUncertainty } from "../../../src/engine/index.js";
import { uncertaintyFromResult } from "../../../src/report/uncertainty-view.js";
import { gainChartMarks } from "../../../src/format/words.js";
import { STAY_ON_AVERAGE_CASE as stayVsAverage } from "../../../src/test-support/stay-on-average-case.js";
import { Charts } from "./Charts.js";

/** The gain chart's caption, as the page renders it. */
function gainCaption(yaml: string, sampled: boolean): string {
  const { compiled } = validateScenarioText(yaml);
  const bare = buildResult(compiled!);
  const result = sampled ? withUncertainty(bare, MonteCarlo.summaryOf(compiled!, { samples: 300, seed: 1 })) : bare;
  const uncertainty = sampled ? uncertaintyFromResult(result) : undefined;
  const html = renderToStaticMarkup(createElement(Charts, { result, compiled, uncertainty, tornado: undefined }));
  const caption = /<h3 id="chart-cumulative-net-title">[^<]*<\/h3><figcaption[^>]*>([^<]*)<\/figcaption>/.exec(html)?.[1] ?? "";
  return caption.replace(/&#x27;/g, "'");
}

describe("the gain chart's caption in the web app", () => {
  it("says that no month is marked, with every range at its middle, and what the band is, as the report's caption does", () => {
    // It read "…; it crosses zero in the month the change pays back." where no line crosses zero, and said nothing of the band.
    const caption = gainCaption(stayVsAverage, true);
    expect(caption).not.toContain("crosses zero");
    expect(caption).toContain(
      "With every range at its middle, it does not pay back within the 12 months, so no month is marked. The lines are those with every range at its middle; each shaded band is where 9 outcomes out of 10 fall.",
    );
    // Before the ranges are sampled, no band is drawn and none is spoken of; the lines are the same.
    const unsampled = gainCaption(stayVsAverage, false);
    expect(unsampled).toContain("The lines are those with every range at its middle.");
    expect(unsampled).not.toContain("band");
  });

  it("says what the dashed line marks where an option pays back, in the report's words", () => {
    const { compiled } = validateScenarioText(closeCall);
    const result = buildResult(compiled!);
    const caption = gainCaption(closeCall, false);
    // examples/close-call.yaml has ranges: the month marked is that of every range at its middle.
    expect(caption).toContain("The dashed line marks the month it pays back for good");
    expect(caption).toContain("The lines and the month marked are those with every range at its middle");
    expect(
      caption.endsWith(
        gainChartMarks(
          Object.values(result.comparisons).map((comparison) => comparison.paybackMonth),
          result.horizonMonths,
          "notSampled",
        ),
      ),
    ).toBe(true);
  });
});

describe("the tornado's caption in the web app", () => {
  it("names what each bar shows as the cards and the chart's axis do, the net gain (NPV)", () => {
    // It read "Net present value with each input 20% lower or higher" under an axis of net gain.
    const { compiled } = validateScenarioText(seed);
    const result = buildResult(compiled!);
    const html = renderToStaticMarkup(createElement(Charts, { result, compiled, uncertainty: undefined, tornado: undefined }));
    const caption = /<h3 id="chart-tornado-title">[^<]*<\/h3><figcaption[^>]*>([^<]*)<\/figcaption>/.exec(html)?.[1] ?? "";
    expect(caption).toBe("Net gain (NPV) with each input 20% lower or higher, the others as written.");
  });
});

import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import closeCall from "../../../examples/close-call.yaml?raw";
import seed from "../../../examples/seed.yaml?raw";
import { STAY_ON_AVERAGE_CASE as stayVsAverage } from "../../../src/test-support/stay-on-average-case.js";
import { buildResult, validateScenarioText } from "../../../src/engine/index.js";
import { LiveStrip } from "./LiveStrip.js";

describe("the strip of headline figures on a narrow screen", () => {
  const { compiled } = validateScenarioText(closeCall);
  const result = buildResult(compiled!);
  const text = (stale: boolean) => renderToStaticMarkup(createElement(LiveStrip, { result, stale })).replace(/<[^>]+>/g, "");

  it("says in words that its figures are the last case's while a field has an error, not only in a greyer background", () => {
    // At 390 px a bad value left "€5,970 · pays back month 9" in the strip, greyed, with nothing saying it was not the edit's.
    expect(text(true)).toMatch(/^The figures shown are those of the case before this edit, until the problems are fixed:/);
    expect(text(true)).toContain("€5,970 · pays back month 9");
    expect(text(false)).not.toContain("before this edit");
  });

  it("names its figure as the cards do: the net gain (NPV), not a bare amount that could be a cost or the undiscounted gain", () => {
    // It read "Our own open-source stack €104,569 · pays back month 19" beside cards that call it "Net gain (NPV)".
    expect(text(false)).toMatch(/^\S.* net gain \(NPV\) €5,970 · pays back month 9/);
  });
});

describe("the strip, where the case has ranges", () => {
  it("says no payback is so with every range at its middle, as the cards say, not as fact", () => {
    // It read "… · does not pay back within 12 months" where 54% of the outcomes pay back.
    const { compiled } = validateScenarioText(stayVsAverage);
    const text = renderToStaticMarkup(createElement(LiveStrip, { result: buildResult(compiled!), stale: false })).replace(/<[^>]+>/g, "");
    expect(text).toContain("does not pay back within 12 months with every range at its middle");
  });

  it("says a payback month is so with every range at its middle too, and says nothing of ranges where the case has none", () => {
    // It read "Every tool we want net gain (NPV) €5,970 · pays back month 9" of examples/close-call.yaml, whose outcomes pay back in months 8 to 10.
    const { compiled } = validateScenarioText(closeCall);
    const text = renderToStaticMarkup(createElement(LiveStrip, { result: buildResult(compiled!), stale: false })).replace(/<[^>]+>/g, "");
    expect(text).toContain("€5,970 · pays back month 9 with every range at its middle");
    const single = validateScenarioText(seed).compiled!;
    const strip = renderToStaticMarkup(createElement(LiveStrip, { result: buildResult(single), stale: false }));
    expect(strip).toContain("pays back month");
    expect(strip).not.toContain("every range at its middle");
  });
});

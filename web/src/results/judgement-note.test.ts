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

import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { CaseResult } from "../../../src/engine/index.js";
import { RangesNote } from "./RangesNote.js";

/** A result with ranges of 2,000 outcomes of two inputs. */
function withRanges(): CaseResult {
  return { uncertainty: { samples: 2000, seed: 7, inputs: ["a", "b"] } } as unknown as CaseResult;
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

describe("the web app's note on the ranges", () => {
  it("counts outcomes, the report's word (its 'How the figures are worked out'), not 'draws'", () => {
    const settled = text(renderToStaticMarkup(createElement(RangesNote, { result: withRanges(), progress: undefined })));
    // It read "Ranges from 2,000 draws of the 2 inputs".
    expect(settled).toContain("Ranges from 2,000 outcomes of the 2 inputs given as a range (seed 7).");
    const refining = text(renderToStaticMarkup(createElement(RangesNote, { result: withRanges(), progress: 0.5, refining: true })));
    // It read "Ranges from the first 2,000 draws; refining them".
    expect(refining).toContain("Ranges from the first 2,000 outcomes; refining them with 10,000");
    expect(`${settled} ${refining}`).not.toMatch(/draw/);
  });

  it("says what the big figures are, the case with every range at its middle, and what the ranges beside them are", () => {
    const settled = text(renderToStaticMarkup(createElement(RangesNote, { result: withRanges(), progress: undefined })));
    // It read "Figures without a range use each input's middle value." beside a figure with a range that is itself the middle's.
    expect(settled).not.toContain("Figures without a range");
    expect(settled).toContain("The cards' figures are those with every range at its middle; a range beside one is where 9 outcomes out of 10 fall.");
  });
});

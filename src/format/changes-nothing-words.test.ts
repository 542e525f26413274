import { describe, expect, it } from "vitest";
import { changesNothingWords, NOTHING_TO_PAY_BACK, paybackFigure } from "./words.js";

describe("the words of an option that changes nothing", () => {
  it("give no payback month, where the rule's month 0 read “from the start”", () => {
    expect(paybackFigure({ paybackMonth: 0, changesNothing: true }, 36)).toBe(NOTHING_TO_PAY_BACK);
    expect(NOTHING_TO_PAY_BACK).toBe("nothing to pay back");
    // Every other option keeps its month.
    expect(paybackFigure({ paybackMonth: 0, changesNothing: false }, 36)).toBe("from the start");
    expect(paybackFigure({ paybackMonth: 12, changesNothing: false }, 36)).toBe("month 12");
    expect(paybackFigure({ paybackMonth: null }, 36)).toBe("not within 36 months");
  });

  it("say it changes nothing against the baseline, with no cost and no gain", () => {
    expect(changesNothingWords("Today")).toBe("It changes nothing against “Today”: no cost and no gain, so there is nothing to pay back.");
  });
});

import { describe, expect, it } from "vitest";
import type { ComparisonResult } from "../../../src/engine/index.js";
import { askedFor } from "./Headline.js";

const investment = (cash: number, teamHours: number): ComparisonResult["investment"] => ({
  cash,
  teamHours,
  teamHoursCost: teamHours * 60,
  total: cash + teamHours * 60,
});

describe("what an option asks for, on its card", () => {
  it("says what it saves against today's own, bigger change, as page 1 does, not a negative amount asked for", () => {
    // It said "-€5,000 up front" and nothing of the 200 hours.
    expect(askedFor(investment(-5000, -200), "EUR")).toEqual({ upFront: "€0", more: ", €5,000 less than today; 200 team hours less than today's own change" });
    expect(askedFor(investment(-5000, 0), "EUR")).toEqual({ upFront: "€0", more: ", €5,000 less than today" });
    expect(askedFor(investment(0, -200), "EUR")).toEqual({ upFront: "€0", more: ", 200 team hours less than today's own change" });
    expect(askedFor(investment(2000, 120), "EUR")).toEqual({ upFront: "€2,000", more: " + 120 team hours on the change" });
    expect(askedFor(investment(0, 0), "EUR")).toEqual({ upFront: "€0", more: "" });
  });

  it("decides, as page 1 does (src/format/asked-for.ts), on the figures as written: no '+ 0 team hours on the change'", () => {
    expect(askedFor(investment(0, 0.04), "EUR")).toEqual({ upFront: "€0", more: "" });
    expect(askedFor(investment(-0.4, -0.04), "EUR")).toEqual({ upFront: "€0", more: "" });
    expect(askedFor(investment(0, 0.06), "EUR")).toEqual({ upFront: "€0", more: " + 0.1 team hours on the change" });
  });
});

import { describe, expect, it } from "vitest";
import { editDistance, suggest } from "./suggest.js";

describe("suggest", () => {
  it("finds a transposed, dropped or misspelt name", () => {
    const known = ["upkeepHoursPerMonth", "buildHours", "valuePerMonth", "alreadyLive"];
    expect(suggest("upkeepHoursPerMonht", known)).toBe("upkeepHoursPerMonth");
    expect(suggest("buildHour", known)).toBe("buildHours");
    expect(suggest("valuepermonth", known)).toBe("valuePerMonth");
  });

  it("finds a name the user shortened", () => {
    expect(suggest("horizon", ["title", "horizonMonths", "baseline"])).toBe("horizonMonths");
  });

  it("offers nothing when nothing is close", () => {
    expect(suggest("favouriteColour", ["people", "hoursPerMonth", "hourlyCost", "salary"])).toBeUndefined();
    expect(suggest("x", [])).toBeUndefined();
  });
});

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions, ignoring case", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("Team", "team")).toBe(0);
    expect(editDistance("", "abc")).toBe(3);
  });
});

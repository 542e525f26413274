import { describe, expect, it } from "vitest";
import { describeValue, formatPath, hasErrors } from "./issues.js";

describe("formatPath", () => {
  it("writes a path the way a user points at a field", () => {
    expect(formatPath(["defaults", "team", "people"])).toBe("defaults.team.people");
    expect(formatPath(["defaults", "releases", "months", 2])).toBe("defaults.releases.months[2]");
    expect(formatPath(["scenarios", "my case", "team"])).toBe('scenarios["my case"].team');
    expect(formatPath([])).toBe("(top level)");
  });
});

describe("describeValue", () => {
  it("names what was found in plain words", () => {
    expect(describeValue("thirty")).toBe('the text "thirty"');
    expect(describeValue(-30)).toBe("-30");
    expect(describeValue(null)).toBe("empty");
    expect(describeValue([])).toBe("an empty list");
    expect(describeValue([4, 7])).toBe("a list of 2 items");
    expect(describeValue({})).toBe("an empty map");
    expect(describeValue({ amount: 60 })).toBe("a map with amount");
    expect(describeValue(Number.POSITIVE_INFINITY)).toBe("infinite");
    expect(describeValue(Number.NaN)).toBe("not a number (.nan)");
  });

  it("shortens long text", () => {
    expect(describeValue("x".repeat(100))).toBe(`the text "${"x".repeat(57)}..."`);
  });
});

describe("hasErrors", () => {
  it("is true only for errors, not warnings", () => {
    expect(hasErrors([{ path: [], code: "ignored", message: "m", severity: "warning" }])).toBe(false);
    expect(hasErrors([{ path: [], code: "missing", message: "m", severity: "error" }])).toBe(true);
  });
});

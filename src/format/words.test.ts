import { describe, expect, it } from "vitest";
import { listInWords } from "./words.js";

describe("listInWords", () => {
  it("joins with commas and a last 'and', and leaves one item or none as it is", () => {
    expect(listInWords([])).toBe("");
    expect(listInWords(["month 3"])).toBe("month 3");
    expect(listInWords([3, 5])).toBe("3 and 5");
    expect(listInWords([3, 5, 8])).toBe("3, 5 and 8");
  });
});

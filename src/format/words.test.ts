import { describe, expect, it } from "vitest";
import { labelWithRecordedShare, listInWords, recordedShareWords } from "./words.js";

describe("listInWords", () => {
  it("joins with commas and a last 'and', and leaves one item or none as it is", () => {
    expect(listInWords([])).toBe("");
    expect(listInWords(["month 3"])).toBe("month 3");
    expect(listInWords([3, 5])).toBe("3 and 5");
    expect(listInWords([3, 5, 8])).toBe("3, 5 and 8");
  });
});

describe("recordedShareWords", () => {
  it("says nothing when every month with a record measured the figure, else which part is the plan's working", () => {
    expect(recordedShareWords(3, 3)).toBe("");
    expect(recordedShareWords(0, 3)).toBe("not recorded: worked out from the plan");
    expect(recordedShareWords(1, 3)).toBe("recorded in 1 of 3 months, the others worked out from the plan");
    expect(labelWithRecordedShare("Cash spent to month 3", 3, 3)).toBe("Cash spent to month 3");
    expect(labelWithRecordedShare("Cash spent to month 3", 0, 3)).toBe("Cash spent to month 3 (not recorded: worked out from the plan)");
  });
});

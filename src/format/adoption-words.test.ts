import { describe, expect, it } from "vitest";
import { ADOPTION_STAY_OPENING, adoptionOrderFor } from "./words.js";

describe("whose order “What to ask for first” is, in the words of the report and the web app", () => {
  it("names the option and the recommended one it is not", () => {
    expect(adoptionOrderFor("“Four capabilities first”", "“A managed platform”", true, true)).toBe(
      "This order is for “Four capabilities first”, the best option built from improvements one can ask for one by one; it is not the recommended “A managed platform”. ",
    );
  });

  it("names the best by its gain where page 1 recommends none, and an order that is not the best of them as one of them", () => {
    expect(adoptionOrderFor("“B”", "“A”", false, false)).toBe(
      "This order is for “B”, an option built from improvements one can ask for one by one; it is not “A”, the option with the highest net gain. ",
    );
    expect(ADOPTION_STAY_OPENING).toBe("Page 1 advises not to go ahead as planned, so nothing here is a request for approval.");
  });
});

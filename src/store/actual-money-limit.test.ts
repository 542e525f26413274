import { describe, expect, it, vi } from "vitest";
import { checkActualValue } from "./validate-actual.js";
import { valueKinds } from "../shared/actual-fields.js";

// The engine's limit on an amount of money moved to 50 billion: the actuals' limit moves with it.
vi.mock("../engine/scenario/quantity.js", async (importOriginal) => ({ ...(await importOriginal<object>()), MAX_MONEY: 5e10 }));

describe("an actual amount of money", () => {
  it("is limited by the engine's MAX_MONEY itself, not a copy of it that could drift", () => {
    // It was 1e11 written out again, whatever the engine's limit.
    expect(valueKinds.money.max).toBe(5e10);
    expect(checkActualValue("licences", 5e10)).toBeUndefined();
    expect(checkActualValue("licences", 6e10)).toBe("licences is 60000000000; allowed: an amount of money ≥ 0, at most 50,000,000,000");
  });
});

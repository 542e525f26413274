import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../shared/package-files.js";
import { COMMAND_INTERRUPT_BUDGET, DOCUMENT_INTERRUPT_BUDGET } from "./interrupt-budget.js";

describe("the interrupt budgets", () => {
  it("set back the command line's own budget, the one bin/v8-flags.js sets before the bundle loads", () => {
    // The two files cannot share the number (bin/ is the unbundled start); this holds them together.
    const flags = readFileSync(join(packageRoot, "bin", "v8-flags.js"), "utf8");
    const set = [...flags.matchAll(/--interrupt-budget=(\d+)/g)].map((match) => Number(match[1]));
    expect(set).toEqual([COMMAND_INTERRUPT_BUDGET]);
    expect(DOCUMENT_INTERRUPT_BUDGET).toBeGreaterThan(COMMAND_INTERRUPT_BUDGET);
  });
});

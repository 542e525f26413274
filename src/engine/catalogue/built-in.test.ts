import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtInCatalogue } from "./built-in.js";

/** The table of built-in capabilities in docs/scenario-file.md, row by row. */
function documentedTable(): Map<string, { setupHours: number; monthlyCost: number; monthlyCostPerPerson: number; effects: Record<string, number> }> {
  const text = readFileSync(new URL("../../../docs/scenario-file.md", import.meta.url), "utf8");
  const header = text.indexOf("| capability | `setupHours` | `monthlyCost` | `monthlyCostPerPerson` | `effects` |");
  expect(header).toBeGreaterThan(0);
  const rows = text
    .slice(header)
    .split("\n")
    .slice(2)
    .filter((line, index, lines) => line.startsWith("| `") && lines.slice(0, index).every((earlier) => earlier.startsWith("| `")));
  const number = (cell: string) => (cell.trim() === "" ? 0 : Number(cell.trim()));
  return new Map(
    rows.map((line) => {
      const [name, setup, monthly, perPerson, effects] = line.split("|").slice(1, 6) as [string, string, string, string, string];
      const parsed = Object.fromEntries(
        effects
          .split(",")
          .map((part) => part.trim())
          .filter((part) => part !== "")
          .map((part) => {
            const [target, factor] = part.split(" ") as [string, string];
            return [target.replaceAll("`", ""), Number(factor)];
          }),
      );
      return [
        name.trim().replaceAll("`", ""),
        { setupHours: number(setup), monthlyCost: number(monthly), monthlyCostPerPerson: number(perPerson), effects: parsed },
      ];
    }),
  );
}

describe("the built-in capabilities as docs/scenario-file.md lists them", () => {
  it("are the engine's, every capability, value and effect (so a reader can re-implement solo, team and enterprise)", () => {
    const documented = documentedTable();
    expect([...documented.keys()].sort()).toEqual(Object.keys(builtInCatalogue).sort());
    for (const [name, capability] of Object.entries(builtInCatalogue)) {
      const row = documented.get(name)!;
      expect(row.setupHours, name).toBe(capability.setupHours);
      expect(row.monthlyCost, name).toBe(capability.monthlyCost);
      expect(row.monthlyCostPerPerson, name).toBe(capability.monthlyCostPerPerson);
      expect(capability.upfrontCost, name).toBe(0);
      expect(row.effects, name).toEqual(capability.effects);
    }
  });
});

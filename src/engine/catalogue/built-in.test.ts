import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BUILT_IN_CURRENCY, builtInCatalogue } from "./built-in.js";
import { validateScenarioText } from "../scenario/validate.js";

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

describe("the built-in catalogue's prices in a case of another currency", () => {
  const caseIn = (currency: string, catalogue = "") =>
    readFileSync(new URL("../../../examples/solo.yaml", import.meta.url), "utf8")
      .replace("currency: EUR", `currency: ${currency}`)
      .replace(/^catalogue:\n/m, `catalogue:\n${catalogue}`);
  const warningsOf = (text: string) => validateScenarioText(text).issues.filter((issue) => issue.code === "catalogue_currency");

  it("are stated in euros: a scenario in yen that takes them is warned, naming both currencies, each price and the field to give one's own (it took €300 as JP¥300 without a word)", () => {
    expect(BUILT_IN_CURRENCY).toBe("EUR");
    const warnings = warningsOf(caseIn("JPY"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.severity).toBe("warning");
    expect(warnings[0]!.message).toBe(
      "scenarios.essentials.capabilities takes built-in catalogue prices. The built-in catalogue's prices are stated in EUR, but this case is in JPY: they are taken as written, unconverted, as JPY (experimentTracking 30 a person a month, scheduling 300 a month, monitoring 200 a month); give your own prices in JPY under catalogue: in the file (catalogue.experimentTracking.monthlyCostPerPerson, catalogue.scheduling.monthlyCost, catalogue.monitoring.monthlyCost).",
    );
    // The figures are those of the euro case, only the currency differs: the warning changes no number.
    expect(validateScenarioText(caseIn("JPY")).compiled!.leaves.map((leaf) => leaf.value)).toEqual(
      validateScenarioText(caseIn("EUR")).compiled!.leaves.map((leaf) => leaf.value),
    );
  });

  it("say nothing in a euro case, nor when the file gives its own prices", () => {
    expect(warningsOf(caseIn("EUR"))).toEqual([]);
    const own = "  experimentTracking: { monthlyCostPerPerson: 4000 }\n  scheduling: { monthlyCost: 40000 }\n  monitoring: { monthlyCost: 30000 }\n";
    expect(warningsOf(caseIn("JPY", own))).toEqual([]);
  });
});

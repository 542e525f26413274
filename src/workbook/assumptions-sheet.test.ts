import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateScenarioText } from "../engine/index.js";
import { catalogueGroupTitle } from "./assumptions-sheet.js";

const solo = readFileSync(new URL("../../examples/solo.yaml", import.meta.url), "utf8");
const compiledOf = (text: string) => validateScenarioText(text).compiled!;

describe("the workbook's heading of the catalogue's inputs", () => {
  it("says, in a case in yen that takes built-in prices, that they are EUR figures taken unconverted (the sheet's 300 a month read as yen)", () => {
    expect(catalogueGroupTitle(compiledOf(solo.replace("currency: EUR", "currency: JPY")))).toBe(
      "Capabilities of the catalogue: what each costs and what it changes (built-in values are starting assumptions). The built-in catalogue's prices are stated in EUR, but this case is in JPY: they are taken as written, unconverted, as JPY (experimentTracking 30 a person a month, scheduling 300 a month, monitoring 200 a month); give your own prices in JPY under catalogue: in the file (catalogue.experimentTracking.monthlyCostPerPerson, catalogue.scheduling.monthlyCost, catalogue.monitoring.monthlyCost).",
    );
  });

  it("is as before in a euro case", () => {
    expect(catalogueGroupTitle(compiledOf(solo))).toBe(
      "Capabilities of the catalogue: what each costs and what it changes (built-in values are starting assumptions)",
    );
  });
});

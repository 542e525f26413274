import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateScenarioText } from "../engine/index.js";
import { catalogueGroupTitle } from "./assumptions-sheet.js";

const solo = readFileSync(new URL("../../examples/solo.yaml", import.meta.url), "utf8");
const compiledOf = (text: string) => validateScenarioText(text).compiled!;

describe("the workbook's heading of the catalogue's inputs", () => {
  it("says, in a case in yen that takes built-in prices, that they are EUR figures taken unconverted (the sheet's 300 a month read as yen)", () => {
    expect(catalogueGroupTitle(compiledOf(solo.replace("currency: EUR", "currency: JPY")))).toBe(
      "Capabilities of the catalogue: what each costs and what it changes (built-in values are starting assumptions; built-in prices are stated in EUR and taken here unconverted, in JPY: give your own under catalogue)",
    );
  });

  it("is as before in a euro case", () => {
    expect(catalogueGroupTitle(compiledOf(solo))).toBe(
      "Capabilities of the catalogue: what each costs and what it changes (built-in values are starting assumptions)",
    );
  });
});

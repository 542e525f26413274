import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildResult, validateScenarioText } from "../engine/index.js";
import { packageRoot } from "../shared/package-files.js";

// The table of the bundled templates' results (docs/scenario-file.md, "The bundled templates and
// their sources") is what `run --json --samples 0` gives.

const doc = readFileSync(join(packageRoot, "docs", "scenario-file.md"), "utf8");
const section = doc.slice(doc.indexOf("## The bundled templates and their sources"));

const symbols: Record<string, string> = { EUR: "€", USD: "$", GBP: "£" };
function money(value: number, currency: string): string {
  const text = `${symbols[currency]}${Math.round(Math.abs(value)).toLocaleString("en-US")}`;
  return value < -0.5 ? `−${text}` : text;
}

describe("the table of the bundled templates in docs/scenario-file.md", () => {
  for (const template of ["solo", "team", "enterprise"]) {
    it(`gives ${template}'s results as run --json does`, () => {
      const { compiled } = validateScenarioText(readFileSync(join(packageRoot, "examples", `${template}.yaml`), "utf8"));
      const result = buildResult(compiled!);
      const payroll = result.scenarios[result.baseline]!.months.slice(-12).reduce((total, month) => total + month.payroll, 0);
      // The template's own table: from its italic name to the next one.
      const name = `*${template.charAt(0).toUpperCase()}${template.slice(1)}*`;
      const own = section.slice(section.indexOf(name)).split("\n\n*")[0]!;
      for (const comparison of Object.values(result.comparisons)) {
        const row = own.split("\n").find((line) => line.startsWith("| ") && line.includes(`(\`${comparison.alternative}\`)`));
        expect(row, `${template}: a row for ${comparison.alternative}`).toBeDefined();
        const cells = row!.split("|").map((cell) => cell.trim());
        const payback = comparison.paybackMonth === null ? `not within ${result.horizonMonths} months` : `month ${comparison.paybackMonth}`;
        const share = Math.round((comparison.benefitLastTwelveMonths / payroll) * 100);
        expect(cells.slice(2, 6), `${template}: ${comparison.alternative}`).toEqual([
          money(comparison.npv, result.currency),
          `${comparison.roi! < 0 ? "−" : ""}${Math.round(Math.abs(comparison.roi!) * 100)}%`,
          payback,
          `${money(comparison.benefitLastTwelveMonths, result.currency)} (${share}%)`,
        ]);
      }
    });
  }
});

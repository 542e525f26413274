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

describe("the sources of the bundled templates in docs/scenario-file.md: upkeep and a model's value as the templates give them", () => {
  const prose = section.replace(/\s+/g, " ");
  const assumption = (template: string, input: string) => {
    const { compiled } = validateScenarioText(readFileSync(join(packageRoot, "examples", `${template}.yaml`), "utf8"));
    return buildResult(compiled!).assumptions.find((each) => each.input === input)!;
  };
  const two = (value: number) => value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const whole = (value: number) => Math.round(value).toLocaleString("en-US");

  it("the team's upkeep today is a single value, the solo's a range whose middle the run uses", () => {
    const team = assumption("team", "defaults.projects.upkeepHoursPerMonth");
    expect(team.range).toBeUndefined();
    const solo = assumption("solo", "defaults.projects.upkeepHoursPerMonth");
    const [low, high] = [solo.range!.p5, solo.range!.p95].map(Math.round) as [number, number];
    expect(solo.value).toBeCloseTo(Math.sqrt(low * high), 9);
    expect(prose).toContain(
      `the team's today is the ${team.value} itself, the solo's a range, ${low}–${high}, whose middle, √(${low} × ${high}) ≈ ${two(solo.value)}, is the value the run uses`,
    );
  });

  it("a model's value: the solo's and team's range, and its middle the run uses (not the reference case's 2,500)", () => {
    for (const template of ["solo", "team"]) {
      const value = assumption(template, "defaults.projects.valuePerMonth");
      const [low, high] = [value.range!.p5, value.range!.p95].map(Math.round) as [number, number];
      expect(prose).toContain(
        `which the solo and team give as a range, €${whole(low)}–${whole(high)}, whose middle, √(${whole(low)} × ${whole(high)}) ≈ €${two(value.value)}`,
      );
    }
  });
});

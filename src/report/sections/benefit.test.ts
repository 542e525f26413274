import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildResult, validateScenarioText } from "../../engine/index.js";
import { formatMoney } from "../../format/numbers.js";
import { createReport } from "../create-report.js";
import { textOf } from "../report-text.js";

const examples = new URL("../../../examples/", import.meta.url);

async function benefitText(name: string, edit: (text: string) => string = (text) => text) {
  const { compiled } = validateScenarioText(edit(readFileSync(new URL(name, examples), "utf8")));
  const result = buildResult(compiled!);
  const { html } = await createReport(compiled!, { result });
  const section = html.match(/<section id="benefit"[\s\S]*?<\/section>/)![0];
  const text = textOf(section.replace(/<svg[\s\S]*?<\/svg>/g, ""))
    .replace(/“\s*/g, "“")
    .replace(/\s*”/g, "”");
  return { result, text };
}

describe("where the gain comes from: the cost of making the change", () => {
  it("says the bar counts the change's hours at their full cost, and what the change costs in all, as page 1 (solo.yaml: €12,400, not the bar's €14,200)", async () => {
    const { result, text } = await benefitText("solo.yaml");
    const managed = result.comparisons.managed!;
    expect(Math.round(-managed.benefitByCategory.change)).toBe(14_200);
    expect(Math.round(managed.investment.total)).toBe(12_382);
    // The bar read "Cost of making the change −€14.2k" beside page 1's "€1,500 up front … 212 hours of the team's time, worth €10,900", with nothing to say why.
    expect(text).toContain(
      "“Cost of making the change” counts every hour of the change at the full cost of an hour of the team's time. Page 1 counts an hour the team would have left idle at 50% of that cost, as freed hours count; the rest comes back in “Freed hours not counted as gain”. So in all the change costs €12,400 for “A managed setup” (€1,500 up front and 212 hours of the team's time, worth €10,900), not the bar's €14,200;",
    );
  });

  it("gives each option's own figures (team.yaml with nothing left to build: its managed platform €39,500, not the bar's €56,200)", async () => {
    const { result, text } = await benefitText("team.yaml", (text) => text.replace("backlog: { value: 6,", "backlog: { value: 0,"));
    expect(Math.round(-result.comparisons.managed!.benefitByCategory.change)).toBe(56_209);
    for (const comparison of Object.values(result.comparisons)) {
      const money = (value: number) => formatMoney(value, result.currency);
      const label = result.scenarios[comparison.alternative]!.label;
      expect(text, label).toContain(`${money(comparison.investment.total)} for “${label}” (`);
      expect(text, label).toContain(`worth ${money(comparison.investment.teamHoursCost)}), not the bar's ${money(-comparison.benefitByCategory.change)}`);
    }
    expect(text).toContain("€22,800 up front and 557 hours of the team's time, worth €16,700");
  });

  it("says nothing of the kind where the bar is what the change costs (team.yaml, where each bar reads what its change costs in all)", async () => {
    const { result, text } = await benefitText("team.yaml");
    for (const comparison of Object.values(result.comparisons)) {
      expect(formatMoney(-comparison.benefitByCategory.change, "EUR")).toBe(formatMoney(comparison.investment.total, "EUR"));
    }
    expect(text).not.toContain("Cost of making the change");
  });
});

import type { TopLevelSpec } from "vega-lite";
import { benefitCategories, benefitCategoryLabels, type CaseResult } from "../engine/index.js";
import { colourScale, scenarioLabels } from "./scenario-colours.js";
import { chartConfig, moneyLabelExpression, MUTED_COLOUR, PLOT_WIDTH } from "./theme.js";

export const TOTAL_LABEL = "Total gain";

/**
 * Where each alternative's gain over the horizon comes from, by category (not discounted), with the
 * total last. Bars to the right are gains against today; bars to the left are costs.
 * @example benefitByCategorySpec(result) // a Vega-Lite spec
 */
export function benefitByCategorySpec(result: CaseResult): TopLevelSpec {
  const labels = scenarioLabels(result);
  const names = Object.keys(result.comparisons);
  const used = benefitCategories.filter((category) => names.some((name) => Math.abs(result.comparisons[name]!.benefitByCategory[category]) >= 0.5));
  const rows = names.flatMap((name) => {
    const comparison = result.comparisons[name]!;
    const option = labels.get(name) ?? name;
    return [
      ...used.map((category) => ({ option, category: benefitCategoryLabels[category], value: comparison.benefitByCategory[category] })),
      { option, category: TOTAL_LABEL, value: comparison.totalNetBenefit },
    ];
  });
  const order = [...used.map((category) => benefitCategoryLabels[category]), TOTAL_LABEL];
  // The step is per bar: Vega-Lite multiplies it by the number of options in each category.
  const barHeight = names.length <= 2 ? 13 : names.length <= 4 ? 10 : 8;
  const y = {
    field: "category",
    type: "nominal" as const,
    sort: order,
    title: null,
    scale: { paddingInner: 0.35 },
    axis: { labelLimit: 240, labelFontSize: 11 },
  };
  const x = {
    field: "value",
    type: "quantitative" as const,
    title: `Gain against today over ${result.horizonMonths} months (${result.currency})`,
    axis: { labelExpr: moneyLabelExpression() },
  };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: PLOT_WIDTH - 160,
    height: { step: barHeight },
    config: chartConfig(result.currency),
    layer: [
      {
        data: { values: rows },
        mark: { type: "bar" },
        encoding: {
          y,
          yOffset: { field: "option", sort: names.map((name) => labels.get(name) ?? name) },
          x,
          color: { field: "option", type: "nominal", scale: colourScale(result, names), legend: { title: null } },
        },
      },
      {
        data: { values: rows },
        transform: [{ filter: "abs(datum.value) >= 0.5" }, { calculate: moneyLabelExpression("datum.value"), as: "label" }],
        mark: { type: "text", fontSize: 10, align: { expr: "datum.value < 0 ? 'right' : 'left'" }, dx: { expr: "datum.value < 0 ? -3 : 3" } },
        encoding: {
          y,
          yOffset: { field: "option", sort: names.map((name) => labels.get(name) ?? name) },
          x,
          text: { field: "label", type: "nominal" },
          color: { value: MUTED_COLOUR },
        },
      },
      { data: { values: [{ zero: 0 }] }, mark: { type: "rule", color: MUTED_COLOUR }, encoding: { x: { field: "zero", type: "quantitative" } } },
    ],
  } as TopLevelSpec;
}

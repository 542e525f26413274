import type { TopLevelSpec } from "vega-lite";
import { paybackLayers, placePaybackLabels } from "./payback-labels.js";
import { monthTicks } from "./team-hours.js";
import { ALTERNATIVE_COLOURS, BASELINE_COLOUR, chartConfig, moneyLabelExpression, MUTED_COLOUR, PLOT_WIDTH } from "./theme.js";
import type { PlanVersusActual } from "../shared/tracking-types.js";

/** The three lines, in legend order. */
export const planVersusActualSeries = { plan: "Plan", actual: "What happened", forecast: "Re-forecast from what happened" } as const;

/**
 * The gain against today so far: the plan, what really happened up to the last recorded month,
 * and the re-forecast from there to the end, with the planned and the re-forecast payback months
 * marked. Pure, for the report (SVG in Node) and the web app (live in the browser).
 * @example planVersusActualSpec(planVersusActual(plan, actuals), { colour: scenarioColour(result, plan.scenario) })
 */
export function planVersusActualSpec(view: PlanVersusActual, options: { colour?: string } = {}): TopLevelSpec {
  const { comparison, forecast } = view;
  const horizon = comparison.horizonMonths;
  const last = comparison.lastRecordedMonth ?? 0;
  const rows: { series: string; month: number; gain: number }[] = [
    { series: planVersusActualSeries.plan, month: 0, gain: comparison.timeZero.planned },
    ...comparison.months.map((month) => ({ series: planVersusActualSeries.plan, month: month.month, gain: month.planned.cumulativeBenefit })),
  ];
  if (last > 0) {
    rows.push({ series: planVersusActualSeries.actual, month: 0, gain: comparison.timeZero.actual });
    for (const month of comparison.months.slice(0, last))
      rows.push({ series: planVersusActualSeries.actual, month: month.month, gain: month.actual!.cumulativeBenefit });
    if (forecast && last < horizon) {
      rows.push({ series: planVersusActualSeries.forecast, month: last, gain: comparison.months[last - 1]!.actual!.cumulativeBenefit });
      for (const month of forecast.months.slice(last))
        rows.push({ series: planVersusActualSeries.forecast, month: month.month, gain: month.cumulativeBenefit });
    }
  }
  // The approved option keeps the colour it has in the report's other charts.
  const actualColour = options.colour ?? ALTERNATIVE_COLOURS[0];
  const marks: { series: string; month: number; text: string }[] = [];
  const plannedPayback = forecast?.paybackMonth.planned ?? null;
  const nowPayback = forecast?.paybackMonth.now ?? null;
  if (plannedPayback !== null && plannedPayback > 0) {
    marks.push({ series: planVersusActualSeries.plan, month: plannedPayback, text: `Plan: month ${plannedPayback}` });
  }
  if (last > 0 && nowPayback !== null && nowPayback > 0) {
    marks.push({
      series: last >= horizon ? planVersusActualSeries.actual : planVersusActualSeries.forecast,
      month: nowPayback,
      text: `Now: month ${nowPayback}`,
    });
  }
  const placed = placePaybackLabels(marks, horizon, PLOT_WIDTH);
  const paybacks = marks.map((mark, index) => ({ ...mark, ...placed[index]! }));
  // The legend names only the lines drawn: with every month recorded there is no re-forecast.
  const drawn = new Set(rows.map((row) => row.series));
  const series = [planVersusActualSeries.plan, planVersusActualSeries.actual, planVersusActualSeries.forecast];
  const shown = series.map((name) => drawn.has(name));
  const domain = series.filter((_, index) => shown[index]);
  const colour = {
    field: "series",
    type: "nominal" as const,
    scale: { domain, range: [BASELINE_COLOUR, actualColour, actualColour].filter((_, index) => shown[index]) },
    legend: { title: null, symbolType: "stroke", symbolStrokeWidth: 3 },
  };
  // Colour and dash share the field and the legend, so the legend shows each line as drawn.
  const dash = {
    field: "series",
    type: "nominal" as const,
    scale: {
      domain,
      range: [
        [6, 4],
        [1, 0],
        [2, 3],
      ].filter((_, index) => shown[index]),
    },
    legend: colour.legend,
  };
  const x = {
    field: "month",
    type: "quantitative" as const,
    title: "Month",
    scale: { domain: [0, horizon], nice: false },
    axis: { values: [0, ...monthTicks(horizon)], labelExpr: "datum.value === 0 ? 'Start' : format(datum.value, 'd')" },
  };
  const y = {
    field: "gain",
    type: "quantitative" as const,
    title: `Gain against today so far (${comparison.currency})`,
    axis: { labelExpr: moneyLabelExpression() },
  };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: PLOT_WIDTH,
    height: 240,
    config: chartConfig(comparison.currency),
    layer: [
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: "rule" as const, color: MUTED_COLOUR, strokeWidth: 1 },
        encoding: { y: { field: "zero", type: "quantitative" as const } },
      },
      ...(last > 0 && last < horizon
        ? [
            {
              data: { values: [{ month: last }] },
              mark: { type: "rule" as const, color: "#c8ced4", strokeWidth: 1 },
              encoding: { x: { field: "month", type: "quantitative" as const } },
            },
          ]
        : []),
      {
        data: { values: rows },
        mark: { type: "line" as const, strokeWidth: 2.5 },
        encoding: { x, y, color: colour, strokeDash: dash, detail: { field: "series" } },
      },
      ...paybackLayers(paybacks, colour),
    ],
  } as TopLevelSpec;
}

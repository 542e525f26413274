import type { TopLevelSpec } from "vega-lite";
import type { Band, CaseResult } from "../engine/index.js";
import { colourScale, scenarioLabels } from "./scenario-colours.js";
import { monthStep } from "./team-hours.js";
import { chartConfig, moneyLabelExpression, MUTED_COLOUR, PLOT_WIDTH } from "./theme.js";

/** Month ticks from the start (month 0), spaced so "Start" never touches the next label. */
function startTicks(horizonMonths: number): number[] {
  const step = Math.max(monthStep(horizonMonths), horizonMonths > 12 ? 3 : 1);
  const ticks: number[] = [];
  for (let month = 0; month <= horizonMonths; month += step) ticks.push(month);
  return ticks;
}

/** The "Pays back: month N" labels; `style` draws the white halo under the coloured text. */
function paybackLabels(paybacks: Record<string, unknown>[], style: Record<string, unknown>, colour?: Record<string, unknown>) {
  return {
    data: { values: paybacks },
    mark: {
      type: "text" as const,
      baseline: "top" as const,
      fontWeight: "bold" as const,
      align: { expr: "datum.side === 'left' ? 'right' : 'left'" },
      dx: { expr: "datum.side === 'left' ? -4 : 4" },
      ...style,
    },
    encoding: {
      x: { field: "month", type: "quantitative" as const },
      y: { field: "top", type: "quantitative" as const, scale: null },
      text: { field: "text" },
      ...(colour ? { color: colour } : {}),
    },
  };
}

/**
 * The payback marks shared by the money charts: a dashed rule at each payback month and its label
 * (fields `month`, `top`, `text`, `side`), with a white halo so a label stays legible over a line.
 */
export function paybackLayers(paybacks: Record<string, unknown>[], colour: Record<string, unknown>) {
  if (paybacks.length === 0) return [];
  return [
    {
      data: { values: paybacks },
      mark: { type: "rule" as const, strokeDash: [5, 3], strokeWidth: 1.5 },
      encoding: { x: { field: "month", type: "quantitative" as const }, color: colour },
    },
    paybackLabels(paybacks, { stroke: "#ffffff", strokeWidth: 4, strokeJoin: "round", fill: "#ffffff" }),
    paybackLabels(paybacks, {}, colour),
  ];
}

export interface CumulativeNetOptions {
  /** By alternative: the 5th–95th percentile band of the cumulative net, when inputs are ranges. */
  bands?: Record<string, Band>;
}

/**
 * Cumulative net against today for every alternative, from the start (month 0, the up-front cash)
 * to the end of the horizon, with the payback month marked and the uncertainty band when known.
 * @example cumulativeNetSpec(result) // a Vega-Lite spec; render with renderChartSvg
 */
export function cumulativeNetSpec(result: CaseResult, options: CumulativeNetOptions = {}): TopLevelSpec {
  const labels = scenarioLabels(result);
  const names = Object.keys(result.comparisons);
  const colour = {
    field: "option",
    type: "nominal" as const,
    scale: colourScale(result, names),
    legend: { title: null, symbolType: "stroke", symbolStrokeWidth: 3, symbolOpacity: 1 },
  };
  const lines = names.flatMap((name) => {
    const comparison = result.comparisons[name]!;
    const option = labels.get(name) ?? name;
    return [{ option, month: 0, net: comparison.timeZeroNet }, ...comparison.cumulativeNet.map((net, index) => ({ option, month: index + 1, net }))];
  });
  const bands = names.flatMap((name) => {
    const band = options.bands?.[name];
    if (!band) return [];
    const option = labels.get(name) ?? name;
    return band.p5.map((low, index) => ({ option, month: index + 1, low, high: band.p95[index] ?? low }));
  });
  const paybacks = names
    .map((name) => ({ name, month: result.comparisons[name]!.paybackMonth }))
    .filter((entry): entry is { name: string; month: number } => entry.month !== null && entry.month > 0)
    // Labels stack down from the top edge; late months put their label left of the line.
    .map((entry, index) => ({
      option: labels.get(entry.name) ?? entry.name,
      month: entry.month,
      text: `Pays back: month ${entry.month}`,
      top: 4 + index * 15,
      side: entry.month > result.horizonMonths * 0.7 ? "left" : "right",
    }));
  const x = {
    field: "month",
    type: "quantitative" as const,
    title: "Month",
    scale: { domain: [0, result.horizonMonths], nice: false },
    axis: { values: startTicks(result.horizonMonths), labelExpr: "datum.value === 0 ? 'Start' : format(datum.value, 'd')" },
  };
  const y = { type: "quantitative" as const, title: `Gain against today so far (${result.currency})`, axis: { labelExpr: moneyLabelExpression() } };

  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: PLOT_WIDTH,
    height: 260,
    config: chartConfig(result.currency),
    layer: [
      ...(bands.length > 0
        ? [
            {
              data: { values: bands },
              mark: { type: "area" as const, opacity: 0.18 },
              encoding: { x, y: { ...y, field: "low" }, y2: { field: "high" }, color: colour },
            },
          ]
        : []),
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: "rule" as const, color: MUTED_COLOUR, strokeWidth: 1 },
        encoding: { y: { field: "zero", type: "quantitative" as const } },
      },
      {
        data: { values: lines },
        mark: { type: "line" as const, strokeWidth: 2.5, point: { size: 18 } },
        encoding: { x, y: { ...y, field: "net" }, color: colour },
      },
      ...paybackLayers(paybacks, colour),
    ],
  } as TopLevelSpec;
}

import type { TopLevelSpec } from "vega-lite";
import { chartConfig, moneyLabelExpression, MUTED_COLOUR, PLOT_WIDTH, TEXT_COLOUR } from "./theme.js";

export interface TornadoBar {
  /** The input in plain words. */
  label: string;
  npvLow: number;
  npvHigh: number;
}

export interface TornadoChartInput {
  currency: string;
  /** The alternative's net present value with every input at its usual value. */
  baseNpv: number;
  /** Legend wording, e.g. "Input 20% lower" / "Input 20% higher". */
  lowLegend: string;
  highLegend: string;
  /** Label of the centre line, e.g. "As written". */
  baseLabel: string;
  /** Largest swing first. */
  bars: TornadoBar[];
}

// Slate shades, apart from the options' colours: a lower input is not "worse", only lower.
export const LOWER_COLOUR = "#a3b1bf";
export const HIGHER_COLOUR = "#3e5468";

/**
 * The tornado: how far the net present value moves when each input moves on its own, largest
 * first. The vertical line is the value with every input as written.
 * @example tornadoSpec({ currency: "EUR", baseNpv: 7959, lowLegend: "20% lower", highLegend: "20% higher", bars })
 */
export function tornadoSpec(input: TornadoChartInput): TopLevelSpec {
  const rows = input.bars.flatMap((bar, rank) => [
    { label: bar.label, rank, side: input.lowLegend, from: input.baseNpv, to: bar.npvLow },
    { label: bar.label, rank, side: input.highLegend, from: input.baseNpv, to: bar.npvHigh },
  ]);
  const y = { field: "label", type: "nominal" as const, sort: input.bars.map((bar) => bar.label), title: null, axis: { labelLimit: 380, labelFontSize: 11 } };
  const x = {
    field: "from",
    type: "quantitative" as const,
    title: `Net present value (${input.currency})`,
    scale: { zero: false },
    // Labels less than 8 px apart are thinned out: in a plot of 260 px, "US$1.05M", "US$1.1M" and
    // "US$1.15M" (enterprise.yaml) stood 1.6 px apart and read as one word.
    axis: { labelExpr: moneyLabelExpression(), tickCount: 5, labelOverlap: true, labelSeparation: 8 },
  };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: PLOT_WIDTH - 300,
    height: { step: 24 },
    config: chartConfig(input.currency),
    layer: [
      {
        data: { values: rows },
        mark: { type: "bar", opacity: 0.9, height: { band: 0.7 } },
        encoding: {
          y,
          x,
          x2: { field: "to" },
          color: {
            field: "side",
            type: "nominal",
            scale: { domain: [input.lowLegend, input.highLegend], range: [LOWER_COLOUR, HIGHER_COLOUR] },
            legend: { title: null },
          },
        },
      },
      {
        data: { values: [{ base: input.baseNpv, text: input.baseLabel }] },
        mark: { type: "rule", color: TEXT_COLOUR, strokeWidth: 1.5 },
        encoding: { x: { field: "base", type: "quantitative" } },
      },
      {
        data: { values: [{ base: input.baseNpv, text: input.baseLabel }] },
        mark: { type: "text", color: MUTED_COLOUR, baseline: "bottom", dy: -2, y: 0 },
        encoding: { x: { field: "base", type: "quantitative" }, text: { field: "text" } },
      },
    ],
  } as TopLevelSpec;
}

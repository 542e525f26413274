import type { TopLevelSpec } from "vega-lite";
import { netGainAxisTitle } from "../format/words.js";
import { wrapLabel } from "./text-width.js";
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

/** The widest an input's label may run beside its bar, in pixels, before it takes another line. */
const LABEL_LIMIT = 380;
const LABEL_FONT_SIZE = 11;
/** Pixels between two lines of a wrapped label, and a row's height for a label of one line. */
const LABEL_LINE_HEIGHT = 13;
const ROW_STEP = 24;

/**
 * The tornado: how far the net gain (NPV) moves when each input moves on its own, largest
 * first. The vertical line is the value with every input as written. Each input's label is given
 * whole, over two lines or more when long, so that no two bars read alike.
 * @example tornadoSpec({ currency: "EUR", baseNpv: 7959, lowLegend: "20% lower", highLegend: "20% higher", bars })
 */
export function tornadoSpec(input: TornadoChartInput): TopLevelSpec {
  const rows = input.bars.flatMap((bar, rank) => [
    { label: bar.label, rank, side: input.lowLegend, from: input.baseNpv, to: bar.npvLow },
    { label: bar.label, rank, side: input.highLegend, from: input.baseNpv, to: bar.npvHigh },
  ]);
  // A long label takes as many lines as it needs rather than being cut: cut at one width, two inputs
  // that differ only in their tail read the same ("Features or experiments delivered a year (per line
  // of business…" for today's and the change's, in examples/peers/dora-ai-roi-calculator.yaml).
  const lines = Object.fromEntries(input.bars.map((bar) => [bar.label, wrapLabel(bar.label, LABEL_LIMIT, LABEL_FONT_SIZE)]));
  const most = Math.max(1, ...Object.values(lines).map((wrapped) => wrapped.length));
  const y = {
    field: "label",
    type: "nominal" as const,
    sort: input.bars.map((bar) => bar.label),
    title: null,
    axis: {
      labelLimit: LABEL_LIMIT,
      labelFontSize: LABEL_FONT_SIZE,
      ...(most > 1 ? { labelExpr: `${JSON.stringify(lines)}[datum.value] || datum.label`, labelLineHeight: LABEL_LINE_HEIGHT } : {}),
    },
  };
  const x = {
    field: "from",
    type: "quantitative" as const,
    // The report's word for what each bar shows, as its caption says it ("the net gain of …").
    title: netGainAxisTitle(input.currency),
    scale: { zero: false },
    // Labels less than 8 px apart are thinned out: in a plot of 260 px, "US$1.05M", "US$1.1M" and
    // "US$1.15M" (enterprise.yaml) stood 1.6 px apart and read as one word.
    axis: { labelExpr: moneyLabelExpression(), tickCount: 5, labelOverlap: true, labelSeparation: 8 },
  };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: PLOT_WIDTH - 300,
    // Rows tall enough for the longest label's lines.
    height: { step: Math.max(ROW_STEP, most * LABEL_LINE_HEIGHT + 8) },
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

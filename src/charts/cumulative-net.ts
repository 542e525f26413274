import type { TopLevelSpec } from "vega-lite";
import type { Band, CaseResult } from "../engine/index.js";
import { paybackLayers, placePaybackLabels } from "./payback-labels.js";
import { colourScale, scenarioLabels } from "./scenario-colours.js";
import { monthStep } from "./team-hours.js";
import { chartConfig, moneyLabelExpression, MUTED_COLOUR, PLOT_WIDTH, TEXT_COLOUR } from "./theme.js";

/** Month ticks from the start (month 0), spaced so "Start" never touches the next label. */
function startTicks(horizonMonths: number): number[] {
  const step = Math.max(monthStep(horizonMonths), horizonMonths > 12 ? 3 : 1);
  const ticks: number[] = [];
  for (let month = 0; month <= horizonMonths; month += step) ticks.push(month);
  return ticks;
}

export interface CumulativeNetOptions {
  /** By alternative: the 5th–95th percentile band of the cumulative net, when inputs are ranges. */
  bands?: Record<string, Band>;
  /**
   * Width of the plot (both plots, when there is a close-up), the report's by default: the web app
   * gives the room it has, so that the payback labels are placed for the width they are drawn at.
   */
  width?: number;
}

/** Months closer than this on a plot are drawn as a plain line, without a dot for each. */
const MIN_DOT_PIXELS = 4;

/** Below this width (a phone's), the close-up goes under the whole plan rather than beside it. */
const MIN_CLOSE_UP_BESIDE = 200;

/** The two plots' heights when the close-up sits under the whole plan. */
const STACKED_HEIGHT = { whole: 180, closeUp: 240 } as const;

/** Below this share of the whole chart's height, the months up to payback get a close-up. */
export const CLOSE_UP_BELOW = 0.3;

/** The months and gain the close-up shows, when the whole plan's chart squashes the payback flat. */
export interface CloseUp {
  /** The close-up runs from the start (month 0) to this month. */
  lastMonth: number;
  /** Its gain axis, fitted to the lines in those months. */
  domain: [number, number];
}

type Line = { option: string; month: number; net: number };
type BandRow = { option: string; month: number; low: number; high: number };

/**
 * Whether the months up to the last payback need a close-up: on a long plan the gain at the end can
 * dwarf the early months, where the lines dip below zero and cross back, so the crossing looks flat.
 * The close-up runs a quarter past the last payback (at least 3 months) and its gain axis is fitted
 * to the lines up to that payback; it is left out when it would show most of the plan anyway, or
 * when the lines up to the last payback already take a fair share (`CLOSE_UP_BELOW`) of the height.
 * @example closeUpOf(lines, bands, [10, 19], 36) // { lastMonth: 24, domain: [-66e3, 150e3] } or undefined
 */
export function closeUpOf(lines: readonly Line[], bands: readonly BandRow[], paybackMonths: readonly number[], horizonMonths: number): CloseUp | undefined {
  if (paybackMonths.length === 0) return undefined;
  const last = Math.max(...paybackMonths);
  // Paying back in the first month or two is a jump, not a crossing to look at closely.
  if (last < 3) return undefined;
  const lastMonth = Math.min(horizonMonths, last + Math.max(3, Math.ceil(last * 0.25)));
  if (lastMonth > horizonMonths * 0.75) return undefined;
  // The lines up to the last crossing: the close-up is fitted to them; later months rise out of its top.
  const early = lines.filter((line) => line.month <= last).map((line) => line.net);
  const low = Math.min(0, ...early);
  const high = Math.max(0, ...early);
  const all = [0, ...lines.map((line) => line.net), ...bands.flatMap((band) => [band.low, band.high])];
  const whole = Math.max(...all) - Math.min(...all);
  if (whole <= 0 || (high - low) / whole >= CLOSE_UP_BELOW) return undefined;
  const pad = (high - low) * 0.15 || 1;
  return { lastMonth, domain: [low - pad, high + pad] };
}

/**
 * Cumulative net against today for every alternative, from the start (month 0, the up-front cash)
 * to the end of the horizon, with the payback month marked (a dashed line, its label and a ring
 * where the line crosses zero) and the uncertainty band when known. When the end of a long plan
 * squashes the crossing flat, a close-up of the months up to payback sits beside the whole plan (under
 * it, on a plot too narrow for both side by side).
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
  const lines: Line[] = names.flatMap((name) => {
    const comparison = result.comparisons[name]!;
    const option = labels.get(name) ?? name;
    return [{ option, month: 0, net: comparison.timeZeroNet }, ...comparison.cumulativeNet.map((net, index) => ({ option, month: index + 1, net }))];
  });
  const bands: BandRow[] = names.flatMap((name) => {
    const band = options.bands?.[name];
    if (!band) return [];
    const option = labels.get(name) ?? name;
    return band.p5.map((low, index) => ({ option, month: index + 1, low, high: band.p95[index] ?? low }));
  });
  const paid = names
    .map((name) => ({ name, month: result.comparisons[name]!.paybackMonth }))
    .filter((entry): entry is { name: string; month: number } => entry.month !== null && entry.month > 0);
  const closeUp = closeUpOf(
    lines,
    bands,
    paid.map((entry) => entry.month),
    result.horizonMonths,
  );
  // Each plot places its labels for its own months and width.
  const paybacksIn = (lastMonth: number, width: number) => {
    const placed = placePaybackLabels(
      paid.map((entry) => ({ month: entry.month, text: `Pays back: month ${entry.month}` })),
      lastMonth,
      width,
    );
    return paid.map((entry, index) => ({ option: labels.get(entry.name) ?? entry.name, month: entry.month, ...placed[index]! }));
  };
  // Where each line crosses zero for good: the payback month, on its line.
  const crossings = paid.map((entry) => ({
    option: labels.get(entry.name) ?? entry.name,
    month: entry.month,
    net: result.comparisons[entry.name]!.cumulativeNet[entry.month - 1] ?? 0,
  }));
  const y = { type: "quantitative" as const, title: `Gain against today so far (${result.currency})`, axis: { labelExpr: moneyLabelExpression() } };

  const view = (lastMonth: number, width: number, domain?: [number, number], shade?: number, height = 260) => {
    // With a close-up beside it, the whole plan leaves the payback labels to the close-up.
    const labelled = shade === undefined;
    const x = {
      field: "month",
      type: "quantitative" as const,
      title: "Month",
      scale: { domain: [0, lastMonth], nice: false },
      axis: { values: startTicks(lastMonth), labelExpr: "datum.value === 0 ? 'Start' : format(datum.value, 'd')" },
    };
    const yScaled = domain ? { ...y, title: null, scale: { domain, nice: false, zero: false } } : y;
    const clip = domain !== undefined;
    const inside = (rows: Line[]) => rows.filter((row) => row.month <= lastMonth);
    const payback = paybackLayers(paybacksIn(lastMonth, width), colour, { labelled });
    return {
      width,
      height,
      layer: [
        ...(shade !== undefined
          ? [
              {
                // The months the close-up shows, lightly shaded.
                data: { values: [{ from: 0, to: shade }] },
                mark: { type: "rect" as const, color: "#f1f3f6" },
                encoding: { x: { field: "from", type: "quantitative" as const }, x2: { field: "to" } },
              },
            ]
          : []),
        ...(bands.length > 0
          ? [
              {
                data: { values: bands.filter((row) => row.month <= lastMonth) },
                mark: { type: "area" as const, opacity: 0.18, clip },
                encoding: { x, y: { ...yScaled, field: "low" }, y2: { field: "high" }, color: colour },
              },
            ]
          : []),
        {
          data: { values: [{ zero: 0 }] },
          mark: { type: "rule" as const, color: MUTED_COLOUR, strokeWidth: 1 },
          encoding: { y: { field: "zero", type: "quantitative" as const } },
        },
        {
          data: { values: inside(lines) },
          // A dot a month where the months are far enough apart to tell the dots apart.
          mark: { type: "line" as const, strokeWidth: 2.5, point: width / lastMonth >= MIN_DOT_PIXELS ? { size: 18 } : false, clip },
          encoding: { x, y: { ...yScaled, field: "net" }, color: colour },
        },
        // The dashed lines, then their labels (with a white halo) unless the close-up has them.
        ...payback,
        ...(crossings.length > 0
          ? [
              {
                data: { values: inside(crossings) },
                mark: { type: "point" as const, shape: "circle", size: 110, filled: false, fill: "#ffffff", fillOpacity: 1, strokeWidth: 2.5, opacity: 1 },
                encoding: { x, y: { ...yScaled, field: "net" }, color: colour },
              },
            ]
          : []),
      ],
    };
  };
  const base = { $schema: "https://vega.github.io/schema/vega-lite/v6.json", config: chartConfig(result.currency) };
  const plotWidth = options.width ?? PLOT_WIDTH;
  if (!closeUp) return { ...base, ...view(result.horizonMonths, plotWidth) } as TopLevelSpec;
  const title = (text: string) => ({ text, anchor: "start" as const, fontSize: 11, fontWeight: "bold" as const, color: TEXT_COLOUR, offset: 6 });
  const wholeTitle = title(`All ${result.horizonMonths} months`);
  const closeTitle = title(`Close up: start to month ${closeUp.lastMonth}`);
  // Side by side: the whole plan with the close-up's months shaded, and the close-up.
  const closeWidth = Math.round(plotWidth * 0.42);
  if (closeWidth >= MIN_CLOSE_UP_BESIDE) {
    return {
      ...base,
      hconcat: [
        { title: wholeTitle, ...view(result.horizonMonths, plotWidth - closeWidth - 40, undefined, closeUp.lastMonth) },
        { title: closeTitle, ...view(closeUp.lastMonth, closeWidth, closeUp.domain) },
      ],
      spacing: 24,
    } as TopLevelSpec;
  }
  // Too narrow for both side by side (a phone): the close-up under the whole plan, each the full width.
  return {
    ...base,
    vconcat: [
      { title: wholeTitle, ...view(result.horizonMonths, plotWidth, undefined, closeUp.lastMonth, STACKED_HEIGHT.whole) },
      { title: closeTitle, ...view(closeUp.lastMonth, plotWidth, closeUp.domain, undefined, STACKED_HEIGHT.closeUp) },
    ],
    spacing: 16,
  } as TopLevelSpec;
}

import type { TopLevelSpec } from "vega-lite";
import { benefitCategories, benefitCategoryLabels, type CaseResult } from "../engine/index.js";
import { colourScale, scenarioLabels } from "./scenario-colours.js";
import { wrapLabel } from "./text-width.js";
import { currencyPrefix } from "../format/numbers.js";
import { chartConfig, moneyLabelExpression, MUTED_COLOUR, PLOT_WIDTH, TEXT_COLOUR } from "./theme.js";

/** The sum of the categories: the total net benefit over the plan, not discounted (the NPV is the discounted one). */
export const TOTAL_LABEL = "Total, not discounted";

/** Colour of the amount of a cost (a bar to the left of zero): the report's red for bad news. */
export const COST_LABEL_COLOUR = "#b23b2e";

const STRIPE_COLOUR = "#f3f5f7";

/** Font size of the amounts written next to the bars, and the height of one row of bars. */
export const VALUE_FONT_SIZE = 10;
export const ROW_STEP = 20;
/** Room between an amount and the end of its bar (or the zero line). */
export const VALUE_GAP = 3;

/** Narrowest and widest plot of one option's column. */
const MIN_COLUMN_WIDTH = 110;
const MAX_COLUMN_WIDTH = 300;
const COLUMN_SPACING = 16;
/** Room between one option's panel and the next when they are stacked. */
const ROW_SPACING = 14;
/** Scaled below this to fit the room it has, the chart's text would be too small to read: the options are stacked instead. */
const LEAST_SCALE = 0.85;
/** The chart's padding and the room the names' axis takes beyond NAME_COLUMN, erring wide. */
const CHART_PADDING = 24;
/** What the category names take on the left, so the whole chart keeps to the report's width. */
const NAME_COLUMN = 150;

/**
 * The widest an amount such as "-€96.5k" or "-US$1.05M" can be, erring wide: the amount has at
 * most three significant digits, a decimal point and "k" or "M" (five characters), a sign and the
 * currency's symbol; at about 0.7 em a character, as the total's amount is bold.
 * @example valueLabelWidth("EUR") // 49
 */
export function valueLabelWidth(currency: string): number {
  return (currencyPrefix(currency).length + 6) * 0.7 * VALUE_FONT_SIZE;
}

/**
 * The gain axis for every column: from the largest cost (or zero) to the largest gain (or zero),
 * stretched on the right so the amount written after the longest bar fits inside its column even
 * when the column is as narrow as `columnWidth`. A cost's amount is written just right of zero,
 * which the same room covers.
 * @example gainDomain([-100, 700], 136, "EUR") // [-100, ~1,320]
 */
export function gainDomain(values: readonly number[], columnWidth: number, currency: string): [number, number] {
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const room = valueLabelWidth(currency) + VALUE_GAP + 2;
  const span = high - low || 1;
  return [low, low + (span * columnWidth) / (columnWidth - room)];
}

/**
 * Where each alternative's gain over the horizon comes from, by category (not discounted), with the
 * total last: one column per option, the category names once on the left in their own column. Bars
 * to the right are gains against today; bars to the left are costs. Every amount is written right of
 * its bar's end (a gain) or right of zero (a cost), so it never runs into the names on the left, and
 * the axis leaves room for it inside the column. Given `width`, the room the chart has in pixels, and
 * too little of it for the columns side by side (a phone), the options are stacked one under the
 * other, each with the names on its left, rather than the whole chart scaled down.
 * @example benefitByCategorySpec(result) // a Vega-Lite spec
 */
export function benefitByCategorySpec(result: CaseResult, options: { width?: number } = {}): TopLevelSpec {
  const labels = scenarioLabels(result);
  const names = Object.keys(result.comparisons);
  const optionNames = names.map((name) => labels.get(name) ?? name);
  const used = benefitCategories.filter((category) => names.some((name) => Math.abs(result.comparisons[name]!.benefitByCategory[category]) >= 0.5));
  const rows = names.flatMap((name, index) => {
    const comparison = result.comparisons[name]!;
    const option = optionNames[index]!;
    return [
      ...used.map((category) => ({ option, category: benefitCategoryLabels[category], value: comparison.benefitByCategory[category] })),
      { option, category: TOTAL_LABEL, value: comparison.totalNetBenefit },
    ].map((row, position) => ({ ...row, at: Math.max(0, row.value), stripe: position % 2 === 1 }));
  });
  const order = [...used.map((category) => benefitCategoryLabels[category]), TOTAL_LABEL];
  const count = Math.max(1, names.length);
  const sideBySide = Math.max(MIN_COLUMN_WIDTH, Math.min(MAX_COLUMN_WIDTH, Math.floor((PLOT_WIDTH - NAME_COLUMN - COLUMN_SPACING * (count - 1)) / count)));
  // Too narrow for the columns side by side (a phone, or many options): one option under the other,
  // each as wide as the room allows.
  const natural = NAME_COLUMN + count * sideBySide + COLUMN_SPACING * (count - 1) + CHART_PADDING;
  const stacked = options.width !== undefined && options.width < natural * LEAST_SCALE;
  const width = stacked ? Math.max(MIN_COLUMN_WIDTH, Math.min(MAX_COLUMN_WIDTH, Math.floor(options.width! - NAME_COLUMN - CHART_PADDING))) : sideBySide;
  const domain = gainDomain(
    rows.map((row) => row.value),
    width,
    result.currency,
  );
  const headerLines = optionNames
    .map((option) => `datum.value === ${JSON.stringify(option)} ? ${JSON.stringify(wrapLabel(option, width, 11, true))}`)
    .join(" : ");
  const y = {
    field: "category",
    type: "nominal" as const,
    sort: order,
    title: null,
    scale: { domain: order, paddingInner: 0.3, paddingOuter: 0.15 },
    axis: {
      labelLimit: 260,
      labelFontSize: 11,
      labelPadding: 8,
      ticks: false,
      domain: false,
      labelColor: TEXT_COLOUR,
      labelFontWeight: { condition: { test: `datum.value === ${JSON.stringify(TOTAL_LABEL)}`, value: "bold" }, value: "normal" },
    },
  };
  const x = { type: "quantitative" as const, title: null, scale: { domain, nice: false, zero: true }, axis: null };
  const config = chartConfig(result.currency);
  // One option's panel: its rows of bars (the chart repeats it in each column, or stacks it).
  const panel = {
    height: { step: ROW_STEP },
    layer: [
      {
        // Every other row shaded, so the eye keeps to a row from its name to the last column.
        transform: [{ filter: "datum.stripe" }],
        mark: { type: "rect", color: STRIPE_COLOUR },
        encoding: { y, x: { value: 0 }, x2: { value: "width" } },
      },
      {
        mark: { type: "bar" },
        encoding: {
          y,
          x: { ...x, field: "value" },
          color: { field: "option", type: "nominal", scale: colourScale(result, names), legend: null },
        },
      },
      {
        mark: { type: "rule", color: MUTED_COLOUR, strokeWidth: 1 },
        encoding: { x: { ...x, datum: 0 } },
      },
      {
        transform: [{ filter: "abs(datum.value) >= 0.5" }, { calculate: moneyLabelExpression("datum.value"), as: "label" }],
        mark: {
          type: "text",
          fontSize: VALUE_FONT_SIZE,
          align: "left",
          baseline: "middle",
          dx: VALUE_GAP,
          fontWeight: { expr: `datum.category === ${JSON.stringify(TOTAL_LABEL)} ? 'bold' : 'normal'` },
        },
        encoding: {
          y,
          x: { ...x, field: "at" },
          text: { field: "label", type: "nominal" },
          color: { condition: { test: "datum.value < 0", value: COST_LABEL_COLOUR }, value: MUTED_COLOUR },
        },
      },
    ],
  };
  const base = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    // The columns' width sits in the configuration, not on the view: the amounts' room is worked out
    // for this width, so a screen a little too narrow scales the whole chart down (by at most
    // LEAST_SCALE; narrower, the options are stacked) instead of narrowing the columns.
    config: { ...config, view: { ...config.view, continuousWidth: width } },
    data: { values: rows },
  };
  if (stacked) {
    return {
      ...base,
      // Each option's name above its panel, from the chart's left edge (over the names).
      vconcat: optionNames.map((option) => ({
        title: {
          text: wrapLabel(option, width + NAME_COLUMN, 11, true),
          anchor: "start",
          frame: "bounds",
          fontSize: 11,
          fontWeight: "bold",
          color: TEXT_COLOUR,
          offset: 4,
        },
        transform: [{ filter: `datum.option === ${JSON.stringify(option)}` }],
        ...panel,
      })),
      spacing: ROW_SPACING,
    } as TopLevelSpec;
  }
  return {
    ...base,
    facet: {
      column: {
        field: "option",
        type: "nominal",
        sort: optionNames,
        title: null,
        header: {
          labelOrient: "top",
          labelAnchor: "start",
          labelAlign: "left",
          labelFontWeight: "bold",
          labelFontSize: 11,
          labelColor: TEXT_COLOUR,
          // A name too long to wrap (one long word) is cut short rather than run into the next column.
          labelLimit: width + COLUMN_SPACING - 4,
          labelExpr: headerLines ? `${headerLines} : datum.value` : "datum.value",
        },
      },
    },
    spacing: COLUMN_SPACING,
    spec: panel,
  } as TopLevelSpec;
}

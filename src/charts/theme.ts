import type { Config } from "vega-lite";
import { currencyPrefix } from "../format/numbers.js";

/**
 * The look every chart shares: the same fonts as the report's text (system fonts only, nothing
 * from the network), one palette, and money written in the case's currency.
 */

export const FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif';

/** Plot width in pixels: with axes the chart fits the 180 mm of an A4 or Letter page. */
export const PLOT_WIDTH = 560;

/** Today is grey; alternatives take these in order, the same in every chart. */
export const BASELINE_COLOUR = "#8a9099";
export const ALTERNATIVE_COLOURS = ["#1b6ca8", "#e07a2e", "#2a9d8f", "#8e5ea2", "#c44536", "#6a994e", "#b08900", "#4d5d6b"] as const;

export const TEXT_COLOUR = "#1f2933";
export const MUTED_COLOUR = "#5f6b76";
export const GRID_COLOUR = "#e4e7eb";

/**
 * A Vega expression that writes an axis value as short money: €500, €12k, €1.5M.
 * @example moneyLabelExpression() // used as axis.labelExpr
 */
export function moneyLabelExpression(field = "datum.value"): string {
  return `abs(${field}) >= 1e6 ? format(${field} / 1e6, '$,.3~r') + 'M' : abs(${field}) >= 1e3 ? format(${field} / 1e3, '$,.3~r') + 'k' : format(${field}, '$,.0f')`;
}

/**
 * The shared configuration: fonts, sizes, colours and the currency for `$` formats.
 * @example chartConfig("EUR").locale?.number?.currency // ["€", ""]
 */
export function chartConfig(currency: string): Config {
  return {
    font: FONT_STACK,
    background: "#ffffff",
    padding: { left: 4, right: 12, top: 8, bottom: 4 },
    // The currency's prefix as the text writes it ("KWD 25.6k", not "KWD25.6k").
    // The minus sign the text, the tables and the workbook write ("-US$500k", as "-US$859,874"), not d3-format's "−".
    locale: { number: { decimal: ".", thousands: ",", grouping: [3], currency: [currencyPrefix(currency), ""], minus: "-" } },
    view: { stroke: null },
    axis: {
      labelFontSize: 11,
      titleFontSize: 11,
      titleFontWeight: "normal",
      labelColor: MUTED_COLOUR,
      titleColor: MUTED_COLOUR,
      gridColor: GRID_COLOUR,
      domainColor: "#9aa5b1",
      tickColor: "#9aa5b1",
    },
    legend: {
      orient: "bottom",
      direction: "horizontal",
      labelFontSize: 11,
      titleFontSize: 11,
      labelColor: TEXT_COLOUR,
      labelLimit: 260,
      symbolSize: 120,
      columnPadding: 14,
    },
    header: { labelFontSize: 12, labelColor: TEXT_COLOUR, titleFontSize: 12 },
    text: { fontSize: 11, color: TEXT_COLOUR },
  };
}

/**
 * A spec with every line and paragraph separator (U+2028, U+2029) in its texts turned into a space:
 * Vega-Lite writes labels into expressions as JSON, which leaves them bare, and Vega's expression parser
 * refuses them. Files are checked for them, but a plan frozen before that may still hold one.
 * Only the arrays and objects on the way to a changed text are copied; a spec without separators (every
 * spec of a valid case) comes back as it is: copying every row of a long case's chart data took a
 * tenth of a second a report.
 */
export function withoutLineSeparators<Spec>(spec: Spec): Spec {
  const clean = (value: unknown): unknown => {
    if (typeof value === "string") return separator.test(value) ? value.replace(separators, " ") : value;
    if (Array.isArray(value)) {
      let copy: unknown[] | undefined;
      for (let index = 0; index < value.length; index++) {
        const item = value[index];
        const cleaned = clean(item);
        if (cleaned !== item) {
          copy ??= value.slice();
          copy[index] = cleaned;
        }
      }
      return copy ?? value;
    }
    if (value && typeof value === "object") {
      let copy: Record<string, unknown> | undefined;
      for (const key of Object.keys(value)) {
        const item = (value as Record<string, unknown>)[key];
        const cleaned = clean(item);
        if (cleaned !== item) {
          copy ??= { ...value };
          copy[key] = cleaned;
        }
      }
      return copy ?? value;
    }
    return value;
  };
  return clean(spec) as Spec;
}

const separator = /[\u2028\u2029]/;
const separators = /[\u2028\u2029]/g;

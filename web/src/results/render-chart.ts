import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { estimateTextWidth } from "../../../src/charts/text-width.js";
import { withoutLineSeparators } from "../../../src/charts/theme.js";

/**
 * Renders the report's Vega-Lite specs live, as SVG, fitted to the width the page has: the plot
 * shrinks (never grows past the report's width) and long axis labels are cut shorter on a narrow
 * screen so the marks keep their room. Loaded on demand: Vega is the page's largest part.
 */

type Spec = Record<string, unknown>;

const MIN_PLOT_WIDTH = 140;
/** Pixels between two lines of a wrapped axis label at the charts' 11 px labels. */
const LABEL_LINE_HEIGHT = 13;

/**
 * A label cut into lines no wider than `limit` pixels, at spaces (a word longer than the limit
 * keeps a line of its own; Vega shortens only that one).
 * @example wrapLabel("What one live project earns or saves a month", 150, 11) // ["What one live project", "earns or saves a month"]
 */
export function wrapLabel(label: string, limit: number, fontSize: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of label.split(" ")) {
    const tried = line === "" ? word : `${line} ${word}`;
    if (line !== "" && estimateTextWidth(tried, fontSize) > limit) {
      lines.push(line);
      line = word;
    } else line = tried;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/**
 * Nominal axis labels given in full order (`sort`: the tornado's inputs) are wrapped onto as many
 * lines as they need instead of being cut; returns how many lines the longest took.
 */
function wrapSortedLabels(encoding: Spec, labelLimit: number): number {
  const axis = encoding.axis;
  if (!Array.isArray(encoding.sort) || !isSpec(axis) || typeof axis.labelLimit !== "number") return 1;
  const fontSize = typeof axis.labelFontSize === "number" ? axis.labelFontSize : 11;
  const lines = Object.fromEntries(
    encoding.sort.filter((value): value is string => typeof value === "string").map((value) => [value, wrapLabel(value, labelLimit, fontSize)]),
  );
  const most = Math.max(1, ...Object.values(lines).map((wrapped) => wrapped.length));
  if (most > 1) encoding.axis = { ...axis, labelExpr: `${JSON.stringify(lines)}[datum.value] || datum.label`, labelLimit, labelLineHeight: LABEL_LINE_HEIGHT };
  return most;
}

/**
 * A copy of the spec with every plot width reduced by `shrink` pixels and label limits capped;
 * the labels of a sorted nominal axis wrap within the cap (and their rows grow to hold them).
 */
export function fitSpec(spec: Spec, shrink: number, labelLimit: number): Spec {
  const lines = { most: 1 };
  const copy = fitPart(spec, shrink, labelLimit, lines);
  const height = copy.height;
  if (lines.most > 1 && isSpec(height) && typeof height.step === "number") {
    copy.height = { ...height, step: Math.max(height.step, lines.most * LABEL_LINE_HEIGHT + 8) };
  }
  return copy;
}

function fitPart(spec: Spec, shrink: number, labelLimit: number, lines: { most: number }): Spec {
  const copy: Spec = { ...spec };
  const isView = ["mark", "layer", "facet", "spec", "vconcat", "hconcat", "concat", "repeat"].some((key) => key in copy);
  if (isView && typeof copy.width === "number") copy.width = Math.max(MIN_PLOT_WIDTH, copy.width - shrink);
  if (typeof copy.labelLimit === "number" && copy.labelLimit > labelLimit) copy.labelLimit = labelLimit;
  for (const [key, value] of Object.entries(copy)) {
    if (key === "data" || key === "datasets" || key === "width") continue;
    if (Array.isArray(value)) copy[key] = value.map((item) => (isSpec(item) ? fitPart(item, shrink, labelLimit, lines) : item));
    else if (isSpec(value)) copy[key] = fitPart(value, shrink, labelLimit, lines);
  }
  lines.most = Math.max(lines.most, wrapSortedLabels(copy, labelLimit));
  return copy;
}

function isSpec(value: unknown): value is Spec {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Data rows above which a chart is painted on a canvas rather than built of SVG elements: the
 * team's hours of 10 options over 240 months are 19,200 bars, and as many elements made every
 * style and layout pass of the page take hundreds of milliseconds.
 */
export const CANVAS_ABOVE_ROWS = 2_000;

/** Rows of inline data in a spec, all its parts together. */
export function dataRows(spec: unknown): number {
  if (Array.isArray(spec)) return spec.reduce((sum: number, item) => sum + dataRows(item), 0);
  if (!isSpec(spec)) return 0;
  let rows = 0;
  for (const [key, value] of Object.entries(spec)) {
    if (key === "values" && Array.isArray(value)) rows += value.length;
    else if (typeof value === "object" && value !== null) rows += dataRows(value);
  }
  return rows;
}

async function draw(container: HTMLElement, spec: Spec, description: string): Promise<{ view: View; width: number }> {
  const renderer = dataRows(spec) > CANVAS_ABOVE_ROWS ? "canvas" : "svg";
  const view = new View(parse(compile(withoutLineSeparators(spec as unknown as TopLevelSpec)).spec), { renderer, container, hover: true });
  view.description(description);
  await view.runAsync();
  const svg = container.querySelector("svg");
  if (svg) return { view, width: Number(svg.getAttribute("width")) || svg.getBoundingClientRect().width };
  // Vega sizes a canvas by its style (its width attribute counts device pixels).
  const canvas = container.querySelector("canvas");
  if (canvas) canvas.setAttribute("aria-label", description);
  return { view, width: canvas ? Number.parseFloat(canvas.style.width) || canvas.getBoundingClientRect().width : 0 };
}

/**
 * Draws a chart into the container at most `available` pixels wide; returns the view to finalize.
 * @example const view = await renderChart(element, cumulativeNetSpec(result), 600, "Gain against today")
 */
export async function renderChart(container: HTMLElement, spec: TopLevelSpec, available: number, description: string): Promise<View> {
  const labelLimit = Math.max(90, Math.round(available * 0.38));
  const attempt = async (columns: boolean, shrink: number) => {
    const drawn = await draw(container, legendsFor(fitSpec(spec as unknown as Spec, shrink, labelLimit), available, columns), description);
    if (drawn.width <= available) fitted.set(`${description} ${available}`, { columns, shrink });
    return drawn;
  };
  const again = async (drawn: { view: View }, columns: boolean, shrink: number) => {
    drawn.view.finalize();
    container.replaceChildren();
    return attempt(columns, shrink);
  };
  // Redrawn after an edit: start from what fitted last time, which saves a draw or two.
  const known = fitted.get(`${description} ${available}`);
  let drawn = await attempt(known?.columns ?? false, known?.shrink ?? 0);
  if (drawn.width <= available) return drawn.view;
  if (known) drawn = await again(drawn, false, 0);
  if (drawn.width <= available) return drawn.view;
  // Too wide: a long legend goes into columns first (the plot keeps its width, for which its labels were placed)…
  if (available >= STACKED_LEGEND_BELOW) {
    drawn = await again(drawn, true, 0);
    if (drawn.width <= available) return drawn.view;
  }
  // …and when that is not enough, the plot shrinks by the overflow.
  drawn = await again(drawn, true, Math.ceil(drawn.width - available) + 2);
  return drawn.view;
}

/** How each chart (by title and width) fitted last time: its legend in columns or not, and how far its plot shrank. */
const fitted = new Map<string, { columns: boolean; shrink: number }>();

/** Below this width a legend's entries go one under the other, each in full, rather than side by side and cut. */
const STACKED_LEGEND_BELOW = 560;

/** Width of one column of a legend set in columns, its swatch included. */
const LEGEND_COLUMN = 240;

function legendsFor(spec: Spec, available: number, tooWide: boolean): Spec {
  const config = isSpec(spec.config) ? spec.config : {};
  const legend = isSpec(config.legend) ? config.legend : {};
  if (available < STACKED_LEGEND_BELOW) {
    return { ...spec, config: { ...config, legend: { ...legend, direction: "vertical", columns: 1, labelLimit: Math.max(90, available - 40) } } };
  }
  if (!tooWide) return spec;
  const columns = Math.max(1, Math.floor(available / LEGEND_COLUMN));
  return { ...spec, config: { ...config, legend: { ...legend, columns, labelLimit: LEGEND_COLUMN - 30 } } };
}

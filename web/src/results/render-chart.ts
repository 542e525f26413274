import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { wrapLabel } from "../../../src/charts/text-width.js";
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
  return lines.most > 1 ? withRowsFor(copy, lines.most * LABEL_LINE_HEIGHT + 8) : copy;
}

/**
 * Every row step of the spec at least `step` pixels, wherever the step is set: on the chart itself
 * (the tornado) or on the view repeated in each column of a faceted chart (where the gain comes
 * from), so wrapped labels never run into the next row's.
 */
function withRowsFor(spec: Spec, step: number): Spec {
  const copy: Spec = { ...spec };
  const height = copy.height;
  if (isSpec(height) && typeof height.step === "number") copy.height = { ...height, step: Math.max(height.step, step) };
  for (const key of ["spec", "layer", "vconcat", "hconcat", "concat"]) {
    const value = copy[key];
    if (isSpec(value)) copy[key] = withRowsFor(value, step);
    else if (Array.isArray(value)) copy[key] = value.map((item) => (isSpec(item) ? withRowsFor(item, step) : item));
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
  wrapFacetHeaders(copy, labelLimit);
  return copy;
}

/**
 * The panel titles of a chart faceted in full order (the team's hours, one panel an option) wrapped
 * onto lines within the panel's width, capped at `labelLimit`, instead of being cut short.
 */
function wrapFacetHeaders(spec: Spec, labelLimit: number): void {
  const facet = spec.facet;
  if (!isSpec(facet) || !Array.isArray(facet.sort) || !isSpec(facet.header)) return;
  const header = facet.header;
  const panel = isSpec(spec.spec) && typeof spec.spec.width === "number" ? spec.spec.width : Number.POSITIVE_INFINITY;
  // Panels one under the other (a phone) each have the panel's whole width for their title.
  const limit =
    spec.columns === 1 && Number.isFinite(panel)
      ? panel
      : Math.min(labelLimit, panel, typeof header.labelLimit === "number" ? header.labelLimit : Number.POSITIVE_INFINITY);
  const size = typeof header.labelFontSize === "number" ? header.labelFontSize : 11;
  const bold = header.labelFontWeight === "bold";
  const lines = Object.fromEntries(
    facet.sort.filter((value): value is string => typeof value === "string").map((value) => [value, wrapLabel(value, limit, size, bold)]),
  );
  // Titles that fit on one line keep the whole limit: the page's general cap on labels (fitPart), a
  // third of a phone's width, had cut "Our own open-source stack" to "Our own open-sou…" over a
  // panel twice as wide.
  if (Object.values(lines).every((wrapped) => wrapped.length === 1)) {
    spec.facet = { ...facet, header: { ...header, labelLimit: limit } };
    return;
  }
  spec.facet = {
    ...facet,
    header: { ...header, labelExpr: `${JSON.stringify(lines)}[datum.value] || datum.value`, labelLimit: limit, labelLineHeight: LABEL_LINE_HEIGHT },
  };
}

function isSpec(value: unknown): value is Spec {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Data rows above which a chart is painted on a canvas rather than built of SVG elements: the
 * team's hours of 10 options over 240 months are 19,200 bars, and as many elements made every
 * style and layout pass of the page take hundreds of milliseconds; the enterprise template's
 * 1,000-odd bars took about 60 ms to redraw as SVG after each edit, a few as a canvas.
 */
export const CANVAS_ABOVE_ROWS = 500;

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

/**
 * A drawing on screen: its view, and `key`: the spec it was drawn from with the data taken out, as
 * JSON, with the width, fit and renderer it was drawn at. A new spec of the same shape is drawn by
 * handing the view the new data (`redrawData`), which spares compiling, parsing and building the
 * drawing again: Vega updates the marks already on screen.
 */
export interface ChartDrawing {
  readonly view: View;
  readonly key: string;
  readonly columns: boolean;
  readonly shrink: number;
}

/**
 * The spec with every inline `data: { values }` replaced by a named data set (`inline_0`, …), and
 * those sets: the spec's shape, which a chart keeps while only its figures change.
 * @example withNamedData({ data: { values: [{ a: 1 }] }, mark: "bar" }) // { shape: { data: { name: "inline_0" }, mark: "bar" }, datasets: { inline_0: [{ a: 1 }] } }
 */
export function withNamedData(spec: Spec): { shape: Spec; datasets: Record<string, unknown[]> } {
  const datasets: Record<string, unknown[]> = {};
  const strip = (part: unknown): unknown => {
    if (Array.isArray(part)) return part.map(strip);
    if (!isSpec(part)) return part;
    const copy: Spec = {};
    for (const [key, value] of Object.entries(part)) {
      if (key === "data" && isSpec(value) && Array.isArray(value.values) && Object.keys(value).length === 1) {
        const name = `inline_${Object.keys(datasets).length}`;
        datasets[name] = value.values;
        copy.data = { name };
      } else copy[key] = strip(value);
    }
    return copy;
  };
  return { shape: strip(spec) as Spec, datasets };
}

/** The spec as drawn at a fit: what `draw` is given, and its shape's key. */
export function fittedAt(spec: Spec, available: number, labelLimit: number, columns: boolean, shrink: number) {
  const fitted = legendsFor(fitSpec(spec, shrink, labelLimit), available, columns);
  const renderer = dataRows(fitted) > CANVAS_ABOVE_ROWS ? "canvas" : "svg";
  const { shape, datasets } = withNamedData(fitted);
  return { shape, datasets, renderer, key: `${renderer} ${available} ${JSON.stringify(shape)}` } as const;
}

function drawnWidth(container: HTMLElement, description: string): number {
  const svg = container.querySelector("svg");
  if (svg) return Number(svg.getAttribute("width")) || svg.getBoundingClientRect().width;
  // Vega sizes a canvas by its style (its width attribute counts device pixels).
  const canvas = container.querySelector("canvas");
  if (!canvas) return 0;
  canvas.setAttribute("aria-label", description);
  // A canvas wider than its column is shrunk by the page's style to fit: its height must follow, or
  // the drawing is squeezed (Vega writes a fixed height in its style).
  canvas.style.maxWidth = "100%";
  canvas.style.height = "auto";
  return Number.parseFloat(canvas.style.width) || canvas.getBoundingClientRect().width;
}

async function draw(container: HTMLElement, at: ReturnType<typeof fittedAt>, description: string): Promise<{ view: View; width: number }> {
  const compiled = compile({ ...at.shape, datasets: at.datasets } as unknown as TopLevelSpec).spec;
  const view = new View(parse(compiled), { renderer: at.renderer, container, hover: true });
  view.description(description);
  await view.runAsync();
  return { view, width: drawnWidth(container, description) };
}

function labelLimitFor(available: number): number {
  return Math.max(90, Math.round(available * 0.38));
}

/**
 * Draws the spec in the drawing already on screen when only its data changed (same shape, fit and
 * width) and the result still fits `available`; false when it must be drawn afresh (`renderChart`).
 * The marks on screen are then those of the new data, exactly as a fresh drawing would show them.
 */
export async function redrawData(drawing: ChartDrawing, container: HTMLElement, spec: TopLevelSpec, available: number, description: string): Promise<boolean> {
  const at = fittedAt(withoutLineSeparators(spec) as unknown as Spec, available, labelLimitFor(available), drawing.columns, drawing.shrink);
  if (at.key !== drawing.key) return false;
  for (const [name, values] of Object.entries(at.datasets)) drawing.view.data(name, values as object[]);
  await drawing.view.runAsync();
  return drawnWidth(container, description) <= available;
}

/**
 * Draws a chart into the container at most `available` pixels wide; returns the drawing (its view
 * to finalize).
 * @example const drawing = await renderChart(element, cumulativeNetSpec(result), 600, "Gain against today")
 */
export async function renderChart(container: HTMLElement, spec: TopLevelSpec, available: number, description: string): Promise<ChartDrawing> {
  const labelLimit = labelLimitFor(available);
  const clean = withoutLineSeparators(spec) as unknown as Spec;
  const attempt = async (columns: boolean, shrink: number) => {
    const at = fittedAt(clean, available, labelLimit, columns, shrink);
    const drawn = await draw(container, at, description);
    if (drawn.width <= available) fitted.set(`${description} ${available}`, { columns, shrink });
    return { ...drawn, drawing: { view: drawn.view, key: at.key, columns, shrink } };
  };
  const again = async (drawn: { view: View }, columns: boolean, shrink: number) => {
    drawn.view.finalize();
    container.replaceChildren();
    return attempt(columns, shrink);
  };
  // Redrawn after an edit: start from what fitted last time, which saves a draw or two.
  const known = fitted.get(`${description} ${available}`);
  let drawn = await attempt(known?.columns ?? false, known?.shrink ?? 0);
  if (drawn.width <= available) return drawn.drawing;
  if (known) drawn = await again(drawn, false, 0);
  if (drawn.width <= available) return drawn.drawing;
  // Too wide: a long legend goes into columns first (the plot keeps its width, for which its labels were placed)…
  if (available >= STACKED_LEGEND_BELOW) {
    drawn = await again(drawn, true, 0);
    if (drawn.width <= available) return drawn.drawing;
  }
  // …and when that is not enough, the plot shrinks by the overflow.
  drawn = await again(drawn, true, Math.ceil(drawn.width - available) + 2);
  return drawn.drawing;
}

/** How each chart (by title and width) fitted last time: its legend in columns or not, and how far its plot shrank. */
const fitted = new Map<string, { columns: boolean; shrink: number }>();

/** Below this width a legend's entries go one under the other, each in full, rather than side by side and cut. */
const STACKED_LEGEND_BELOW = 560;

/** What a one-column legend on a narrow screen leaves of the width for its labels: the value axis to its left, its swatch and padding. */
const NARROW_LEGEND_MARGIN = 130;

/** Width of one column of a legend set in columns, its swatch included. */
const LEGEND_COLUMN = 240;

function legendsFor(spec: Spec, available: number, tooWide: boolean): Spec {
  const config = isSpec(spec.config) ? spec.config : {};
  const legend = isSpec(config.legend) ? config.legend : {};
  if (available < STACKED_LEGEND_BELOW) {
    const laidOut = withoutLegendLayout(spec);
    // The legend starts under the plot, right of the value axis (up to about 80 px for "JP¥1,500M"),
    // after its swatch: at `available - 40` a long option name ran 44 px past a 366 px column (cut), and
    // the plot shrank by as much without making room.
    return {
      ...laidOut,
      config: { ...config, legend: { ...legend, direction: "vertical", columns: 1, labelLimit: Math.max(90, available - NARROW_LEGEND_MARGIN) } },
    };
  }
  if (!tooWide) return spec;
  const columns = Math.max(1, Math.floor(available / LEGEND_COLUMN));
  return { ...withoutLegendLayout(spec), config: { ...config, legend: { ...legend, columns, labelLimit: LEGEND_COLUMN - 30 } } };
}

/**
 * A copy of the spec whose legends leave their layout (columns, direction) to the configuration:
 * a legend's own `columns` (the team's hours: three, for the report's page) outweighs it, and at a
 * phone's width kept the legend as wide as the page, so the whole drawing was shrunk to fit and
 * its 11 px text came out at 7 or 8 px.
 */
function withoutLegendLayout(spec: Spec): Spec {
  const copy: Spec = {};
  for (const [key, value] of Object.entries(spec)) {
    if (key === "data" || key === "datasets" || key === "config") copy[key] = value;
    else if (key === "legend" && isSpec(value)) {
      const { columns: _columns, direction: _direction, ...rest } = value;
      copy[key] = rest;
    } else if (Array.isArray(value)) copy[key] = value.map((item) => (isSpec(item) ? withoutLegendLayout(item) : item));
    else copy[key] = isSpec(value) ? withoutLegendLayout(value) : value;
  }
  return copy;
}

import { parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { withoutLineSeparators } from "../../../src/charts/theme.js";

/**
 * Renders the report's Vega-Lite specs live, as SVG, fitted to the width the page has: the plot
 * shrinks (never grows past the report's width) and long axis labels are cut shorter on a narrow
 * screen so the marks keep their room. Loaded on demand: Vega is the page's largest part.
 */

type Spec = Record<string, unknown>;

const MIN_PLOT_WIDTH = 140;

/** A copy of the spec with every plot width reduced by `shrink` pixels and label limits capped. */
export function fitSpec(spec: Spec, shrink: number, labelLimit: number): Spec {
  const copy: Spec = { ...spec };
  const isView = ["mark", "layer", "facet", "spec", "vconcat", "hconcat", "concat", "repeat"].some((key) => key in copy);
  if (isView && typeof copy.width === "number") copy.width = Math.max(MIN_PLOT_WIDTH, copy.width - shrink);
  if (typeof copy.labelLimit === "number" && copy.labelLimit > labelLimit) copy.labelLimit = labelLimit;
  for (const [key, value] of Object.entries(copy)) {
    if (key === "data" || key === "datasets" || key === "width") continue;
    if (Array.isArray(value)) copy[key] = value.map((item) => (isSpec(item) ? fitSpec(item, shrink, labelLimit) : item));
    else if (isSpec(value)) copy[key] = fitSpec(value, shrink, labelLimit);
  }
  return copy;
}

function isSpec(value: unknown): value is Spec {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

async function draw(container: HTMLElement, spec: Spec, description: string): Promise<{ view: View; width: number }> {
  const view = new View(parse(compile(withoutLineSeparators(spec as unknown as TopLevelSpec)).spec), { renderer: "svg", container, hover: true });
  view.description(description);
  await view.runAsync();
  const svg = container.querySelector("svg");
  return { view, width: svg ? Number(svg.getAttribute("width")) || svg.getBoundingClientRect().width : 0 };
}

/**
 * Draws a chart into the container at most `available` pixels wide; returns the view to finalize.
 * @example const view = await renderChart(element, cumulativeNetSpec(result), 600, "Gain against today")
 */
export async function renderChart(container: HTMLElement, spec: TopLevelSpec, available: number, description: string): Promise<View> {
  const labelLimit = Math.max(90, Math.round(available * 0.38));
  let first = await draw(container, fitSpec(spec as unknown as Spec, 0, labelLimit), description);
  if (first.width <= available) return first.view;
  // Too wide: shrink the plot by the overflow and draw once more.
  first.view.finalize();
  container.replaceChildren();
  first = await draw(container, fitSpec(spec as unknown as Spec, Math.ceil(first.width - available) + 2, labelLimit), description);
  return first.view;
}

import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { escapeHtml } from "./escape.js";
// Vega measures text in Node as the report lays it out (installed by the module).
import "../charts/measure-text.js";
import { withoutLineSeparators } from "../charts/theme.js";

let chartCount = 0;

/**
 * Renders a Vega-Lite spec to an SVG string in Node, for inlining into the report. Nothing is
 * loaded: the data sits in the spec. Ids are made unique so several charts can share one page.
 * @example const svg = await renderChartSvg(cumulativeNetSpec(result), "Gain against today so far")
 */
export async function renderChartSvg(spec: TopLevelSpec, title: string): Promise<string> {
  const view = new vega.View(vega.parse(compile(withoutLineSeparators(spec)).spec), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    const prefix = `chart${++chartCount}-`;
    // Vega numbers its clip paths across the whole process: each id is renumbered in the order it first
    // appears in this chart, so the same case gives the same bytes however many charts came before.
    const ids = new Map<string, string>();
    const local = (id: string) => {
      if (!ids.has(id)) ids.set(id, `${prefix}${ids.size + 1}`);
      return ids.get(id)!;
    };
    return svg
      .replace(/\bid="([^"]+)"|url\(#([^)]+)\)/g, (_match, id: string | undefined, reference: string | undefined) =>
        id !== undefined ? `id="${local(id)}"` : `url(#${local(reference!)})`,
      )
      .replace(/<svg /, `<svg role="img" aria-label="${escapeHtml(title)}" `);
  } finally {
    view.finalize();
  }
}

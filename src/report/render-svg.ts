import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { escapeHtml } from "./escape.js";
import { estimateTextWidth } from "./text-width.js";
import { withoutLineSeparators } from "../charts/theme.js";

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
}

// Node has no canvas: measure labels with font metrics instead of Vega's rough 0.8 em a character.
// Vega supports replacing this function (vl-convert does the same); its typings do not declare it.
const { textMetrics } = vega as unknown as { textMetrics: { width: (item: TextItem, text: string | undefined) => number } };
textMetrics.width = (item, text) => {
  const bold = item.fontWeight === "bold" || (typeof item.fontWeight === "number" && item.fontWeight >= 600);
  return estimateTextWidth(String(text ?? "").trim(), item.fontSize ?? 11, bold);
};

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

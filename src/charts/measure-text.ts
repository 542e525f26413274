import * as vega from "vega";
import { estimateTextWidth } from "./text-width.js";

// Importing this module makes Vega measure text in Node as the report lays it out: the report's
// renderer and the charts' own tests import it for that effect alone.

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

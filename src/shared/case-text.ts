import { Document, parseDocument } from "yaml";
import { replaceScenarioData } from "./scenario-edit.js";

/**
 * Turning edited case data back into the text of a scenario file. Pure (no `node:*`), so the
 * server uses it to save and the browser uses it to download the same text.
 */

export type CaseFormat = "yaml" | "json";

/** @example caseFormatOf("case.json") // "json" */
export function caseFormatOf(fileName: string): CaseFormat {
  return /\.json$/i.test(fileName) ? "json" : "yaml";
}

/** Long notes stay on one line rather than being folded at 80 columns. */
const toStringOptions = { lineWidth: 0, flowCollectionPadding: false } as const;

/**
 * Writes case data as a scenario file. For YAML, only the values that differ from the previous
 * text are spliced into it (src/shared/scenario-edit.ts), so every untouched line, comment, quote
 * and flow map stays byte for byte.
 * @example caseText({ title: "x" }, "yaml", "# mine\ntitle: y\n") // "# mine\ntitle: x\n"
 */
export function caseText(data: unknown, format: CaseFormat, previousText?: string): string {
  if (format === "json") return `${JSON.stringify(data, null, 2)}\n`;
  if (previousText === undefined || previousText.trim() === "") return new Document(data).toString(toStringOptions);
  // A text that does not parse cleanly cannot be merged into; write the data afresh.
  if (parseDocument(previousText).errors.length > 0) return new Document(data).toString(toStringOptions);
  return replaceScenarioData(previousText, data);
}

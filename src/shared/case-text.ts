import { Document, parse, parseDocument } from "yaml";
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
  if (format === "json") {
    const text = `${JSON.stringify(data, null, jsonIndent(previousText))}\n`;
    // A file written with Windows line ends keeps them (JSON.stringify escapes a string's own line breaks).
    const lines = previousText?.includes("\r\n") ? text.replaceAll("\n", "\r\n") : text;
    // So does a UTF-8 byte-order mark (Windows Notepad's), which the file was read with.
    return previousText?.startsWith("\uFEFF") ? `\uFEFF${lines}` : lines;
  }
  if (previousText === undefined || previousText.trim() === "") return new Document(data).toString(toStringOptions);
  // A text that does not parse cleanly cannot be merged into; write the data afresh.
  if (parseDocument(previousText).errors.length > 0) return new Document(data).toString(toStringOptions);
  return replaceScenarioData(previousText, data);
}

/** The indentation a JSON file uses (its first indented line's), so that rewriting it keeps its lines; 2 spaces for a new one. */
function jsonIndent(previousText: string | undefined): string | number {
  const indent = previousText === undefined ? undefined : /\n([ \t]+)["}\]]/.exec(previousText)?.[1];
  return indent ?? 2;
}

/**
 * A scenario file's edited text as its name wants it: the edits are spliced in YAML's style
 * (src/shared/scenario-edit.ts), which in a .json file writes `{low: 2, note: "…"}`, no longer JSON;
 * such a file is written again as JSON, indented as it was.
 * @example inFileFormat("case.json", '{\n  "a": 1, b: 2\n}\n', '{\n  "a": 1\n}\n') // '{\n  "a": 1,\n  "b": 2\n}\n'
 */
export function inFileFormat(fileName: string, editedText: string, previousText: string): string {
  if (caseFormatOf(fileName) !== "json") return editedText;
  return caseText(parse(editedText), "json", previousText);
}

import type { CellValue } from "./excel.js";

/** What a person put in a cell, in the terms an import message uses. */
export type CellContent =
  | { readonly kind: "empty" }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "formula"; readonly formula: string }
  | { readonly kind: "other"; readonly description: string };

/**
 * Classifies a cell's value as read by exceljs (numbers, shared strings, rich text, formulas,
 * dates, booleans, error values, hyperlinks).
 * @example cellContent({ formula: "B13*2", result: 60 }) // { kind: "formula", formula: "B13*2" }
 */
export function cellContent(value: CellValue): CellContent {
  if (value === null || value === undefined) return { kind: "empty" };
  if (typeof value === "number") return Number.isFinite(value) ? { kind: "number", value } : { kind: "other", description: String(value) };
  if (typeof value === "string") return value.trim() === "" ? { kind: "empty" } : { kind: "text", text: value };
  if (typeof value === "boolean") return { kind: "other", description: `the truth value ${value ? "TRUE" : "FALSE"}` };
  if (value instanceof Date) return { kind: "other", description: `the date ${value.toISOString().slice(0, 10)}` };
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) {
      const formula = (value as { formula?: string; sharedFormula?: string }).formula ?? (value as { sharedFormula?: string }).sharedFormula ?? "";
      return { kind: "formula", formula };
    }
    if ("richText" in value) {
      const text = value.richText.map((part) => part.text).join("");
      return text.trim() === "" ? { kind: "empty" } : { kind: "text", text };
    }
    if ("error" in value) return { kind: "other", description: `the error ${String(value.error)}` };
    if ("text" in value && typeof value.text === "string") return { kind: "text", text: value.text };
  }
  return { kind: "other", description: "a value that is not a number" };
}

/** The cell as text (for notes and paths); formulas and other values are not text. */
export function cellText(content: CellContent): string | undefined {
  if (content.kind === "empty") return "";
  if (content.kind === "text") return content.text.replace(/\r\n?/g, "\n");
  if (content.kind === "number") return String(content.value);
  return undefined;
}

/** Whether two numbers are the same to the 15 significant digits a spreadsheet keeps. */
export function sameNumber(a: number, b: number): boolean {
  return a === b || Number(a.toPrecision(15)) === Number(b.toPrecision(15));
}

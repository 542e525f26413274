import { leafQuantile, MAX_NOTE_CHARACTERS, quantityKind, quotedCut, type CompiledCase, type Leaf } from "../engine/index.js";
import { formatNumber } from "../format/numbers.js";
import { assumptionHeaders, type AssumptionColumn } from "./assumptions-sheet.js";
import { cellAddress } from "./cell-address.js";
import { cellContent, cellText, sameNumber, type CellContent } from "./cell-content.js";
import type { Worksheet } from "./excel.js";
import { leafForm } from "./leaf-form.js";

/** A problem with a workbook, at a cell (`Assumptions!C14`) or with the workbook as a whole. */
export interface WorkbookProblem {
  readonly cell?: string;
  readonly message: string;
  /**
   * Set when the problem is the scenario file being written into, not the workbook: where in that
   * file, when a place can be named (1-based line and column), so the message can start `case.yaml:3:5:`.
   */
  readonly inScenarioFile?: {
    readonly line?: number;
    readonly column?: number;
    /** The file as a whole cannot be merged into (it does not parse, it is another case): the one problem, said alone. */
    readonly whole?: true;
  };
}

/** What the Assumptions sheet says one input should now be. */
export interface LeafEdit {
  readonly leaf: number;
  readonly value:
    | { readonly kind: "point"; readonly value: number }
    | { readonly kind: "interval"; readonly low: number; readonly high: number }
    | { readonly kind: "fixed" };
  /** The note; "" for none. */
  readonly note: string;
}

/** Where each leaf's cells are, to point a later validation message at the right one. */
export interface LeafCells {
  readonly low: string;
  readonly likely: string;
  readonly high: string;
}

export interface AssumptionsReading {
  readonly edits: readonly LeafEdit[];
  readonly cells: ReadonlyMap<number, LeafCells>;
  readonly problems: readonly WorkbookProblem[];
}

const needed: readonly AssumptionColumn[] = ["low", "likely", "high", "note", "path"];

function describe(content: CellContent): string {
  switch (content.kind) {
    case "text":
      return `"${content.text.length > 40 ? `${content.text.slice(0, 37)}...` : content.text}" is text`;
    case "formula":
      return `holds a formula (=${content.formula})`;
    case "other":
      return `holds ${content.description}`;
    case "empty":
      return "is empty";
    case "number":
      return String(content.value);
    default:
      return content satisfies never;
  }
}

/**
 * Reads the Assumptions sheet back: each input row's Low, Likely and High and its note, matched to
 * the scenario file's numbers by the "In the scenario file" column. Every problem is collected with
 * the cell it is in; nothing is guessed.
 */
export function readAssumptions(worksheet: Worksheet, compiled: CompiledCase, file: unknown): AssumptionsReading {
  const sheet = worksheet.name;
  const problems: WorkbookProblem[] = [];
  const at = (row: number, column: number) => `${sheet}!${cellAddress(row, column)}`;

  let headerRow = 0;
  const columns = new Map<AssumptionColumn, number>();
  for (let row = 1; row <= Math.min(30, worksheet.rowCount) && headerRow === 0; row++) {
    worksheet.getRow(row).eachCell((cell, column) => {
      const text = cellText(cellContent(cell.value))?.trim();
      const name = (Object.keys(assumptionHeaders) as AssumptionColumn[]).find((key) => assumptionHeaders[key] === text);
      if (name) columns.set(name, column);
    });
    if (columns.has("path")) headerRow = row;
    else columns.clear();
  }
  if (headerRow === 0) {
    return {
      edits: [],
      cells: new Map(),
      problems: [
        {
          cell: sheet,
          message: `no header row with "${assumptionHeaders.path}" in the first 30 rows; the sheet's layout was changed — export the scenario file again`,
        },
      ],
    };
  }
  const missing = needed.filter((name) => !columns.has(name));
  if (missing.length > 0) {
    return {
      edits: [],
      cells: new Map(),
      problems: [
        {
          cell: `${sheet}!${headerRow}:${headerRow}`,
          message: `the header row lacks the column${missing.length > 1 ? "s" : ""} ${missing.map((name) => `"${assumptionHeaders[name]}"`).join(", ")}`,
        },
      ],
    };
  }
  const col = (name: AssumptionColumn) => columns.get(name)!;

  const byName = new Map(compiled.leaves.map((leaf, index) => [leaf.name, index]));
  const seen = new Map<number, number>();
  const edits: LeafEdit[] = [];
  const cells = new Map<number, LeafCells>();

  for (let row = headerRow + 1; row <= worksheet.rowCount; row++) {
    const read = (name: AssumptionColumn) => cellContent(worksheet.getCell(row, col(name)).value);
    const pathContent = read("path");
    const path = cellText(pathContent)?.trim() ?? "";
    if (path === "") {
      const typed = (["low", "likely", "high", "note"] as const).find((name) => read(name).kind !== "empty");
      if (typed) {
        problems.push({
          cell: at(row, col(typed)),
          message: `this row is not an input of the scenario file (its "${assumptionHeaders.path}" cell is empty); inputs cannot be added in the workbook: add them to the scenario file and export again`,
        });
      }
      continue;
    }
    const leafIndex = byName.get(path);
    if (leafIndex === undefined) {
      problems.push({
        cell: at(row, col("path")),
        message: `${quotedCut(path)} is not an input of this case; rows cannot be added or renamed in the workbook: change the scenario file and export again`,
      });
      continue;
    }
    const firstRow = seen.get(leafIndex);
    if (firstRow !== undefined) {
      problems.push({ cell: at(row, col("path")), message: `${path} is on row ${firstRow} too; keep one row per input` });
      continue;
    }
    seen.set(leafIndex, row);
    const leaf = compiled.leaves[leafIndex]!;
    cells.set(leafIndex, { low: at(row, col("low")), likely: at(row, col("likely")), high: at(row, col("high")) });
    const rowProblems: WorkbookProblem[] = [];
    const value = readValue(leaf, file, { low: read("low"), likely: read("likely"), high: read("high") }, (name) => at(row, col(name)), rowProblems);
    const noteContent = read("note");
    const note = cellText(noteContent);
    if (note === undefined) rowProblems.push({ cell: at(row, col("note")), message: `${describe(noteContent)}; a note is plain text` });
    // Said at its cell: a note of 2 MB made the whole file too large ("(top level): the file is 2.0 MB"), naming no cell.
    else if (note.length > MAX_NOTE_CHARACTERS)
      rowProblems.push({
        cell: at(row, col("note")),
        message: `${leaf.name}: the note is ${formatNumber(note.length)} characters; allowed: a note of at most ${formatNumber(MAX_NOTE_CHARACTERS)} characters`,
      });
    problems.push(...rowProblems);
    if (rowProblems.length === 0 && value) edits.push({ leaf: leafIndex, value, note: note ?? "" });
  }

  compiled.leaves.forEach((leaf, index) => {
    if (!seen.has(index))
      problems.push({ cell: sheet, message: `the row for ${leaf.name} is missing (deleted?); put it back, or export the scenario file again` });
  });
  return { edits, cells, problems };
}

function readValue(
  leaf: Leaf,
  file: unknown,
  content: Record<"low" | "likely" | "high", CellContent>,
  where: (name: AssumptionColumn) => string,
  problems: WorkbookProblem[],
): LeafEdit["value"] | undefined {
  const allowed = quantityKind(leaf.kind).allowed;
  // Each problem names the input as the scenario file does, beside the cell ("defaults.team.hourlyCost: "fifty" is text; …").
  // A message that starts with a verb follows the name as a sentence ("defaults.team.hoursPerMonth is empty; …"), with no colon between.
  const push = (problem: WorkbookProblem): void =>
    void problems.push({ ...problem, message: `${leaf.name}${/^(is|holds) /.test(problem.message) ? " " : ": "}${problem.message}` });
  const form = leafForm(file, leaf);
  if (form.kind === "distribution") {
    // Only the scenario file can change a distribution with more than two ends.
    const expected = { low: leafQuantile(leaf, 0.05), likely: leaf.value, high: leafQuantile(leaf, 0.95) };
    for (const end of ["low", "likely", "high"] as const) {
      const cell = content[end];
      if (cell.kind !== "number" || !sameNumber(cell.value, expected[end])) {
        push({
          cell: where(end),
          message: `this input is a range given as ${form.description}; it cannot be changed in the workbook: change it in the scenario file`,
        });
        return undefined;
      }
    }
    return { kind: "fixed" };
  }
  const end = (name: "low" | "high"): number | null | undefined => {
    const cell = content[name];
    if (cell.kind === "empty") return null;
    if (cell.kind === "number") return cell.value;
    push({ cell: where(name), message: `${describe(cell)}; expected a number: ${allowed}; or nothing, for a single number` });
    return undefined;
  };
  const low = end("low");
  const high = end("high");
  if (low === undefined || high === undefined) return undefined;
  if (low !== null && high !== null) {
    // A range's Likely is a formula over its ends: a number typed over it would be silently lost.
    if (form.kind === "interval" && content.likely.kind === "number") {
      push({
        cell: where("likely"),
        message: `${assumptionHeaders.likely} of a range is worked out from ${assumptionHeaders.low} and ${assumptionHeaders.high}, so the ${content.likely.value} typed over it would not be used: change ${assumptionHeaders.low} and ${assumptionHeaders.high}, or clear both and type the single number here`,
      });
      return undefined;
    }
    if (low > high) {
      // Named at the cells the user typed, not as the scenario file's { low, high } at the Likely cell.
      push({
        cell: where("low"),
        message: `${assumptionHeaders.low} is ${low} but ${assumptionHeaders.high} is ${high}; allowed: ${assumptionHeaders.low} ≤ ${assumptionHeaders.high} (swap them?)`,
      });
      return undefined;
    }
    return { kind: "interval", low, high };
  }
  if (low !== null || high !== null) {
    const [empty, given] = low === null ? (["low", "high"] as const) : (["high", "low"] as const);
    push({
      cell: where(empty),
      message: `${assumptionHeaders[empty]} is empty but ${assumptionHeaders[given]} is ${low ?? high}: give both ends of the range, or clear both for a single number`,
    });
    return undefined;
  }
  const likely = content.likely;
  if (likely.kind === "number") return { kind: "point", value: likely.value };
  const hint =
    likely.kind === "formula" && form.kind === "interval"
      ? "; Low and High are empty, so this input is now a single number: type it here (the cell still holds the formula that worked out the range's middle)"
      : likely.kind === "formula"
        ? "; an input must be a number typed in: replace the formula by the number"
        : "";
  push({ cell: where("likely"), message: `${describe(likely)}; expected a number: ${allowed}${hint}` });
  return undefined;
}

import { suggest } from "../../engine/index.js";
import { actualFields, type ActualField } from "../../shared/actual-fields.js";

/** What a CSV column holds: a measure, the month, the team, a note, or nothing we read. */
export type ColumnTarget = ActualField | "month" | "team" | "note" | "skip";

const keyColumns = ["month", "team", "note"] as const;
const allTargets: readonly string[] = [...keyColumns, ...actualFields];

/** Header names match field names ignoring case, spaces, hyphens and underscores. */
function normalise(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

const byNormalisedName = new Map(allTargets.map((name) => [normalise(name), name as ColumnTarget]));

/**
 * Reads `--map` options: "CSV column=field", where field may be "skip" to ignore the column.
 * @example parseColumnMap(["Upkeep (h)=upkeepHours"]) // { map: Map { "Upkeep (h)" => "upkeepHours" } }
 */
export function parseColumnMap(options: readonly string[]): { map: Map<string, ColumnTarget> } | { message: string } {
  const map = new Map<string, ColumnTarget>();
  for (const option of options) {
    const split = option.lastIndexOf("=");
    if (split <= 0 || split === option.length - 1) {
      return { message: `--map ${JSON.stringify(option)}: expected "CSV column=field", e.g. --map "Upkeep (h)=upkeepHours" or --map "Comments=skip"` };
    }
    const column = option.slice(0, split).trim();
    const field = option.slice(split + 1).trim();
    const target = field === "skip" ? "skip" : byNormalisedName.get(normalise(field));
    if (!target) {
      const guess = suggest(field, allTargets);
      return {
        message: `--map ${JSON.stringify(option)}: ${JSON.stringify(field)} is not a field${guess ? `; did you mean "${guess}"?` : ""} Allowed: ${allTargets.join(", ")}, skip`,
      };
    }
    map.set(column, target);
  }
  return { map };
}

/**
 * Decides what each header column holds. Every column must be understood: a misspelt header would
 * otherwise drop a whole measure without a word.
 * @example mapHeader(["Month", "upkeep_hours"], new Map()) // { targets: ["month", "upkeepHours"] }
 */
export function mapHeader(header: readonly string[], map: ReadonlyMap<string, ColumnTarget>): { targets: ColumnTarget[] } | { messages: string[] } {
  const messages: string[] = [];
  const targets: ColumnTarget[] = [];
  const seen = new Map<ColumnTarget, string>();
  const used = new Set<string>();
  header.forEach((raw, index) => {
    const name = raw.trim();
    const mapped = map.get(name);
    if (mapped) used.add(name);
    const target = mapped ?? byNormalisedName.get(normalise(name));
    if (name === "" && !mapped) {
      messages.push(`column ${index + 1} has no name; name it, or remove the column`);
      targets.push("skip");
      return;
    }
    if (!target) {
      const guess = suggest(name, allTargets);
      messages.push(
        `column ${JSON.stringify(name)} is not a known field${guess ? ` (did you mean "${guess}"?)` : ""}; rename it, map it with --map ${JSON.stringify(`${name}=FIELD`)}, or ignore it with --map ${JSON.stringify(`${name}=skip`)}`,
      );
      targets.push("skip");
      return;
    }
    if (target !== "skip") {
      const earlier = seen.get(target);
      if (earlier !== undefined) messages.push(`columns ${JSON.stringify(earlier)} and ${JSON.stringify(name)} both hold ${target}; keep one`);
      seen.set(target, name);
    }
    targets.push(target);
  });
  for (const column of map.keys()) {
    if (!used.has(column))
      messages.push(
        `--map names the column ${JSON.stringify(column)}, which is not in the header (${header.map((cell) => JSON.stringify(cell.trim())).join(", ")})`,
      );
  }
  if (!targets.includes("month") && messages.length === 0)
    messages.push(`there is no month column; the header needs "month" (a month number, or YYYY-MM when the plan has a start month)`);
  return messages.length > 0 ? { messages } : { targets };
}

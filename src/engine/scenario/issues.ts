/** A path into the scenario file, e.g. ["scenarios", "optimal", "projects", "upkeepHoursPerMonth"]. */
export type FieldPath = readonly (string | number)[];

/**
 * One problem found in a scenario file. Validation returns a list of these (never throws), and one
 * formatter turns them into `file:line:col: message` lines.
 */
export interface Issue {
  readonly path: FieldPath;
  readonly code: string;
  readonly message: string;
  readonly severity: "error" | "warning";
  /** 1-based position in the source text, when known. */
  readonly line?: number;
  readonly column?: number;
  /** For the last issue of a capped list: how many more problems were found but not listed (docs/commands.md, `validate`). */
  readonly more?: { readonly errors: number; readonly warnings: number };
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Renders a path the way a user would point at the field.
 * @example formatPath(["scenarios", "my case", "team", "people"]) // 'scenarios["my case"].team.people'
 */
export function formatPath(path: FieldPath): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (identifier.test(segment)) text += text === "" ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text === "" ? "(top level)" : text;
}

/**
 * Describes a value found in the file, for messages. A number is quoted as written in the file when
 * `written` gives its text (`ScenarioSource.writtenNumber`): `0.10` and `1_000_000_000_000_000_000_000`,
 * not the parsed `0.1` and `1e+21`.
 * @example describeValue("abc") // 'the text "abc"'
 * @example describeValue({ amount: 60 }) // "a map with amount"
 * @example describeValue({ low: 20, high: 12, note: "…" }) // "a range" (its check says "got low 20, high 12")
 * @example describeValue(0.1, "0.10") // "0.10"
 * @example describeValue(Infinity, ".inf") // "infinite (.inf)" ; describeValue(Infinity, "1e400") // "1e400"
 */
export function describeValue(value: unknown, written?: string): string {
  if (value === undefined) return "nothing";
  if (value === null) return "empty";
  if (typeof value === "string") return `the text ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "not a number (.nan)";
    // A number too large to hold (1e400) is quoted as written, else said as infinite; YAML's own word for
    // infinity (.inf, which the web app writes for a number typed too large to hold) is said as well as quoted.
    if (written !== undefined && !Number.isFinite(value) && /^[-+]?\.inf$/i.test(written.trim()))
      return `${value > 0 ? "infinite" : "minus infinite"} (${written.trim()})`;
    if (written !== undefined) return written.length > 60 ? `${written.slice(0, 57)}...` : written;
    if (!Number.isFinite(value)) return value > 0 ? "infinite" : "minus infinite";
    return String(value);
  }
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : `a list of ${value.length} item${value.length === 1 ? "" : "s"}`;
  if (typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length === 0) return "an empty map";
    // A range's own check names its ends ("allowed: low must be ≤ high, got low 20, high 12"): the
    // message calls it a range, as the editor and the docs do, not "a map with low, high, note".
    if ("low" in value && "high" in value) return "a range";
    const distribution = (value as { distribution?: unknown }).distribution;
    if (typeof distribution === "string" && /^[a-z]+$/i.test(distribution)) return `a ${distribution} range`;
    const shown = keys.slice(0, 4).join(", ");
    return `a map with ${shown}${keys.length > 4 ? ", ..." : ""}`;
  }
  return typeof value;
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.severity === "error");
}

/** The value at a path of plain data, or undefined when the path leads nowhere. */
export function valueAt(data: unknown, path: FieldPath): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

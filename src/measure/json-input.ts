import { MAX_LISTED_PROBLEMS, quoted, type Problem } from "./problems.js";
import { parseTimestamp } from "./time.js";
import { formatNumber } from "../format/numbers.js";

/**
 * JSON text read for measuring, with messages a person can act on: where the text breaks (line and
 * column), and that a file ending mid-way was probably cut off.
 */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; problem: Problem } {
  if (text.trim() === "") return { ok: false, problem: { record: "", message: "the file is empty; expected the JSON of the API's response" } };
  try {
    return { ok: true, value: JSON.parse(text.replace(/^\uFEFF/, "")) };
  } catch (error) {
    const message = (error as Error).message;
    if (/end of (JSON )?input|Unterminated|Expected .* after/i.test(message) && !/position (\d+)/.test(message)) {
      return { ok: false, problem: { record: "end of file", message: "the JSON stops in the middle (the file looks truncated: download it again)" } };
    }
    const position = /position (\d+)/.exec(message);
    const at = position ? Number(position[1]) : undefined;
    if (at !== undefined && at >= text.trimEnd().length) {
      return { ok: false, problem: { record: "end of file", message: "the JSON stops in the middle (the file looks truncated: download it again)" } };
    }
    const place = at === undefined ? (/line \d+ column \d+/.exec(message)?.[0] ?? "the JSON") : lineAndColumn(text, at);
    return {
      ok: false,
      problem: { record: place, message: `not valid JSON (${message.replace(/^JSON\.parse: /, "").replace(/ in JSON at position \d+.*$/, "")})` },
    };
  }
}

function lineAndColumn(text: string, at: number): string {
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  return `line ${line} column ${at - before.lastIndexOf("\n")}`;
}

/** Reads the fields of JSON records, collecting a problem for each one that is missing or wrong. */
export class FieldReader {
  readonly problems: Problem[] = [];
  /** Problems beyond the listed ones are only counted. */
  extra = 0;

  problem(record: string, message: string): void {
    if (this.problems.length < MAX_LISTED_PROBLEMS) this.problems.push({ record, message });
    else this.extra++;
  }

  /** The object at `record`, or undefined (with a problem) when it is something else. */
  object(value: unknown, record: string): Record<string, unknown> | undefined {
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    this.problem(record, `expected an object, got ${describe(value)}`);
    return undefined;
  }

  id(record: Record<string, unknown>, path: string): number {
    const value = record.id;
    if (typeof value === "number" && Number.isInteger(value)) return value;
    this.problem(`${path}.id`, value === undefined ? "missing" : `${quoted(value)} is not a whole number`);
    return Number.NaN;
  }

  string(record: Record<string, unknown>, path: string, key: string, options: { optional?: boolean; nullable?: boolean } = {}): string | undefined {
    const value = record[key];
    if (typeof value === "string") return value;
    if (value === null && options.nullable) return undefined;
    if (value === undefined && options.optional) return undefined;
    this.problem(`${path}.${key}`, value === undefined ? "missing" : `expected text, got ${describe(value)}`);
    return undefined;
  }

  timestamp(record: Record<string, unknown>, path: string, key: string, options: { optional?: boolean; nullable?: boolean } = {}): number | undefined {
    const value = record[key];
    if ((value === null && options.nullable) || (value === undefined && options.optional)) return undefined;
    if (typeof value === "string") {
      const at = parseTimestamp(value);
      if (at !== undefined) return at;
    }
    this.problem(`${path}.${key}`, value === undefined ? "missing" : `${quoted(value)} is not a timestamp (expected e.g. 2026-01-05T09:12:00Z)`);
    return undefined;
  }

  number(record: Record<string, unknown>, path: string, key: string): number | undefined {
    const value = record[key];
    if (value === null || value === undefined) return undefined;
    if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value;
    this.problem(`${path}.${key}`, `${quoted(value)} is not a number ≥ 0`);
    return undefined;
  }

  /** The login in `{ login }` (GitHub) or `{ username }` (GitLab), if the field is there. */
  login(record: Record<string, unknown>, path: string, key: string, field: string): string | undefined {
    const value = record[key];
    if (value === null || value === undefined) return undefined;
    const object = this.object(value, `${path}.${key}`);
    if (!object) return undefined;
    return this.string(object, `${path}.${key}`, field);
  }

  /** All problems, with a last one counting those not listed. */
  all(): Problem[] {
    return this.extra > 0 ? [...this.problems, { record: "…", message: `and ${formatNumber(this.extra)} more problems like these` }] : this.problems;
  }
}

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return `${typeof value === "string" ? "text" : typeof value} ${quoted(value)}`;
}

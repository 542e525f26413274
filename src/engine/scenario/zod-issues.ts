import type { z } from "zod";
import { numberTextHint } from "./number-text.js";
import { describeValue, formatPath, valueAt, type FieldPath, type Issue } from "./issues.js";
import { keysAllowedAt, unionFormsAt } from "./schema-walk.js";
import { suggest } from "./suggest.js";
import { branchIssues, chooseUnionBranch } from "./union-issues.js";
import { groupDigits, groupDigitString, quotedCut } from "./text.js";

export { keysAllowedAt } from "./schema-walk.js";

type ZodIssue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

/** Keys shown in "allowed:" lists; `$schema` is for editors, not something a user picks. */
function shownKeys(keys: readonly string[]): string {
  return keys.filter((key) => key !== "$schema").join(", ");
}

/**
 * Zod's own English messages ("Invalid input: expected object, received number") never reach the
 * user: messages written in our schema start differently, so anything that looks like zod's is
 * replaced by a message of ours.
 */
function isZodDefaultMessage(message: string): boolean {
  return /^(Invalid|Too (small|big)|Unrecognized)\b/.test(message);
}

/** An issue plus, for unknown keys, the field the user probably meant. */
interface Converted {
  readonly issue: Issue;
  readonly meant?: string;
}

/**
 * Turns zod's issues into ours: each names the field, the value found and what is allowed,
 * with a did-you-mean for unknown keys. A required field reported missing because its name was
 * misspelt is reported once, as the misspelling.
 * @example fromZodIssues(caseSchema, result.error.issues, data)[0]?.message // 'unknown field "horizon" at the top level; did you mean "horizonMonths"? ...'
 */
export function fromZodIssues(
  schema: AnySchema,
  issues: readonly ZodIssue[],
  data: unknown,
  writtenNumber: (path: FieldPath) => string | undefined = () => undefined,
): Issue[] {
  const converted = withoutRepeatedChecks(issues).flatMap((issue) => convert({ schema, data, writtenNumber }, issue, []));
  const misspelt = new Set(converted.flatMap(({ issue, meant }) => (meant ? [JSON.stringify([...issue.path.slice(0, -1), meant])] : [])));
  return converted.filter(({ issue }) => !(issue.code === "missing" && misspelt.has(JSON.stringify(issue.path)))).map(({ issue }) => issue);
}

/**
 * A cross-field check (low ≤ high) on a value already wrong inside only repeats the problem; so does
 * a whole number's "beyond the safe integers" beside the field's own maximum (a month of 1e16 was
 * two errors, one of them without the maximum).
 */
function withoutRepeatedChecks(issues: readonly ZodIssue[]): ZodIssue[] {
  const ownMaximum = new Set(issues.filter((issue) => issue.code === "too_big" && issue.origin !== "int").map((issue) => pathKey(issue.path)));
  return withoutRepeatedCrossChecks(issues).filter((issue) => !(issue.code === "too_big" && issue.origin === "int" && ownMaximum.has(pathKey(issue.path))));
}

function withoutRepeatedCrossChecks(issues: readonly ZodIssue[]): ZodIssue[] {
  // Every path strictly above a problem that is not such a check, so each check is looked up once
  // (comparing every check with every problem takes minutes for a file of thousands of them).
  const above = new Set<string>();
  for (const issue of issues) {
    if (issue.code === "custom") continue;
    for (let length = 0; length < issue.path.length; length++) above.add(pathKey(issue.path.slice(0, length)));
  }
  return issues.filter((issue) => issue.code !== "custom" || !above.has(pathKey(issue.path)));
}

function pathKey(path: readonly PropertyKey[]): string {
  return JSON.stringify(path.map((segment) => (typeof segment === "symbol" ? String(segment) : segment)));
}

interface Context {
  readonly schema: AnySchema;
  readonly data: unknown;
  /** A number's text as written in the file, quoted in messages rather than the parsed number. */
  readonly writtenNumber: (path: FieldPath) => string | undefined;
}

/**
 * Converts one zod issue. `allowedKeys` narrows the "allowed:" list to one form of an input
 * (inside { value, note }, low and high are not allowed).
 */
function convert(context: Context, issue: ZodIssue, prefix: FieldPath, allowedKeys?: readonly string[]): Converted[] {
  const { schema, data } = context;
  const path: FieldPath = [...prefix, ...(issue.path as (string | number)[])];
  const field = formatPath(path);
  const found = valueAt(data, path);
  // The value as the message quotes it: a number as written (0.10, not 0.1).
  const shown = describeValue(found, typeof found === "number" ? context.writtenNumber(path) : undefined);
  const error = (code: string, message: string, at: FieldPath = path): Converted => ({ issue: { path: at, code, message, severity: "error" } });
  const ours = isZodDefaultMessage(issue.message) ? undefined : issue.message.replace(/^Invalid input: /, "");

  switch (issue.code) {
    case "unrecognized_keys": {
      const allowed = allowedKeys ? [...allowedKeys] : (keysOfFormWritten(schema, path, found, issue.keys) ?? keysAllowedAt(schema, path));
      return issue.keys.map((key) => {
        const guess = suggest(key, allowed);
        const where = path.length === 0 ? "at the top level" : `in ${field}`;
        const hint = guess ? `; did you mean "${guess}"? Allowed` : "; allowed";
        const converted = error("unknown_key", `unknown field ${quotedCut(key)} ${where}${hint}: ${shownKeys(allowed)}`, [...path, key]);
        return guess ? { ...converted, meant: guess } : converted;
      });
    }
    case "invalid_union": {
      if ("discriminator" in issue && issue.errors.length === 0) {
        // A { distribution: ... } whose name is not one of the choices.
        const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
        const guess = typeof found === "string" ? suggest(found, options) : undefined;
        const what = found === undefined ? "is missing" : `is ${shown}`;
        return [
          error(
            found === undefined ? "missing" : "invalid_value",
            `${field} ${what}; allowed: ${options.join(", ")}${guess ? `; did you mean "${guess}"?` : ""}`,
          ),
        ];
      }
      const forms = unionFormsAt(schema, path);
      if (!forms) return [error("invalid_type", `${field} is ${shown}; ${ours ?? "this value is not allowed here"}`)];
      const choice = chooseUnionBranch(issue, forms, path, found, shown);
      // Missing, like a plain field's: a misspelt name's did-you-mean then stands alone (fromZodIssues).
      if (choice.kind === "message") return [error(found === undefined ? "missing" : "invalid_type", choice.message)];
      return withoutRepeatedChecks(branchIssues(issue, choice.index)).flatMap((inner) =>
        convert(context, inner, path, choice.keys.length > 0 ? choice.keys : undefined),
      );
    }
    case "invalid_type": {
      const expected = ours ?? expectedText(schema, issue.expected, path);
      if (found === undefined) return [error("missing", `${field} is missing; ${expected}`)];
      return [
        error(
          "invalid_type",
          `${field} is ${shown}; ${expected}${typeHint(issue.expected, found, path, typeof found === "number" ? context.writtenNumber(path) : undefined)}`,
        ),
      ];
    }
    case "invalid_value": {
      const allowed = issue.values.map(String);
      const guess = typeof found === "string" ? suggest(found, allowed) : undefined;
      const hint = guess ? `; did you mean "${guess}"?` : "";
      return [error("invalid_value", `${field} is ${shown}; allowed: ${allowed.join(", ")}${hint}`)];
    }
    case "invalid_key": {
      const key = path[path.length - 1];
      const parent = formatPath(path.slice(0, -1));
      const inner = issue.issues[0];
      const rule =
        inner?.code === "too_small"
          ? "a name may not be empty"
          : inner?.code === "too_big"
            ? `a name is at most ${String(inner.maximum)} characters`
            : inner?.code === "custom" && !isZodDefaultMessage(inner.message)
              ? inner.message
              : "names are short text";
      return [error("invalid_key", `the name ${quotedCut(String(key))} in ${parent} is not allowed; ${rule}`)];
    }
    case "too_small":
    case "too_big": {
      const rule = ours ?? sizeRule(issue);
      return [error(issue.code, `${field} is ${shown}; ${rule}${sizeOf(found)}`)];
    }
    case "invalid_format":
      return [error(issue.code, `${field} is ${shown}; ${ours ?? `allowed: text matching ${"pattern" in issue ? String(issue.pattern) : issue.format}`}`)];
    case "not_multiple_of":
      return [error(issue.code, `${field} is ${shown}; ${ours ?? `allowed: a multiple of ${String(issue.divisor)}`}`)];
    case "custom":
    case "invalid_element":
      return [
        error(issue.code, `${field} is ${shown}; ${ours === undefined ? "this value is not allowed here" : fieldsAsWritten(ours, found, path, context)}`),
      ];
    default:
      issue satisfies never;
      return [];
  }
}

/**
 * A range's cross-field check names its fields' numbers as parsed ("got low 0.1, high 0.05"): each is
 * quoted as written in the file instead ("got low 0.10, high 0.050"), as every other message does,
 * its whole part grouped by thousands as numbers in problems are ("got low 6,000, high 5,000", not
 * "got low 6000, high 5000"); a number written otherwise (0.50e1) is quoted as it is.
 */
function fieldsAsWritten(message: string, found: unknown, path: FieldPath, context: Context): string {
  const at = message.indexOf("got ") + "got ".length;
  if (at < "got ".length || found === null || typeof found !== "object") return message;
  const fields = found as Record<string, unknown>;
  const tail = message.slice(at).replace(/\b([A-Za-z]\w*) ([^\s,;]+)/g, (pair, name: string, parsed: string) => {
    const value = fields[name];
    if (typeof value !== "number" || String(value) !== parsed) return pair;
    return `${name} ${groupedAsWritten(context.writtenNumber([...path, name]) ?? parsed)}`;
  });
  return `${message.slice(0, at)}${tail}`;
}

/**
 * A number's text with its whole part grouped by thousands, its sign and decimals as written; any
 * other form (0.50e1, 0x10) as it is.
 * @example groupedAsWritten("6000") // "6,000" ; groupedAsWritten("-12500.50") // "-12,500.50" ; groupedAsWritten("0.50e1") // "0.50e1"
 */
function groupedAsWritten(text: string): string {
  const plain = /^([-+]?)(\d+)(\.\d*)?$/.exec(text);
  return plain ? `${plain[1]}${groupDigitString(plain[2]!)}${plain[3] ?? ""}` : text;
}

/**
 * Zod reports a map that fits one form of an input but for extra fields as just those fields; the
 * allowed list is then that form's fields (inside { value, note }, not low or high).
 */
function keysOfFormWritten(schema: AnySchema, path: FieldPath, found: unknown, unknownKeys: readonly string[]): string[] | undefined {
  const forms = unionFormsAt(schema, path);
  if (!forms || found === null || typeof found !== "object") return undefined;
  const fitting = Object.keys(found).filter((key) => !unknownKeys.includes(key));
  const form = forms.find((candidate) => candidate.kind === "map" && fitting.every((key) => candidate.keys.includes(key)));
  return form ? [...form.keys] : undefined;
}

function expectedText(schema: AnySchema, expected: string, path: FieldPath): string {
  switch (expected) {
    case "object": {
      const keys = keysAllowedAt(schema, path);
      return keys.length > 0 ? `expected a map of fields (${shownKeys(keys)})` : "expected a map of names to values";
    }
    case "record":
      return "expected a map of names to values";
    case "array":
      return "expected a list, e.g. [4, 7, 10]";
    case "string":
      return "expected text";
    case "number":
    case "int":
      return "expected a number";
    case "boolean":
      return "expected true or false";
    default:
      return `expected ${expected}`;
  }
}

/** `written`: a number's text as in the file, which the quotes keep (a version 1.10 is "1.10", not "1.1"). */
function typeHint(expected: string, found: unknown, path: FieldPath, written?: string): string {
  if (expected === "string" && (typeof found === "number" || typeof found === "boolean")) return `; write it in quotes, e.g. "${written ?? String(found)}"`;
  if (expected === "number" || expected === "int") return numberTextHint(found);
  const name = path[path.length - 1];
  if (expected === "object" && found === null && typeof name === "string") return `; write "${name}: {}" if it has nothing to set`;
  return "";
}

function sizeRule(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = issue.code === "too_small";
  const limit = Number(small ? issue.minimum : issue.maximum);
  switch (issue.origin) {
    case "string":
      if (small && limit <= 1) return "allowed: text that is not empty";
      return `allowed: text of ${small ? "at least" : "at most"} ${groupDigits(limit)} characters`;
    case "array":
    case "set":
      return `allowed: a list of ${small ? "at least" : "at most"} ${groupDigits(limit)} items`;
    default:
      return `allowed: a number ${small ? (issue.inclusive ? "≥" : ">") : issue.inclusive ? "≤" : "<"} ${limit}`;
  }
}

/** How big an over-long text or list is, so the user knows how much to cut. */
function sizeOf(found: unknown): string {
  if (typeof found === "string" && found.length > 60) return ` (it has ${groupDigits(found.length)} characters)`;
  return "";
}

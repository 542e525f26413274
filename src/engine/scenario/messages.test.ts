import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { validCaseText } from "../../test-support/scenario-text.js";
import { formatPath, type FieldPath } from "./issues.js";
import { validateScenarioText } from "./validate.js";

// Whatever a user gets wrong, the message is ours: it names the field and what is allowed, it
// points inside the file, and zod's own wording ("Invalid input", "received") never shows.

const zodWording = /Invalid input|Invalid option|Too (small|big)|Unrecognized|received|expected (string|number|object|array|record)\b/;

type Data = Record<string, unknown>;

function numberLeaves(data: unknown, path: FieldPath = []): FieldPath[] {
  if (typeof data === "number") return [path];
  if (typeof data !== "object" || data === null) return [];
  return Object.entries(data).flatMap(([key, value]) => numberLeaves(value, [...path, Array.isArray(data) ? Number(key) : key]));
}

function withValue(data: unknown, path: FieldPath, value: unknown): Data {
  const copy = structuredClone(data) as Data;
  let parent: Record<string | number, unknown> = copy;
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = value;
  return copy;
}

function withRenamedKey(data: unknown, path: FieldPath, newName: string): Data {
  const copy = structuredClone(data) as Data;
  let parent: Record<string | number, unknown> = copy;
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  parent[newName] = parent[last];
  delete parent[last];
  return copy;
}

const file = validateScenarioText(validCaseText()).file;
const leaves = numberLeaves(file).filter((path) => path[0] !== "horizonMonths" || path.length === 1);

/** Values that are wrong for every number in a scenario file. */
const badValue = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }).filter((text) => Number.isNaN(Number(text))),
  fc.double({ min: -1e9, max: -0.001, noNaN: true }),
  fc.constant(null),
  fc.boolean(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(
    fc.string({ minLength: 1, maxLength: 8 }).filter((key) => key !== "value"),
    fc.integer(),
    { minKeys: 1, maxKeys: 2 },
  ),
  fc.constant(Number.POSITIVE_INFINITY),
);

function checkMessages(text: string): void {
  const lineCount = text.split("\n").length;
  for (const issue of validateScenarioText(text).issues) {
    expect(issue.message).not.toMatch(zodWording);
    expect(issue.line).toBeGreaterThanOrEqual(1);
    expect(issue.line).toBeLessThanOrEqual(lineCount);
    expect(issue.column).toBeGreaterThanOrEqual(1);
  }
}

describe("messages for any wrong value", () => {
  it("has numbers to break", () => {
    expect(leaves.length).toBeGreaterThan(8);
  });

  it("names the field, the value found and what is allowed", () => {
    fc.assert(
      fc.property(fc.constantFrom(...leaves), badValue, (path, value) => {
        const text = stringify(withValue(file, path, value));
        const errors = validateScenarioText(text).issues.filter((issue) => issue.severity === "error");
        const field = formatPath(path);
        // "defaults.team.people is ..." or, inside a range, "defaults.team.people.high is missing".
        const about = errors.find((issue) => issue.message.startsWith(`${field} is `) || issue.message.startsWith(`${field}.`));
        expect(about, `no message about ${field} in ${JSON.stringify(errors.map((issue) => issue.message))}`).toBeDefined();
        expect(about?.message).toMatch(/; (expected|allowed)/);
        checkMessages(text);
      }),
      { seed: 20240611, numRuns: 200 },
    );
  });

  it("offers the right name for a misspelt field", () => {
    const namedFields = leaves.filter((path) => typeof path[path.length - 1] === "string" && String(path[path.length - 1]).length >= 6);
    fc.assert(
      fc.property(fc.constantFrom(...namedFields), fc.nat(), (path, seed) => {
        const name = String(path[path.length - 1]);
        // Swap two neighbouring letters: the most common typo.
        const at = 1 + (seed % (name.length - 2));
        const typo = name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2);
        fc.pre(typo !== name);
        const text = stringify(withRenamedKey(file, path, typo));
        const unknown = validateScenarioText(text).issues.find((issue) => issue.code === "unknown_key");
        expect(unknown?.message).toContain(`unknown field "${typo}"`);
        expect(unknown?.message).toContain(`did you mean "${name}"?`);
        expect(unknown?.line).toBe(text.split("\n").findIndex((line) => line.trimStart().startsWith(`${typo}:`)) + 1);
        checkMessages(text);
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        checkMessages(text);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe("the currency code", () => {
  const withCurrency = (code: string) => validCaseText().replace(/^currency: .*$/m, `currency: ${code}`);
  const warnings = (code: string) =>
    validateScenarioText(withCurrency(code))
      .issues.filter((issue) => issue.severity === "warning")
      .map((issue) => `${formatPath(issue.path)}: ${issue.message}`);

  it("is warned of when it is no ISO 4217 code: three capitals that are none ('EUE') were written on every page as a currency, without a word", () => {
    const typo = validateScenarioText(withCurrency("EUE"));
    // A warning, not an error: the case still runs, and a plan frozen under an earlier release is still read.
    expect(typo.compiled?.currency).toBe("EUE");
    expect(warnings("EUE")).toEqual(['currency: currency EUE is not an ISO 4217 code; money is written as "EUE 1,000"; did you mean EUR?']);
    // A guess only for a code one letter from a common currency: VED is Venezuela's, not a typing error for AED.
    expect(warnings("XYZ")).toEqual(['currency: currency XYZ is not an ISO 4217 code; money is written as "XYZ 1,000"']);
  });

  it("takes every code the examples, the templates and the tests use, those of small units and VED without a word", () => {
    for (const code of ["EUR", "USD", "GBP", "JPY", "CHF", "XOF", "XAF", "CAD", "BHD", "VND", "IDR", "KRW", "ISK", "VED"]) {
      expect(warnings(code), code).toEqual([]);
    }
  });
});

describe("a range whose low is above its high", () => {
  it("quotes its ends grouped by thousands, as numbers in problems are, keeping the decimals written", () => {
    const error = (edit: string) => {
      const errors = validateScenarioText(validCaseText().replace(/valuePerMonth: [^\n]*/, edit)).issues.filter((issue) => issue.severity === "error");
      expect(errors, edit).toHaveLength(1);
      return errors[0]!.message;
    };
    // It read "got low 6000, high 5000".
    expect(error("valuePerMonth: { low: 6000, high: 5000 }")).toBe(
      "defaults.projects.valuePerMonth is a range; allowed: low must be ≤ high, got low 6,000, high 5,000",
    );
    expect(error("valuePerMonth: { low: 12500.50, high: 900 }")).toMatch(/got low 12,500\.50, high 900$/);
  });
});

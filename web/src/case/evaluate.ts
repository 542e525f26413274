import {
  buildResult,
  caseSchema,
  compileCase,
  hasErrors,
  validateScenarioText,
  type CaseResult,
  type CompiledCase,
  type Issue,
} from "../../../src/engine/index.js";

/** The engine's answer for one state of the case. */
export interface Evaluation {
  readonly issues: readonly Issue[];
  /** Present when the case has no error. */
  readonly result?: CaseResult;
  /** The compiled case behind the result, for the sensitivity chart. */
  readonly compiled?: CompiledCase;
  /** Milliseconds the engine took (validation and simulation). */
  readonly engineMs: number;
}

/**
 * Validates the case data exactly as the command line validates a file (it is the same function,
 * given the data as JSON text) and, when there is no error, builds the result every view shows.
 * @example evaluateCase(data).result?.comparisons.optimal?.npv
 */
export function evaluateCase(data: unknown): Evaluation {
  const started = performance.now();
  const validation = validateScenarioText(caseSourceText(data));
  if (hasErrors(validation.issues) || !validation.compiled) return { issues: validation.issues, engineMs: performance.now() - started };
  const result = buildResult(validation.compiled);
  return { issues: validation.issues, result, compiled: validation.compiled, engineMs: performance.now() - started };
}

/** How YAML writes the numbers JSON cannot hold. */
const yamlOf: Record<string, string> = { "+inf": ".inf", "-inf": "-.inf", nan: ".nan" };

/**
 * The case data as the text `validateScenarioText` reads: JSON, except a number JSON cannot hold
 * (1e400 typed in a box is Infinity), written `.inf`, `-.inf` or `.nan` as the downloaded YAML
 * writes it, so the check says of it what `validate` says of that file ("is infinite"), not
 * "is empty" of the null JSON would put in its place.
 * @example caseSourceText({ people: Infinity }) // '{"people":.inf}'
 */
export function caseSourceText(data: unknown): string {
  let odd = false;
  const text =
    JSON.stringify(data, (_key, value: unknown) => {
      if (typeof value !== "number" || Number.isFinite(value)) return value;
      odd = true;
      // A stand-in no text of the case holds (JSON writes its character as \u0000), replaced below.
      return `\u0000${Number.isNaN(value) ? "nan" : value > 0 ? "+inf" : "-inf"}`;
    }) ?? "";
  return odd ? text.replace(/"\\u0000(\+inf|-inf|nan)"/g, (_whole, token: string) => yamlOf[token] ?? "null") : text;
}

let rangeSupport: boolean | undefined;

/**
 * Whether the engine reads ranges (`{ low, high }` in place of a number): tried once on a tiny case,
 * so the editor offers the point/range switch exactly when the engine accepts it. The data goes
 * through the schema and the compiler as the page's own evaluations do, not through the YAML
 * reader, which the page opening does not otherwise need (read cold, it took tens of milliseconds).
 */
export function engineAcceptsRanges(): boolean {
  if (rangeSupport === undefined) {
    const tiny = {
      title: "range check",
      currency: "EUR",
      horizonMonths: 2,
      discountRate: 0,
      baseline: "today",
      defaults: {
        team: { people: 1, hoursPerMonth: 100, hourlyCost: 50 },
        projects: { upkeepHoursPerMonth: { low: 5, high: 10 } },
        releases: { mode: "schedule", months: [1] },
      },
      scenarios: { today: {} },
    };
    const parsed = caseSchema.safeParse(tiny);
    rangeSupport = parsed.success && compileCase(parsed.data).issues.length === 0;
  }
  return rangeSupport;
}

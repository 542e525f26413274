/**
 * A tiny formula language: every expression knows both its spreadsheet text and its value, so the
 * workbook caches exactly what its formulas compute, and a test can hold each value against the
 * engine's. Operations keep the engine's order of operations (a + b + c is ((a + b) + c)), so
 * Excel, LibreOffice and JavaScript round the same way.
 */

export type FormulaValue = number | boolean | string;

export interface Expr {
  /** Formula text without the leading "=". */
  readonly text: string;
  readonly value: FormulaValue;
  /** Binding strength, for minimal parentheses: 1 comparison, 3 + -, 4 * /, 5 ^, 6 unary minus, 7 atom. */
  readonly precedence: number;
}

const ATOM = 7;

/**
 * A value as a number. Text (such as "never", or "#N/A" from a MATCH that found nothing) is NaN:
 * spreadsheets evaluate only the branch of an IF they take, while these values are worked out for
 * both, so NaN must stay harmless in the branch not taken — and shows up in a test if it is taken.
 */
function numberOf(expr: Expr): number {
  if (typeof expr.value === "number") return expr.value;
  if (typeof expr.value === "boolean") return expr.value ? 1 : 0;
  return Number.NaN;
}

function truthOf(expr: Expr): boolean {
  return typeof expr.value === "boolean" ? expr.value : numberOf(expr) !== 0;
}

/** Writes a number so that Excel and LibreOffice read back the same double. */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot write ${value} into a formula`);
  return String(value).toUpperCase();
}

/**
 * A literal number.
 * @example num(1e-9).text // "1E-9"
 */
export function num(value: number): Expr {
  return { text: numberText(value), value, precedence: value < 0 || Object.is(value, -0) ? 6 : ATOM };
}

/** A literal piece of text. */
export function str(value: string): Expr {
  return { text: `"${value.replaceAll('"', '""')}"`, value, precedence: ATOM };
}

/** A reference to a cell (or anything atomic) with a known value. */
export function atom(text: string, value: FormulaValue): Expr {
  return { text, value, precedence: ATOM };
}

function wrap(expr: Expr, needed: number, strict: boolean): string {
  return expr.precedence < needed || (strict && expr.precedence === needed) ? `(${expr.text})` : expr.text;
}

function binary(operator: string, precedence: number, a: Expr, b: Expr, value: FormulaValue): Expr {
  // The right operand keeps its own parentheses at equal strength: a-(b-c) and a+(b+c) stay as written.
  // A negated operand is wrapped too, so no formula reads "A1--B1".
  const left = a.precedence === 6 && precedence >= 5 ? `(${a.text})` : wrap(a, precedence, false);
  const right = b.precedence === 6 ? `(${b.text})` : wrap(b, precedence, true);
  return { text: `${left}${operator}${right}`, value, precedence };
}

/** @example add(num(1), num(2)).text // "1+2" */
export const add = (a: Expr, b: Expr): Expr => binary("+", 3, a, b, numberOf(a) + numberOf(b));
export const sub = (a: Expr, b: Expr): Expr => binary("-", 3, a, b, numberOf(a) - numberOf(b));
export const mul = (a: Expr, b: Expr): Expr => binary("*", 4, a, b, numberOf(a) * numberOf(b));
export const div = (a: Expr, b: Expr): Expr => binary("/", 4, a, b, numberOf(a) / numberOf(b));
export const pow = (a: Expr, b: Expr): Expr => binary("^", 5, a, b, Math.pow(numberOf(a), numberOf(b)));

/** Left-to-right sum, as the engine adds: ((a + b) + c) + d. */
export function sum(...terms: Expr[]): Expr {
  if (terms.length === 0) return num(0);
  return terms.slice(1).reduce((total, term) => add(total, term), terms[0]!);
}

/** Unary minus; binds tighter than ^ in spreadsheets, so its operand is wrapped unless atomic. */
export function neg(a: Expr): Expr {
  return { text: `-${wrap(a, ATOM, false)}`, value: -numberOf(a), precedence: 6 };
}

type Comparison = "<" | "<=" | ">" | ">=" | "=" | "<>";

export function compare(a: Expr, operator: Comparison, b: Expr): Expr {
  const x = numberOf(a);
  const y = numberOf(b);
  const value =
    operator === "<" ? x < y : operator === "<=" ? x <= y : operator === ">" ? x > y : operator === ">=" ? x >= y : operator === "=" ? x === y : x !== y;
  return binary(operator, 1, a, b, value);
}

function call(name: string, args: readonly Expr[], value: FormulaValue): Expr {
  return { text: `${name}(${args.map((arg) => arg.text).join(",")})`, value, precedence: ATOM };
}

/** IF(condition, then, otherwise) */
export function when(condition: Expr, then: Expr, otherwise: Expr): Expr {
  return call("IF", [condition, then, otherwise], truthOf(condition) ? then.value : otherwise.value);
}

export const and = (...args: Expr[]): Expr => call("AND", args, args.every(truthOf));
export const or = (...args: Expr[]): Expr => call("OR", args, args.some(truthOf));
export const not = (a: Expr): Expr => call("NOT", [a], !truthOf(a));
export const min = (...args: Expr[]): Expr => call("MIN", args, Math.min(...args.map(numberOf)));
export const max = (...args: Expr[]): Expr => call("MAX", args, Math.max(...args.map(numberOf)));
/** INT rounds down, like Math.floor. */
export const int = (a: Expr): Expr => call("INT", [a], Math.floor(numberOf(a)));
/** ROUND(x, 0) for the non-negative whole numbers of a scenario file (half rounds up, as Math.round). */
export const roundWhole = (a: Expr): Expr => call("ROUND", [a, num(0)], Math.round(numberOf(a)));
/**
 * ROUND(x, digits): half away from zero, as spreadsheets round; a value that rounds to nothing is 0,
 * never −0 (spreadsheets have no negative zero).
 * @example roundTo(num(-1.2e-10), 6).value // 0
 */
export const roundTo = (a: Expr, digits: number): Expr => call("ROUND", [a, num(digits)], roundedTo(numberOf(a), digits));

/** What ROUND(x, digits) gives (see `roundTo`), for a value written beside a formula. */
export function roundedTo(x: number, digits: number): number {
  const scale = 10 ** digits;
  const rounded = Math.round(Math.abs(x) * scale) / scale;
  return rounded === 0 ? 0 : x < 0 ? -rounded : rounded;
}
/** CEILING(x, 1) of a number ≥ 0 (older Excel refuses negative numbers here). */
export const ceiling = (a: Expr): Expr => call("CEILING", [a, num(1)], Math.ceil(numberOf(a)));
export const mod = (a: Expr, b: Expr): Expr => call("MOD", [a, b], numberOf(a) - numberOf(b) * Math.floor(numberOf(a) / numberOf(b)));
/** 1 when the condition holds, else 0: the engine's flags are numbers. */
export const flag = (condition: Expr): Expr => when(condition, num(1), num(0));

/** A rectangular range of cells with their values, for SUM and MATCH. */
export interface RangeRef {
  readonly text: string;
  readonly values: readonly FormulaValue[];
}

/** SUM over a range, adding left to right. */
export function sumRange(range: RangeRef): Expr {
  let total = 0;
  for (const value of range.values) if (typeof value === "number") total += value;
  return call("SUM", [atom(range.text, 0)], total);
}

/** MAX or MIN over a range (0 for a range without numbers, as Excel gives it). */
export function extremeOfRange(which: "MAX" | "MIN", range: RangeRef): Expr {
  const numbers = range.values.filter((value): value is number => typeof value === "number");
  const value = numbers.length === 0 ? 0 : which === "MAX" ? Math.max(...numbers) : Math.min(...numbers);
  return call(which, [atom(range.text, 0)], value);
}

/** MATCH(wanted, range, 0): the 1-based position of the first exact match; the formula errs when none. */
export function matchExact(wanted: number, range: RangeRef): Expr {
  const index = range.values.indexOf(wanted);
  return call("MATCH", [num(wanted), atom(range.text, 0), num(0)], index >= 0 ? index + 1 : "#N/A");
}

export const ln = (a: Expr): Expr => call("LN", [a], Math.log(numberOf(a)));
export const exp = (a: Expr): Expr => call("EXP", [a], Math.exp(numberOf(a)));

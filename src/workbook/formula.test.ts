import { describe, expect, it } from "vitest";
import { add, atom, ceiling, compare, div, flag, int, matchExact, mod, mul, neg, num, pow, roundTo, str, sub, sum, sumRange, when } from "./formula.js";

const a = atom("A1", 7);
const b = atom("B1", 2);
const c = atom("C1", 3);

describe("formula text", () => {
  it("keeps the engine's order of operations with as few parentheses as that needs", () => {
    expect(sum(a, b, c).text).toBe("A1+B1+C1");
    expect(add(a, add(b, c)).text).toBe("A1+(B1+C1)");
    expect(sub(a, sub(b, c)).text).toBe("A1-(B1-C1)");
    expect(sub(sub(a, b), c).text).toBe("A1-B1-C1");
    expect(mul(add(a, b), c).text).toBe("(A1+B1)*C1");
    expect(div(a, mul(b, c)).text).toBe("A1/(B1*C1)");
    expect(mul(a, div(num(12), num(52))).text).toBe("A1*(12/52)");
  });

  it("wraps negation so no formula reads A1--B1, and keeps -x^y meaning (-x)^y", () => {
    expect(sub(a, neg(b)).text).toBe("A1-(-B1)");
    expect(neg(mul(a, b)).text).toBe("-(A1*B1)");
    expect(pow(neg(a), b).text).toBe("(-A1)^B1");
    expect(pow(add(num(1), a), div(num(-1), num(12))).text).toBe("(1+A1)^(-1/12)");
  });

  it("ROUND rounds half away from zero and never leaves a negative zero", () => {
    expect(roundTo(atom("A1", -1.2e-10), 6)).toMatchObject({ text: "ROUND(A1,6)", value: 0 });
    expect(Object.is(roundTo(atom("A1", -1.2e-10), 6).value, 0)).toBe(true);
    expect(roundTo(atom("A1", 2.5), 0).value).toBe(3);
    expect(roundTo(atom("A1", -2.5), 0).value).toBe(-3);
    expect(roundTo(atom("A1", -1234.56789012), 6).value).toBe(-1234.56789);
    expect(roundTo(atom("A1", 0.0000015), 6).value).toBe(0.000002);
  });

  it("writes numbers as spreadsheets read them", () => {
    expect(num(1e-9).text).toBe("1E-9");
    expect(num(1e300).text).toBe("1E+300");
    expect(num(0.5).text).toBe("0.5");
    expect(() => num(Number.POSITIVE_INFINITY)).toThrow();
    expect(str('say "no"').text).toBe('"say ""no"""');
  });
});

describe("formula values", () => {
  it("computes what the spreadsheet computes", () => {
    expect(sum(a, b, c).value).toBe(12);
    expect(div(a, b).value).toBe(3.5);
    expect(pow(num(1.08), div(num(-1), num(12))).value).toBe(Math.pow(1.08, -1 / 12));
    expect(int(num(-0.5)).value).toBe(-1);
    expect(ceiling(num(2.0000001)).value).toBe(3);
    expect(mod(num(13), num(12)).value).toBe(1);
    expect(flag(compare(a, ">", b)).value).toBe(1);
    expect(when(compare(a, "<", b), str("yes"), num(0)).value).toBe(0);
  });

  it("MATCH finds the first exact match, and its #N/A stays in the branch an IF does not take", () => {
    const range = { text: "D1:G1", values: [0, 0, 1, 1] };
    expect(matchExact(1, range).value).toBe(3);
    const none = { text: "D1:G1", values: [0, 0, 0, 0] };
    const guarded = when(compare(num(0), "=", num(0)), str("never"), when(compare(matchExact(1, none), "=", num(1)), num(0), matchExact(1, none)));
    expect(guarded.value).toBe("never");
    expect(sumRange(range).value).toBe(2);
    expect(sumRange(range).text).toBe("SUM(D1:G1)");
  });
});

import { describe, expect, it } from "vitest";
import { MAX_MONEY } from "../engine/index.js";
import { checkActualValue, parseActualValue, parseNumberText } from "./validate-actual.js";

/** The rule as documented: a sign, digits with a dot for decimals, an exponent; then JavaScript's own reading of it. */
function byTheRule(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/** A small deterministic generator, so a failure names a text that can be tried again. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe("parseNumberText", () => {
  it("reads every text as Number reads the documented form, to the last bit (signs, dots, digits, exponents, spaces)", () => {
    const random = generator(7);
    const pick = (text: string) => text[Math.floor(random() * text.length)]!;
    const digits = (count: number) => Array.from({ length: count }, () => pick("0123456789")).join("");
    const texts = [
      "",
      ".",
      "-",
      "+",
      "5.",
      ".5",
      "-0",
      "+0",
      "-0.0",
      "007",
      "1.2.3",
      "1e3",
      " 12.5 ",
      "12,5",
      "٣",
      "0.1",
      "999999999999999",
      "9999999999999999",
    ];
    for (let index = 0; index < 20_000; index++) {
      const sign = ["", "", "+", "-"][Math.floor(random() * 4)]!;
      const whole = digits(Math.floor(random() * 18));
      const dot = random() < 0.7 ? "." : "";
      const fraction = dot ? digits(Math.floor(random() * 18)) : "";
      const exponent = random() < 0.1 ? `e${pick("+-")}${digits(1 + Math.floor(random() * 3))}` : "";
      const odd = random() < 0.05 ? pick("x ,.-") : "";
      texts.push(`${sign}${whole}${dot}${fraction}${exponent}${odd}`);
    }
    const differing = texts.filter((text) => !Object.is(parseNumberText(text), byTheRule(text)));
    expect(differing).toEqual([]);
    // The generated texts do exercise both answers.
    expect(texts.filter((text) => parseNumberText(text) !== undefined).length).toBeGreaterThan(10_000);
    expect(Object.is(parseNumberText("-0"), -0)).toBe(true);
    expect(parseNumberText("0.1")).toBe(0.1);
  });
});

describe("checkActualValue", () => {
  // The scenario file's limit on an amount of money, the engine's own: the two cannot drift apart.
  it("allows cash up to the scenario file's 100 billion, as an amount of money there: it took €1,000 billion in a month", () => {
    expect(checkActualValue("licences", MAX_MONEY)).toBeUndefined();
    // It took licences of 1,000,000,000,000 and named that as the limit.
    expect(checkActualValue("licences", 1e12)).toBe("licences is 1000000000000; allowed: an amount of money ≥ 0, at most 100,000,000,000");
    expect(checkActualValue("externalSpend", MAX_MONEY + 1)).toContain("at most 100,000,000,000");
  });
});

describe("a number too large for a double", () => {
  it("is said to be too large, with what is allowed, not 'not a number' ('1e400' is a number)", () => {
    // It read 'upkeepHours is "1e400", which is not a number; expected hours, a number ≥ 0'.
    expect(parseActualValue("upkeepHours", "1e400")).toEqual({ message: "upkeepHours is 1e400, too large; allowed: hours, a number ≥ 0, at most 1,000,000" });
    expect(parseActualValue("licences", " 2E+999 ")).toEqual({
      message: "licences is 2E+999, too large; allowed: an amount of money ≥ 0, at most 100,000,000,000",
    });
    expect(parseActualValue("upkeepHours", "-1e400")).toEqual({ message: "upkeepHours is -1e400; allowed: hours, a number ≥ 0" });
    expect(parseActualValue("releases", "1e400", { decimalComma: true })).toEqual({
      message: "releases is 1e400, too large; allowed: a whole number ≥ 0, at most 10,000,000",
    });
    expect(parseActualValue("upkeepHours", "1e300x")).toEqual({ message: 'upkeepHours is "1e300x", which is not a number; expected hours, a number ≥ 0' });
  });
});

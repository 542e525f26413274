import { describe, expect, it } from "vitest";
import { compareNames } from "./compare-names.js";
import { createRandom } from "./uncertainty/random.js";

describe("compareNames", () => {
  it("orders names as English collation does, over random names of letters, digits, dots, commas and spaces", () => {
    const random = createRandom(7);
    // Few characters, so that long common prefixes and names equal but for case are frequent.
    const alphabets = ["aAbB.", "aA1 ,", "xyzXYZ019., ", "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789., "];
    const name = (alphabet: string) => {
      let text = "";
      const length = Math.floor(random() * 8);
      for (let i = 0; i < length; i += 1) text += alphabet[Math.floor(random() * alphabet.length)];
      return text;
    };
    for (let i = 0; i < 40_000; i += 1) {
      const alphabet = alphabets[i % alphabets.length]!;
      const a = name(alphabet);
      const b = random() < 0.3 ? a.replace(/[a-z]/, (letter) => letter.toUpperCase()) : name(alphabet);
      expect([a, b, compareNames(a, b)]).toEqual([a, b, a.localeCompare(b, "en")]);
    }
  });

  it("leaves other names to the collator", () => {
    expect(compareNames("a_b", "a-b")).toBe("a_b".localeCompare("a-b", "en"));
    // "_" comes before the digits in English collation, after them in character codes.
    expect(compareNames("a_b", "a1b")).toBe(-1);
    expect(compareNames("été", "ete")).toBe("été".localeCompare("ete", "en"));
    expect(["b", "B", "a.c", "ab"].sort(compareNames)).toEqual(["a.c", "ab", "b", "B"]);
  });
});

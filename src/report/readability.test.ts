import { describe, expect, it } from "vitest";
import { countSyllables, fleschReadingEase, textStatistics } from "./readability.js";

describe("countSyllables", () => {
  it("counts common words right", () => {
    const known: Record<string, number> = {
      cat: 1,
      the: 1,
      month: 1,
      hours: 1,
      year: 1,
      makes: 1,
      jumped: 1,
      wanted: 2,
      table: 2,
      people: 2,
      money: 2,
      value: 2,
      release: 2,
      projects: 2,
      recommend: 3,
      readability: 5,
      Australian: 4,
      period: 3,
      actual: 3,
      option: 2,
      quality: 3,
      "Today's": 2,
    };
    for (const [word, syllables] of Object.entries(known)) expect([word, countSyllables(word)]).toEqual([word, syllables]);
  });
  it("never gives a word fewer than one syllable", () => {
    expect(countSyllables("rhythm")).toBe(1);
    expect(countSyllables("—")).toBe(0);
  });
});

describe("textStatistics", () => {
  it("splits sentences at full stops but not inside numbers", () => {
    expect(textStatistics("It costs €3.5 a month. It pays back in month 5.")).toEqual({ sentences: 2, words: 11, syllables: 13 });
  });
  it("counts a last sentence without a full stop", () => {
    expect(textStatistics("The cat sat. It slept").sentences).toBe(2);
  });
});

describe("fleschReadingEase", () => {
  it("matches the formula on a sentence of one-syllable words", () => {
    // 6 words, 6 syllables, 1 sentence: 206.835 − 1.015 × 6 − 84.6 × 1
    expect(fleschReadingEase("The cat sat on the mat.")).toBeCloseTo(116.145, 3);
  });
  it("scores a known dense sentence low", () => {
    // 13 words, 26 syllables by the heuristic: 206.835 − 13.195 − 169.2 = 24.44
    const text = "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.";
    expect(textStatistics(text)).toEqual({ sentences: 1, words: 13, syllables: 26 });
    expect(fleschReadingEase(text)).toBeCloseTo(24.44, 2);
  });
  it("ranks plain business prose above jargon-heavy prose", () => {
    const plain = "We ask for two days of help. The team gets back ten hours a month. It pays back in month five.";
    const dense =
      "Implementation of comprehensive operational automation infrastructure necessitates considerable organisational investment, notwithstanding anticipated productivity improvements.";
    expect(fleschReadingEase(plain)).toBeGreaterThan(70);
    expect(fleschReadingEase(dense)).toBeLessThan(0);
  });
});

import { describe, expect, it } from "vitest";
import { drawInputs, InputDraws } from "./draws.js";
import { validateScenarioText, type CompiledCase } from "./index.js";
import { choleskyLower, induceRankCorrelation, pairToRelax, pearsonOfRank } from "./uncertainty/rank-correlation.js";
import { createRandom, quantile, type Distribution } from "./uncertainty/index.js";

// Correlated inputs: the scenario file's `correlations`, checked at validation and induced by the
// sampler (Iman–Conover) for random and Latin hypercube draws, each input keeping its own values.

const header = `title: Correlated
currency: EUR
horizonMonths: 12
discountRate: 0.05
baseline: today
defaults:
  team: { people: 2, hoursPerMonth: 120, hourlyCost: 60 }
  projects:
    alreadyLive: 2
    upkeepHoursPerMonth: { low: 20, high: 40 }
    valuePerMonth: { low: 1000, high: 5000 }
  releases: { mode: schedule, months: [4] }
scenarios:
  today: {}
  better:
    projects:
      upkeepHoursPerMonth: { low: 5, high: 15 }
    tooling:
      licences:
        flatPerMonth: { distribution: triangular, min: 100, mode: 200, max: 600 }
`;

const upkeepToday = "defaults.projects.upkeepHoursPerMonth";
const upkeepAfter = "scenarios.better.projects.upkeepHoursPerMonth";
const value = "defaults.projects.valuePerMonth";
const licence = "scenarios.better.tooling.licences.flatPerMonth";

function withCorrelations(lines: string): string {
  return `${header}correlations:\n${lines}`;
}

function compile(text: string): CompiledCase {
  const validation = validateScenarioText(text);
  if (!validation.compiled) throw new Error(validation.issues.map((issue) => `${issue.line}: ${issue.message}`).join("\n"));
  return validation.compiled;
}

function errorsOf(text: string) {
  return validateScenarioText(text).issues.filter((issue) => issue.severity === "error");
}

/** Spearman's coefficient of two columns (no ties in continuous draws). */
function spearman(a: Float64Array, b: Float64Array): number {
  const ranks = (values: Float64Array) => {
    const order = Array.from(values.keys()).sort((x, y) => values[x]! - values[y]!);
    const out = new Float64Array(values.length);
    order.forEach((index, rank) => (out[index] = rank));
    return out;
  };
  const ra = ranks(a);
  const rb = ranks(b);
  const n = a.length;
  const mean = (n - 1) / 2;
  let covariance = 0;
  let variance = 0;
  for (let index = 0; index < n; index++) {
    covariance += (ra[index]! - mean) * (rb[index]! - mean);
    variance += (ra[index]! - mean) ** 2;
  }
  return covariance / variance;
}

/** The Kolmogorov–Smirnov distance between a sample and a distribution's CDF (by its quantiles). */
function ksDistance(values: Float64Array, distribution: Distribution): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  // The CDF at each sorted value, found by bisection on the quantile function.
  let largest = 0;
  for (let index = 0; index < n; index += 7) {
    let low = 0;
    let high = 1;
    for (let round = 0; round < 40; round++) {
      const middle = (low + high) / 2;
      if (quantile(distribution, middle) <= sorted[index]!) low = middle;
      else high = middle;
    }
    largest = Math.max(largest, Math.abs(low - index / n), Math.abs(low - (index + 1) / n));
  }
  return largest;
}

const twoPairs = withCorrelations(`  - between: [${upkeepToday}, ${upkeepAfter}]
    rank: 0.8
    note: the same jobs break in both ways of working
  - between: [${value}, ${licence}]
    rank: -0.4
`);

describe("correlated draws", () => {
  for (const latinHypercube of [false, true]) {
    const sampling = latinHypercube ? "Latin hypercube" : "random";
    it(`match the requested rank correlations within sampling error at 10,000 samples (${sampling})`, () => {
      const compiled = compile(twoPairs);
      const names = compiled.uncertainLeaves.map((leaf) => compiled.leaves[leaf]!.name);
      const columns = drawInputs(compiled, 10_000, 7, latinHypercube);
      const column = (name: string) => columns[names.indexOf(name)]!;
      // The standard error of Spearman's coefficient is about (1 − ρ²)/√n: 0.004 at 0.8, 0.008 at −0.4.
      expect(spearman(column(upkeepToday), column(upkeepAfter))).toBeCloseTo(0.8, 1);
      expect(Math.abs(spearman(column(upkeepToday), column(upkeepAfter)) - 0.8)).toBeLessThan(0.02);
      expect(Math.abs(spearman(column(value), column(licence)) + 0.4)).toBeLessThan(0.03);
      // Unlinked pairs stay uncorrelated.
      expect(Math.abs(spearman(column(upkeepToday), column(value)))).toBeLessThan(0.04);
    });

    it(`keep every input's own values: the same draws in another order, the distribution unchanged (${sampling})`, () => {
      const correlated = compile(twoPairs);
      const independent = compile(header);
      const withLinks = drawInputs(correlated, 10_000, 7, latinHypercube);
      const without = drawInputs(independent, 10_000, 7, latinHypercube);
      withLinks.forEach((column, index) => {
        expect(Float64Array.from(column).sort()).toEqual(Float64Array.from(without[index]!).sort());
        const leaf = correlated.leaves[correlated.uncertainLeaves[index]!]!;
        // Kolmogorov–Smirnov: the 1% critical distance at n = 10,000 is 1.63/√n ≈ 0.016.
        expect(ksDistance(column, leaf.distribution!)).toBeLessThan(0.0163);
      });
    });

    it(`give the same bytes for the same seed, whole or a chunk at a time (${sampling})`, () => {
      const compiled = compile(twoPairs);
      const first = drawInputs(compiled, 5_000, 3, latinHypercube);
      expect(drawInputs(compiled, 5_000, 3, latinHypercube)).toEqual(first);
      expect(drawInputs(compiled, 5_000, 4, latinHypercube)).not.toEqual(first);
      const chunks = new InputDraws(compiled, 5_000, 3, latinHypercube, 1024);
      for (let start = 0; start < 5_000; start += 1024) {
        chunks.drawFrom(start);
        chunks.values.forEach((column, input) => expect(column.subarray(0, chunks.count)).toEqual(first[input]!.subarray(start, start + chunks.count)));
      }
    });
  }

  it("leaves the draws exactly as they were when the file declares no correlation", () => {
    const compiled = compile(header);
    expect(compiled.correlationGroups).toEqual([]);
    const zero = compile(withCorrelations(`  - between: [${upkeepToday}, ${upkeepAfter}]\n    rank: 0\n`));
    expect(zero.correlationGroups).toEqual([]);
    expect(drawInputs(zero, 2_000, 5, false)).toEqual(drawInputs(compiled, 2_000, 5, false));
  });

  it("induces a whole matrix of three inputs, and perfect correlation", () => {
    const random = createRandom(9);
    const columns = [0, 1, 2].map(() => Float64Array.from({ length: 10_000 }, () => random()));
    induceRankCorrelation(columns, Float64Array.of(1, 0.5, 0.3, 0.5, 1, 0.2, 0.3, 0.2, 1));
    expect(Math.abs(spearman(columns[0]!, columns[1]!) - 0.5)).toBeLessThan(0.02);
    expect(Math.abs(spearman(columns[0]!, columns[2]!) - 0.3)).toBeLessThan(0.02);
    expect(Math.abs(spearman(columns[1]!, columns[2]!) - 0.2)).toBeLessThan(0.02);
    const pair = [0, 1].map(() => Float64Array.from({ length: 1_000 }, () => random()));
    induceRankCorrelation(pair, Float64Array.of(1, 1, 1, 1));
    // The first column keeps its order and is scored by buckets of ⌊u·n⌋: ties there leave a hair below 1.
    expect(spearman(pair[0]!, pair[1]!)).toBeGreaterThan(0.9999);
  });
});

describe("the numbers behind it", () => {
  it("puts a rank correlation on the normal scale as 2 sin(πρ/6)", () => {
    expect(pearsonOfRank(0)).toBe(0);
    expect(pearsonOfRank(1)).toBeCloseTo(1, 12);
    expect(pearsonOfRank(0.5)).toBeCloseTo(0.5176, 4);
  });

  it("factors a semi-definite matrix and refuses one that is not", () => {
    const lower = choleskyLower(Float64Array.of(1, 0.5, 0.5, 1), 2)!;
    expect(lower[2]).toBeCloseTo(0.5, 12);
    expect(lower[3]).toBeCloseTo(Math.sqrt(0.75), 12);
    expect(choleskyLower(Float64Array.of(1, 1, 1, 1), 2)).toBeDefined();
    expect(choleskyLower(Float64Array.of(1, 0.9, 0.9, 0.9, 1, -0.9, 0.9, -0.9, 1), 3)).toBeUndefined();
  });

  it("names the pair to relax: the one that can keep most of its coefficient", () => {
    // With a–b 0.9, a–c 0.8 and b–c −0.5, taking a–c or b–c to 0 is not enough (the other two still
    // conflict); taking a–b to about 0.1 is: a–b is the pair to relax.
    const relax = pairToRelax(3, [
      [0, 1, 0.9],
      [0, 2, 0.8],
      [1, 2, -0.5],
    ]);
    expect(relax.index).toBe(0);
    // On the normal scale (r = 2 sin(πρ/6): a–c 0.8135, b–c −0.5176) the determinant stays ≥ 0 while
    // r(a–b) ≤ (−0.8422 + √0.9905)/2 ≈ 0.0765, a rank correlation of (6/π) asin(0.0765/2) ≈ 0.073.
    expect(0.9 * relax.kept!).toBeCloseTo(0.0731, 3);
  });
});

describe("bad correlations get a clear message with a line", () => {
  it("names an unknown input and suggests the closest range", () => {
    const text = withCorrelations(`  - between: [defaults.projects.upkeepHoursPerMont, ${upkeepAfter}]\n    rank: 0.5\n`);
    const [error] = errorsOf(text);
    // It said '"defaults.projects.upkeepHoursPerMont" is not an input of this file' with no field path.
    expect(error?.message).toMatch(/^correlations\[0\]\.between\[0\] is "defaults\.projects\.upkeepHoursPerMont", which is not an input of this file; /);
    expect(error?.message).toContain(`did you mean "${upkeepToday}"`);
    expect(error?.line).toBe(text.split("\n").findIndex((line) => line.includes("upkeepHoursPerMont,")) + 1);
  });

  it("refuses a coefficient outside −1..1", () => {
    const [error] = errorsOf(withCorrelations(`  - between: [${upkeepToday}, ${upkeepAfter}]\n    rank: 1.5\n`));
    expect(error?.message).toMatch(/rank.*1\.5|from -1 to 1/);
    expect(error?.message).toContain("allowed: a rank correlation from -1 to 1");
  });

  it("refuses a correlation on a single number", () => {
    const [error] = errorsOf(withCorrelations(`  - between: [${upkeepToday}, defaults.team.people]\n    rank: 0.5\n`));
    expect(error?.message).toContain("correlations[0].between[1] is defaults.team.people, a single number (2), not a range");
  });

  it("refuses an input correlated with itself, and a pair given twice", () => {
    expect(errorsOf(withCorrelations(`  - between: [${value}, ${value}]\n    rank: 0.5\n`))[0]?.message).toBe(
      `both sides of correlations[0].between are ${value}; allowed: two different inputs`,
    );
    const twice = errorsOf(withCorrelations(`  - between: [${value}, ${licence}]\n    rank: 0.5\n  - between: [${licence}, ${value}]\n    rank: 0.2\n`));
    expect(twice[0]?.message).toBe(
      `correlations[1].between: ${licence} and ${value} are already correlated at correlations[0]; allowed: one correlation per pair`,
    );
  });

  it("says which pair to relax when the correlations cannot all hold", () => {
    const text = withCorrelations(`  - between: [${upkeepToday}, ${upkeepAfter}]
    rank: 0.9
  - between: [${upkeepToday}, ${value}]
    rank: 0.8
  - between: [${upkeepAfter}, ${value}]
    rank: -0.5
`);
    const [error] = errorsOf(text);
    expect(error?.code).toBe("not_positive_semidefinite");
    expect(error?.message).toMatch(new RegExp(`relax the one between ${upkeepToday} and ${upkeepAfter} \\(rank 0\\.9\\) to 0\\.07 or nearer 0`));
    expect(error?.line).toBe(text.split("\n").findIndex((line) => line.includes("rank: 0.9")) + 1);
  });

  it("refuses a malformed entry with the expected shape", () => {
    const [error] = errorsOf(withCorrelations(`  - between: ${upkeepToday}\n    rank: 0.5\n`));
    expect(error?.message).toContain("expected the paths of two inputs given as ranges");
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { drawInputs } from "./draws.js";
import { buildResult, MonteCarlo, STANDARD_SAMPLES, STANDARD_SEED, validateScenarioText, withUncertainty } from "./index.js";
import { createRandom, deriveSeed } from "./uncertainty/index.js";

// docs/numbers.md says how draws are made bit for bit, with a worked example; docs/json.md shows a
// distribution block. A reader re-implementing the engine from the docs must get these figures.

const read = (...path: string[]): string => readFileSync(new URL(`../../${path.join("/")}`, import.meta.url), "utf8");
const numbers = read("docs", "numbers.md");
const compile = (text: string) => {
  const { compiled } = validateScenarioText(text);
  if (!compiled) throw new Error("the example does not compile");
  return compiled;
};

/** The worked example of "Random draws, bit for bit", from its heading to the next item. */
const worked = (() => {
  const start = numbers.indexOf("- *Worked example* (a test holds the engine to it)");
  if (start < 0) throw new Error('docs/numbers.md has no worked example under "Random draws, bit for bit"');
  return numbers.slice(start, numbers.indexOf("\n- *", start + 1));
})();

/** The worked example's prose on one line, for phrases that a line break may split. */
const prose = worked.replace(/\s+/g, " ");

/** The number right after `label` in the worked example (hex, or digits, dots and thousands commas). */
function shownAfter(label: string): string {
  const at = prose.indexOf(label);
  if (at < 0) throw new Error(`the worked example has no "${label}"`);
  const match = prose.slice(at + label.length).match(/^[\s*]*(0x[0-9a-f]+|-?\d(?:[\d,]*\d)?(?:\.\d+)?)/);
  if (!match) throw new Error(`no number after "${label}"`);
  return match[1]!;
}
const number = (label: string): number => Number(shownAfter(label).replace(/,/g, ""));

describe('docs/numbers.md, "Random draws, bit for bit"', () => {
  const yaml = worked.match(/```yaml\n([\s\S]*?)```/)?.[1]?.replace(/^ {2}/gm, "");
  if (!yaml) throw new Error("the worked example has no scenario file");
  const compiled = compile(yaml);

  it("the one-range file: its range's stream, state words, output and draw as the docs give them", () => {
    const position = number("one range, at position");
    expect(compiled.uncertainLeaves).toEqual([position]);
    const seed = deriveSeed(1, position);
    expect(seed).toBe(Number(shownAfter(`deriveSeed(1, ${position}) =`)));
    expect(shownAfter("state words are a =")).toBe(`0x${splitmix(seed, 1)}`);
    expect(shownAfter(", b =")).toBe(`0x${splitmix(seed, 2)}`);
    expect(shownAfter(", c =")).toBe(`0x${splitmix(seed, 3)}`);
    expect(shownAfter(", d =")).toBe(`0x${splitmix(seed, 4)}`);
    const u = createRandom(seed)();
    const t = number("warm-up steps the next t is");
    expect(u).toBe((t + 0.5) / 2 ** 32);
    expect(u).toBe(number(`so u = ${shownAfter("warm-up steps the next t is")}.5 ÷ 2³² =`));
    // run --samples 1 --seed 1: every NPV percentile is the draw.
    const summary = MonteCarlo.summaryOf(compiled, { samples: 1, seed: 1 });
    expect(summary.distributions.alt!.npv.p50).toBe(number("every NPV percentile is"));
  });

  it("the one-range file with --samples 4 --lhs: the four draws", () => {
    const shown = prose.match(/`--samples 4 --lhs` the four draws are ([\d.]+), ([\d.]+), ([\d.]+) and (\d[\d.]*\d)/);
    if (!shown) throw new Error("the worked example gives no four Latin hypercube draws");
    expect(Array.from(drawInputs(compiled, 4, 1, true)[0]!)).toEqual(shown.slice(1).map(Number));
  });

  it("the first draw of examples/seed-uncertain.yaml's first range", () => {
    const uncertain = compile(read("examples", "seed-uncertain.yaml"));
    expect(uncertain.uncertainLeaves[0]).toBe(number("is at position"));
    expect(createRandom(deriveSeed(1, uncertain.uncertainLeaves[0]!))()).toBe(number("its first draw at seed 1 is u ="));
    expect(drawInputs(uncertain, 1, 1, false)[0]![0]).toBe(number("z(u) = −0.510333908493784,"));
  });

  it("a risk adjustment, wherever it is written, leaves every range's draws alone: the Monte Carlo never reads it", () => {
    const text = read("examples", "team.yaml");
    const plain = compile(text);
    const draws = (compiled: typeof plain) => drawInputs(compiled, 64, 1, false).map((column) => Array.from(column));
    const risk = "riskAdjustment: {benefits: 0.1, costs: 0.05}\n";
    // At the end of the file (once it moved every range to another stream), and at the start.
    for (const adjusted of [compile(`${text}\n${risk}`), compile(`${risk}${text}`)]) {
      expect(adjusted.riskAdjustment).toEqual({ benefits: 0.1, costs: 0.05 });
      expect(adjusted.uncertainLeaves.map((leaf) => adjusted.leaves[leaf]!.name)).toEqual(plain.uncertainLeaves.map((leaf) => plain.leaves[leaf]!.name));
      expect(adjusted.uncertainLeaves).toEqual(plain.uncertainLeaves);
      expect(draws(adjusted)).toEqual(draws(plain));
      // Its shares come after the file's other numbers (docs/numbers.md, "Which stream").
      const names = adjusted.leaves.filter((leaf) => !leaf.builtIn).map((leaf) => leaf.name);
      expect(names.slice(-2)).toEqual(["riskAdjustment.benefits", "riskAdjustment.costs"]);
    }
    const summary = (t: string) => MonteCarlo.summaryOf(compile(t), { samples: 500, seed: 1 }).distributions.openSource!.npv;
    expect(summary(`${text}\n${risk}`)).toEqual(summary(text));
  });
});

/** The 32-bit state word j (1 to 4) that the generator starts from, as the docs define it, in hex. */
function splitmix(seed: number, j: number): string {
  let z = (seed + Math.imul(j, 0x9e3779b9)) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return ((z ^ (z >>> 16)) >>> 0).toString(16).padStart(8, "0");
}

describe("the distribution block of docs/json.md's example", () => {
  it("shows examples/seed-uncertain.yaml's optimal option at 10,000 samples, seed 1", () => {
    const json = read("docs", "json.md");
    const block = json.slice(json.indexOf('"distribution": {'), json.indexOf('"cumulativeNetBand"'));
    const compiled = compile(read("examples", "seed-uncertain.yaml"));
    const result = withUncertainty(buildResult(compiled), MonteCarlo.summaryOf(compiled, { samples: STANDARD_SAMPLES, seed: STANDARD_SEED }));
    const distribution = result.comparisons.optimal!.distribution!;
    const shown = (field: string) => Number(block.match(new RegExp(`"${field}": (-?[\\d.]+)`))![1]);
    for (const level of ["p5", "p10", "p50", "p90", "p95"] as const) expect(shown(level), level).toBe(Math.round(distribution.npv[level]!));
    expect(shown("probabilityPaysBack")).toBe(Number(distribution.probabilityPaysBack.toFixed(2)));
    expect(shown("probabilityNpvPositive")).toBe(Number(distribution.probabilityNpvPositive.toFixed(2)));
    const assumption = result.assumptions.find((entry) => entry.input === "defaults.projects.upkeepHoursPerMonth")!;
    const line = json.slice(json.indexOf('"assumptions": ['));
    expect(Number(line.match(/"value": ([\d.]+)/)![1])).toBe(Number(assumption.value.toFixed(2)));
    expect(Number(line.match(/"p5": ([\d.]+)/)![1])).toBe(Math.round(assumption.range!.p5));
    expect(Number(line.match(/"p95": ([\d.]+)/)![1])).toBe(Math.round(assumption.range!.p95));
  });
});

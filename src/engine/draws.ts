import type { CompiledCase, Leaf } from "./model/compiled.js";
import { quantityKind } from "./scenario/quantity.js";
import { createRandom, deriveSeed, fillUniform, latinHypercubeColumn, quantile, sampleInto, type Distribution, type RandomSource } from "./uncertainty/index.js";
import { induceRankCorrelation } from "./uncertainty/rank-correlation.js";

/** Keeps a drawn value within what the input allows (a share in 0..1, whole months) — tails of a normal would not. */
export function clampToKind(leaf: Leaf, values: Float64Array): void {
  const kind = quantityKind(leaf.kind);
  const low = kind.exclusiveMin ? kind.min + Number.EPSILON * Math.max(1, Math.abs(kind.min)) : kind.min;
  for (let index = 0; index < values.length; index++) {
    let value = values[index]!;
    if (value < low) value = kind.exclusiveMin ? Math.max(low, 1e-9) : low;
    else if (value > kind.max) value = kind.max;
    values[index] = kind.integer ? Math.round(value) : value;
  }
}

/** One input's value at a probability, kept within what the input allows. */
export function leafQuantile(leaf: Leaf, probability: number): number {
  const value = quantile(leaf.distribution as Distribution, probability);
  const column = Float64Array.of(value);
  clampToKind(leaf, column);
  return column[0]!;
}

/** One input's values for the given uniforms: through its inverse CDF, then kept within what it allows. */
function drawInto(leaf: Leaf, uniforms: Float64Array, out: Float64Array): void {
  sampleInto(leaf.distribution as Distribution, uniforms, out);
  clampToKind(leaf, out);
}

/** Each input reads its own seeded stream, so adding an input does not reshuffle the others. */
function streamOf(seed: number, leafIndex: number): RandomSource {
  return createRandom(deriveSeed(seed, leafIndex));
}

/**
 * Draws every uncertain input once per sample (never per month): one column per uncertain leaf,
 * from its own seeded stream so adding an input does not reshuffle the others.
 * @example drawInputs(compiled, 10_000, 1, false)[0] // Float64Array of 10,000 draws of the first range
 */
export function drawInputs(compiled: CompiledCase, samples: number, seed: number, latinHypercube: boolean): Float64Array[] {
  const uniforms = new Float64Array(samples);
  const columns = compiled.uncertainLeaves.map((leafIndex) => {
    const leaf = compiled.leaves[leafIndex]!;
    const random = streamOf(seed, leafIndex);
    if (latinHypercube) latinHypercubeColumn(random, samples, uniforms);
    else fillUniform(random, uniforms);
    const column = new Float64Array(samples);
    drawInto(leaf, uniforms, column);
    return column;
  });
  correlate(compiled, columns, seed);
  return columns;
}

/**
 * Puts each group of correlated inputs' draws in the order that gives them their rank correlations
 * (Iman–Conover: the values themselves are unchanged). Each group reads a stream of its own, named by
 * its first input, so a group added elsewhere in the file does not reorder this one.
 */
function correlate(compiled: CompiledCase, columns: Float64Array[], seed: number): void {
  const position = new Map(compiled.uncertainLeaves.map((leaf, index) => [leaf, index]));
  for (const group of compiled.correlationGroups) {
    const k = group.length;
    const target = new Float64Array(k * k);
    for (let at = 0; at < k; at++) target[at * k + at] = 1;
    const inGroup = new Map(group.map((leaf, index) => [leaf, index]));
    for (const { leaves: [a, b], rank } of compiled.correlations) {
      const i = inGroup.get(a);
      const j = inGroup.get(b);
      if (i !== undefined && j !== undefined) target[i * k + j] = target[j * k + i] = rank;
    }
    induceRankCorrelation(
      group.map((leaf) => columns[position.get(leaf)!]!),
      target,
      createRandom(deriveSeed(seed, -2 - group[0]!)),
    );
  }
}

/**
 * The Monte Carlo's inputs, drawn a chunk of samples at a time: the same numbers `drawInputs` gives
 * for the whole run (each input reads its own stream in order), without holding every draw of
 * every input. Latin hypercube spreads each input's strata over the whole run, so its columns are
 * drawn whole at the start and handed out a chunk at a time.
 * @example const draws = new InputDraws(compiled, 10_000, 1, false); draws.drawFrom(0); draws.values[0]![0]
 */
export class InputDraws {
  /** Per uncertain input: the values of samples `first` to `first + count - 1`. */
  readonly values: Float64Array[];
  first = 0;
  count = 0;
  private readonly whole: Float64Array[] | undefined;
  private readonly randoms: RandomSource[];
  private readonly uniforms: Float64Array;
  /** The sample each input's stream gives next. */
  private next = 0;

  constructor(
    private readonly compiled: CompiledCase,
    private readonly samples: number,
    seed: number,
    latinHypercube: boolean,
    private readonly chunk = 1024,
  ) {
    const inputs = compiled.uncertainLeaves.length;
    this.values = Array.from({ length: inputs }, () => new Float64Array(chunk));
    this.uniforms = new Float64Array(chunk);
    // Correlations reorder whole columns, as Latin hypercube strata span the whole run: both are drawn whole.
    const whole = latinHypercube || compiled.correlationGroups.length > 0;
    this.whole = whole ? drawInputs(compiled, samples, seed, latinHypercube) : undefined;
    this.randoms = whole ? [] : compiled.uncertainLeaves.map((leafIndex) => streamOf(seed, leafIndex));
  }

  /** Draws the chunk that starts at sample `first`: chunks come in order, each where the last ended. */
  drawFrom(first: number): void {
    const count = Math.min(this.chunk, this.samples - first);
    const uncertain = this.compiled.uncertainLeaves;
    if (this.whole) {
      for (let input = 0; input < uncertain.length; input++) this.values[input]!.set(this.whole[input]!.subarray(first, first + count));
    } else {
      if (first !== this.next) throw new Error(`draws come in order: sample ${this.next} is next, not ${first}`);
      const uniforms = this.uniforms.subarray(0, count);
      for (let input = 0; input < uncertain.length; input++) {
        fillUniform(this.randoms[input]!, uniforms);
        drawInto(this.compiled.leaves[uncertain[input]!]!, uniforms, this.values[input]!.subarray(0, count));
      }
      this.next = first + count;
    }
    this.first = first;
    this.count = count;
  }
}

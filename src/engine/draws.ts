import type { CompiledCase, Leaf } from "./model/compiled.js";
import { keepWithinKind, quantityKind } from "./scenario/quantity.js";
import {
  createRandom,
  deriveSeed,
  fillUniform,
  latinHypercubeColumn,
  quantile,
  sampleInto,
  type Distribution,
  type RandomSource,
} from "./uncertainty/index.js";
import { induceRankCorrelation } from "./uncertainty/rank-correlation.js";

/**
 * Keeps a drawn value within what the input allows (a share in 0..1, whole months, nothing between 0
 * and SMALLEST_NONZERO) — tails of a normal would not.
 */
export function clampToKind(leaf: Leaf, values: Float64Array): void {
  const kind = quantityKind(leaf.kind);
  for (let index = 0; index < values.length; index++) values[index] = keepWithinKind(kind, values[index]!);
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

/**
 * Each input reads its own seeded stream, numbered by its place among all the case's inputs (plain
 * numbers too): a range keeps its draws when inputs are added after it, or when another range is made
 * a plain number, but an input added or removed before it moves it to another stream.
 */
function streamOf(seed: number, leafIndex: number): RandomSource {
  return createRandom(deriveSeed(seed, leafIndex));
}

/**
 * Draws every uncertain input once per sample (never per month): one column per uncertain leaf,
 * from its own seeded stream (`streamOf`): one range's draws do not depend on how many others there are.
 * @example drawInputs(compiled, 10_000, 1, false)[0] // Float64Array of 10,000 draws of the first range
 */
export function drawInputs(compiled: CompiledCase, samples: number, seed: number, latinHypercube: boolean): Float64Array[] {
  const correlated = correlatedUniforms(compiled, samples, seed, latinHypercube);
  const uniforms = new Float64Array(samples);
  return compiled.uncertainLeaves.map((leafIndex) => {
    const leaf = compiled.leaves[leafIndex]!;
    let own = correlated.get(leafIndex);
    if (!own) {
      own = uniforms;
      uniformsOf(seed, leafIndex, latinHypercube, own);
    }
    const column = new Float64Array(samples);
    drawInto(leaf, own, column);
    return column;
  });
}

/** An input's uniforms: from its own stream, stratified for a Latin hypercube. */
function uniformsOf(seed: number, leafIndex: number, latinHypercube: boolean, out: Float64Array): void {
  const random = streamOf(seed, leafIndex);
  if (latinHypercube) latinHypercubeColumn(random, out.length, out);
  else fillUniform(random, out);
}

/**
 * The uniforms of every correlated input, put in the order that gives each group its rank
 * correlations (Iman–Conover on the uniforms: each input's inverse CDF keeps their order, so its
 * values are the ones it would have drawn alone, in another order). No other random numbers are used.
 */
function correlatedUniforms(compiled: CompiledCase, samples: number, seed: number, latinHypercube: boolean): Map<number, Float64Array> {
  const byLeaf = new Map<number, Float64Array>();
  for (const group of compiled.correlationGroups) {
    const k = group.length;
    const target = new Float64Array(k * k);
    for (let at = 0; at < k; at++) target[at * k + at] = 1;
    const inGroup = new Map(group.map((leaf, index) => [leaf, index]));
    for (const {
      leaves: [a, b],
      rank,
    } of compiled.correlations) {
      const i = inGroup.get(a);
      const j = inGroup.get(b);
      if (i !== undefined && j !== undefined) target[i * k + j] = target[j * k + i] = rank;
    }
    const columns = group.map((leaf) => {
      const column = new Float64Array(samples);
      uniformsOf(seed, leaf, latinHypercube, column);
      byLeaf.set(leaf, column);
      return column;
    });
    induceRankCorrelation(columns, target, { stratified: latinHypercube });
  }
  return byLeaf;
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

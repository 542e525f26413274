import type { CompiledCase, Leaf } from "./model/compiled.js";
import { quantityKind } from "./scenario/quantity.js";
import { createRandom, deriveSeed, fillUniform, latinHypercubeColumn, quantile, sampleInto, type Distribution } from "./uncertainty/index.js";

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

/**
 * Draws every uncertain input once per sample (never per month): one column per uncertain leaf,
 * from its own seeded stream so adding an input does not reshuffle the others.
 * @example drawInputs(compiled, 10_000, 1, false)[0] // Float64Array of 10,000 draws of the first range
 */
export function drawInputs(compiled: CompiledCase, samples: number, seed: number, latinHypercube: boolean): Float64Array[] {
  const uniforms = new Float64Array(samples);
  return compiled.uncertainLeaves.map((leafIndex) => {
    const leaf = compiled.leaves[leafIndex]!;
    const random = createRandom(deriveSeed(seed, leafIndex));
    if (latinHypercube) latinHypercubeColumn(random, samples, uniforms);
    else fillUniform(random, uniforms);
    const column = new Float64Array(samples);
    sampleInto(leaf.distribution as Distribution, uniforms, column);
    clampToKind(leaf, column);
    return column;
  });
}

/**
 * Seeded pseudo-random numbers: the sfc32 generator (Chris Doty-Humphrey's
 * "small fast chaotic" generator), seeded through splitmix32.
 *
 * Pure and deterministic: the same seed gives the same stream on every
 * JavaScript engine, because only 32-bit integer arithmetic is used.
 */

/** A source of doubles strictly inside (0, 1). */
export type RandomSource = () => number;

const TWO_TO_32 = 4294967296;
const WARM_UP_ROUNDS = 12;

/** One step of splitmix32: a strong 32-bit mixer used to expand a seed. */
function splitmix32(state: number): number {
  let z = state | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * A seeded sfc32 generator returning doubles strictly inside (0, 1), with
 * 32 bits of resolution: the smallest value is 2^-33, the largest 1 - 2^-33,
 * so `Math.log(u)` and inverse CDFs never see 0 or 1.
 *
 * The seed must be a safe integer (negative values are fine); both its low
 * and high 32 bits feed the state.
 *
 * @example
 * const random = createRandom(42);
 * const u = random(); // 0 < u < 1, the same for every run with seed 42
 */
export function createRandom(seed: number): RandomSource {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`seed must be a safe integer, got ${seed}`);
  }
  const low = seed >>> 0;
  const high = Math.floor(seed / TWO_TO_32) | 0;
  let counter = (low ^ Math.imul(high, 0x9e3779b9)) | 0;
  counter = (counter + 0x9e3779b9) | 0;
  let a = splitmix32(counter);
  counter = (counter + 0x9e3779b9) | 0;
  let b = splitmix32(counter ^ high);
  counter = (counter + 0x9e3779b9) | 0;
  let c = splitmix32(counter);
  counter = (counter + 0x9e3779b9) | 0;
  let d = splitmix32(counter);

  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return ((t >>> 0) + 0.5) / TWO_TO_32;
  };
  for (let round = 0; round < WARM_UP_ROUNDS; round++) next();
  return next;
}

/**
 * Fills `out` with the next `out.length` draws of `random`.
 *
 * @example
 * const uniforms = new Float64Array(1000);
 * fillUniform(createRandom(7), uniforms);
 */
export function fillUniform(random: RandomSource, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] = random();
}

/**
 * Derives a seed for sub-stream `stream` of `seed` by hashing both, so one
 * user-facing seed can drive several independent generators.
 *
 * @example
 * const designRandom = createRandom(deriveSeed(42, 1));
 * const bootstrapRandom = createRandom(deriveSeed(42, 2));
 */
export function deriveSeed(seed: number, stream: number): number {
  if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(stream)) {
    throw new RangeError(`seed and stream must be safe integers, got ${seed} and ${stream}`);
  }
  let hash = splitmix32((seed >>> 0) ^ 0x5bd1e995);
  hash = splitmix32(hash ^ (Math.floor(seed / TWO_TO_32) | 0));
  hash = splitmix32(hash ^ Math.imul(stream | 0, 0x9e3779b9));
  return splitmix32(hash ^ (Math.floor(stream / TWO_TO_32) | 0));
}

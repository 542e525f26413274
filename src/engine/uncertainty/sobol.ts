/**
 * Variance-based (Sobol) sensitivity indices by the Saltelli 2010 design:
 * first-order indices with Saltelli's estimator and total-effect indices with
 * Jansen's, plus percentile-bootstrap confidence intervals.
 *
 * References: A. Saltelli et al., "Variance based sensitivity analysis of
 * model output. Design and estimator for the total sensitivity index",
 * Computer Physics Communications 181 (2010) 259–270 (Table 2, (b) and (f)).
 */
import { percentiles } from "./quantiles.js";
import { createRandom, deriveSeed, fillUniform, type RandomSource } from "./random.js";

export interface SobolOptions {
  /** N, the number of base rows: a power of two ≥ 2 (else RangeError). The model sees N·(D + 2) rows in all. */
  baseSamples: number;
  /** Seed for the design and the bootstrap; the same seed gives the same indices. */
  seed: number;
  /** Number of bootstrap resamples for the intervals (default 200; 0 gives zero-width intervals). */
  bootstrap?: number;
  /** Coverage of the intervals, in (0, 1) (default 0.95). */
  confidence?: number;
}

export interface SobolIndex {
  /** First-order index S1: the share of output variance explained by this input alone. */
  first: number;
  /** Total-effect index ST: the share that would vanish if this input were fixed (including interactions). */
  total: number;
  /** Percentile-bootstrap interval for `first`, widened if needed to contain the estimate. */
  firstInterval: [number, number];
  /** Percentile-bootstrap interval for `total`, widened if needed to contain the estimate. */
  totalInterval: [number, number];
}

/**
 * A vectorised model: `columns[j]` holds input j for each of n rows (values
 * already transformed to the input's units); the model must write n outputs
 * into `out` and must not modify the columns.
 */
export type BatchModel = (columns: readonly Float64Array[], out: Float64Array) => void;

/**
 * The design's outputs reduced to what the estimators need, centred on the
 * pooled mean c of f(A) and f(B) (centring leaves the estimators' expectations
 * unchanged but removes the noise a large constant offset would add to S1):
 * f(A) − c, f(B) − c, and for each input j the row differences f(A_B^(j)) − f(A).
 */
interface CentredOutputs {
  centredA: Float64Array;
  centredB: Float64Array;
  differences: Float64Array[];
  /**
   * The variance below which the output does not vary at all: rounding in the model's arithmetic
   * (a part in 10¹² of the output's size). Below it every index is 0, not a ratio of rounding errors.
   */
  noVariance: number;
}

function validateOptions(dimension: number, options: SobolOptions): { bootstrap: number; confidence: number } {
  const { baseSamples } = options;
  if (!Number.isInteger(dimension) || dimension < 1) throw new RangeError(`dimension must be a positive integer, got ${dimension}`);
  if (!Number.isInteger(baseSamples) || baseSamples < 2 || (baseSamples & (baseSamples - 1)) !== 0 || baseSamples > 2 ** 30) {
    throw new RangeError(`baseSamples must be a power of two between 2 and 2^30, got ${baseSamples}`);
  }
  const bootstrap = options.bootstrap ?? 200;
  if (!Number.isInteger(bootstrap) || bootstrap < 0) throw new RangeError(`bootstrap must be a non-negative integer, got ${bootstrap}`);
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  return { bootstrap, confidence };
}

/** Draws one N × D design matrix as D transformed columns. */
function drawDesign(
  dimension: number,
  rows: number,
  random: RandomSource,
  toInput: (j: number, uniforms: Float64Array, out: Float64Array) => void,
  uniforms: Float64Array,
): Float64Array[] {
  const columns: Float64Array[] = [];
  for (let j = 0; j < dimension; j++) {
    fillUniform(random, uniforms);
    const column = new Float64Array(rows);
    toInput(j, uniforms, column);
    columns.push(column);
  }
  return columns;
}

function evaluate(model: BatchModel, columns: readonly Float64Array[], rows: number, label: string): Float64Array {
  const out = new Float64Array(rows);
  model(columns, out);
  for (let i = 0; i < rows; i++) {
    if (!Number.isFinite(out[i]!)) {
      throw new RangeError(`model output must be finite for Sobol indices, got ${out[i]} at row ${i} of ${label}`);
    }
  }
  return out;
}

/**
 * Estimates S1 and ST for every input with each row counted `weights[row]`
 * times (all ones for the point estimate, multinomial counts summing to N for
 * a bootstrap resample), written at `first[j * stride + offset]` and
 * `total[j * stride + offset]`. Weighting instead of gathering resampled rows
 * keeps every loop a sequential scan.
 */
function estimateIndices(outputs: CentredOutputs, weights: Float64Array, first: Float64Array, total: Float64Array, stride: number, offset: number): void {
  const { centredA, centredB, differences, noVariance } = outputs;
  const rows = weights.length;
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < rows; i++) {
    const weight = weights[i]!;
    const a = centredA[i]!;
    const b = centredB[i]!;
    sum += weight * (a + b);
    squares += weight * (a * a + b * b);
  }
  // The resample's pooled mean differs from the full sample's by `shift`.
  const shift = sum / (2 * rows);
  const variance = squares / (2 * rows) - shift * shift;
  for (let j = 0; j < differences.length; j++) {
    const difference = differences[j]!;
    let crossSum = 0;
    let differenceSum = 0;
    let squaredSum = 0;
    for (let i = 0; i < rows; i++) {
      const weighted = weights[i]! * difference[i]!;
      crossSum += weighted * centredB[i]!;
      differenceSum += weighted;
      squaredSum += weighted * difference[i]!;
    }
    const position = j * stride + offset;
    first[position] = variance > noVariance ? (crossSum - shift * differenceSum) / rows / variance : 0;
    total[position] = variance > noVariance ? squaredSum / (2 * rows) / variance : 0;
  }
}

/** Centres the outputs on their pooled mean and turns each f(A_B^(j)) into f(A_B^(j)) − f(A), in place. */
function centreOutputs(outputsA: Float64Array, outputsB: Float64Array, outputsMixed: Float64Array[]): CentredOutputs {
  const rows = outputsA.length;
  let sum = 0;
  for (let i = 0; i < rows; i++) sum += outputsA[i]! + outputsB[i]!;
  const centre = sum / (2 * rows);
  for (const mixed of outputsMixed) {
    for (let i = 0; i < rows; i++) mixed[i] = mixed[i]! - outputsA[i]!;
  }
  for (let i = 0; i < rows; i++) {
    outputsA[i] = outputsA[i]! - centre;
    outputsB[i] = outputsB[i]! - centre;
  }
  const size = 1e-12 * Math.max(1, Math.abs(centre));
  return { centredA: outputsA, centredB: outputsB, differences: outputsMixed, noVariance: size * size };
}

/** Percentile interval of samples[start .. start + count), widened to contain `estimate`. */
function percentileInterval(
  samples: Float64Array,
  start: number,
  count: number,
  confidence: number,
  estimate: number,
  scratch: Float64Array,
): [number, number] {
  if (count === 0) return [estimate, estimate];
  const tail = (1 - confidence) / 2;
  const [low, high] = percentiles(samples.subarray(start, start + count), [tail, 1 - tail], scratch) as [number, number];
  return [Math.min(low, estimate), Math.max(high, estimate)];
}

/**
 * Sobol first-order and total-effect indices of `model` for `dimension`
 * independent inputs. Input j's values come from `toInput(j, uniforms, out)`,
 * which maps uniforms in (0, 1) to input units (e.g. through `sampleInto`).
 *
 * Two independent N × D designs A and B are drawn from seeded streams; the
 * model is evaluated on A, on B and on each A_B^(j) (A with column j taken
 * from B): N·(D + 2) evaluations. With V the variance of the pooled f(A),
 * f(B): S1_j = mean(f(B)·(f(A_B^(j)) − f(A)))/V and
 * ST_j = mean((f(A) − f(A_B^(j)))²)/(2V). Estimates are noisy at small N and
 * S1 can come out slightly negative for unimportant inputs. A constant model
 * (V = 0) gets all indices 0. Model outputs must be finite.
 *
 * @example
 * const indices = sobolIndices(
 *   2,
 *   (j, uniforms, out) => sampleInto({ kind: "uniform", min: 0, max: 1 }, uniforms, out),
 *   ([x, y], out) => { for (let i = 0; i < out.length; i++) out[i] = x![i]! + 2 * y![i]!; },
 *   { baseSamples: 4096, seed: 1 },
 * ); // first ≈ total ≈ [0.2, 0.8]
 */
export function sobolIndices(
  dimension: number,
  toInput: (j: number, uniforms: Float64Array, out: Float64Array) => void,
  model: BatchModel,
  options: SobolOptions,
): SobolIndex[] {
  const { bootstrap, confidence } = validateOptions(dimension, options);
  const rows = options.baseSamples;
  const uniforms = new Float64Array(rows);
  const columnsA = drawDesign(dimension, rows, createRandom(deriveSeed(options.seed, 1)), toInput, uniforms);
  const columnsB = drawDesign(dimension, rows, createRandom(deriveSeed(options.seed, 2)), toInput, uniforms);

  const outputsA = evaluate(model, columnsA, rows, "design A");
  const outputsB = evaluate(model, columnsB, rows, "design B");
  const mixedColumns = columnsA.slice();
  const outputsMixed: Float64Array[] = [];
  for (let j = 0; j < dimension; j++) {
    mixedColumns[j] = columnsB[j]!;
    outputsMixed.push(evaluate(model, mixedColumns, rows, `design A with column ${j} from B`));
    mixedColumns[j] = columnsA[j]!;
  }
  const outputs = centreOutputs(outputsA, outputsB, outputsMixed);

  const weights = new Float64Array(rows).fill(1);
  const first = new Float64Array(dimension);
  const total = new Float64Array(dimension);
  estimateIndices(outputs, weights, first, total, 1, 0);

  // Bootstrap: resample rows with replacement, as multinomial counts per row.
  const bootFirst = new Float64Array(dimension * bootstrap);
  const bootTotal = new Float64Array(dimension * bootstrap);
  const random = createRandom(deriveSeed(options.seed, 3));
  for (let b = 0; b < bootstrap; b++) {
    weights.fill(0);
    for (let i = 0; i < rows; i++) weights[Math.floor(random() * rows)]! += 1;
    estimateIndices(outputs, weights, bootFirst, bootTotal, bootstrap, b);
  }

  const scratch = new Float64Array(bootstrap);
  const indices: SobolIndex[] = [];
  for (let j = 0; j < dimension; j++) {
    const firstEstimate = first[j]!;
    const totalEstimate = total[j]!;
    indices.push({
      first: firstEstimate,
      total: totalEstimate,
      firstInterval: percentileInterval(bootFirst, j * bootstrap, bootstrap, confidence, firstEstimate, scratch),
      totalInterval: percentileInterval(bootTotal, j * bootstrap, bootstrap, confidence, totalEstimate, scratch),
    });
  }
  return indices;
}

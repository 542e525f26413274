/**
 * Value of information from Monte Carlo samples that every option shares (paired draws): the chance
 * each option is best, the expected loss of choosing it, the expected value of perfect information
 * (EVPI) and of partial perfect information about some inputs (EVPPI).
 *
 * EVPPI is estimated without nested simulation, by the single-parameter method of Strong and Oakley
 * (2013, "An efficient method for computing single-parameter partial expected value of perfect
 * information", Medical Decision Making 33(6)): the samples are grouped by the input's value into
 * bins of about √N samples each; within a bin the input is nearly known, so the best option of the
 * bin's mean values is what a decision-maker who knew the input would choose. For a group of inputs
 * the bins are the cells of a grid of each input's quantiles, with about as many cells as a single
 * input has bins. The estimate lies between 0 and the EVPI by construction (Jensen's inequality in
 * each bin) and is biased upward by sampling noise; `noiseLevel` measures that bias.
 */
import { SortScratch } from "./radix.js";
import { createRandom, type RandomSource } from "./random.js";

export interface OptionOutcome {
  /** Share of samples in which the option has the highest value (ties shared equally). */
  probabilityBest: number;
  /** Share of samples in which the option alone has the highest value (no other option level with it). */
  probabilityBestAlone: number;
  /** Share of samples in which the option is level at the top with at least one other option (each counted whole). */
  probabilityBestLevel: number;
  /** Mean value over the samples. */
  expectedValue: number;
  /** Mean of (the best option's value − this option's value) over the samples: ≥ 0. */
  expectedLoss: number;
}

export interface DecisionOutcome {
  options: OptionOutcome[];
  /** `above[a][b]`: share of samples in which option a's value exceeds option b's (equal values count half). */
  above: number[][];
  /** `level[a][b]`: share of samples in which option a's value equals option b's (within the tolerance of `above`). */
  level: number[][];
  /** Index of the option with the highest expected value (the first of equals). */
  best: number;
  /** Share of samples in which two or more options are level at the top (within the tolerance of `probabilityBest`). */
  bestLevel: number;
  /** E[max over options] − max over options of E[value]: what knowing every input exactly would be worth. */
  evpi: number;
}

/**
 * The chance each option is best, its expected value and expected loss, and the EVPI, from
 * `values[option][sample]` (the first `count` samples of each).
 * @example decisionOutcome([new Float64Array([0, 0]), Float64Array.of(-1, 3)], 2).evpi // 0.5
 */
export function decisionOutcome(values: readonly Float64Array[], count: number): DecisionOutcome {
  const optionCount = values.length;
  if (optionCount === 0 || count === 0) {
    return {
      options: values.map(() => ({ probabilityBest: 0, probabilityBestAlone: 0, probabilityBestLevel: 0, expectedValue: 0, expectedLoss: 0 })),
      above: values.map(() => values.map(() => 0)),
      level: values.map(() => values.map(() => 0)),
      best: 0,
      bestLevel: 0,
      evpi: 0,
    };
  }
  const sums = new Float64Array(optionCount);
  const wins = new Float64Array(optionCount);
  const alone = new Float64Array(optionCount);
  const levelAtTop = new Float64Array(optionCount);
  let samplesLevelAtTop = 0;
  let sumOfBest = 0;
  for (let sample = 0; sample < count; sample++) {
    let highest = Number.NEGATIVE_INFINITY;
    for (let option = 0; option < optionCount; option++) {
      const value = values[option]![sample]!;
      sums[option]! += value;
      if (value > highest) highest = value;
    }
    sumOfBest += highest;
    // Options within a rounding error of the best share the win, so an option identical to another splits it.
    const tolerance = levelTolerance(highest, 0);
    let tied = 0;
    for (let option = 0; option < optionCount; option++) if (highest - values[option]![sample]! <= tolerance) tied++;
    for (let option = 0; option < optionCount; option++) {
      if (highest - values[option]![sample]! > tolerance) continue;
      wins[option]! += 1 / tied;
      // Said apart (a tie for best is shared, not a coin toss): alone at the top, or level there with another.
      if (tied === 1) alone[option]! += 1;
      else levelAtTop[option]! += 1;
    }
    if (tied > 1) samplesLevelAtTop++;
  }
  let best = 0;
  for (let option = 1; option < optionCount; option++) if (sums[option]! > sums[best]!) best = option;
  const meanOfBest = sumOfBest / count;
  const options = Array.from(sums, (sum, option) => ({
    probabilityBest: wins[option]! / count,
    probabilityBestAlone: alone[option]! / count,
    probabilityBestLevel: levelAtTop[option]! / count,
    expectedValue: sum / count,
    expectedLoss: Math.max(0, meanOfBest - sum / count),
  }));
  const { above, level } = pairwise(values, count);
  return { options, above, level, best, bestLevel: samplesLevelAtTop / count, evpi: options[best]!.expectedLoss };
}

/**
 * How far apart two values may be and still count as equal (a tie): 10⁻⁹ of the larger in size, at
 * least 10⁻⁹. The decision analysis's ties and the close call's options level with the best use it.
 * @example levelTolerance(-2e6, 2e6) // 0.002
 */
export function levelTolerance(a: number, b: number): number {
  return 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * For each pair of options, the share of samples in which the first's value exceeds the second's
 * (ties count half), and the share in which the two are equal (ties alone).
 */
function pairwise(values: readonly Float64Array[], count: number): { above: number[][]; level: number[][] } {
  const above = values.map(() => values.map(() => 0));
  const level = values.map(() => values.map(() => 0));
  values.forEach((a, i) =>
    values.forEach((b, j) => {
      if (i === j) return;
      let wins = 0;
      let ties = 0;
      for (let sample = 0; sample < count; sample++) {
        const difference = a[sample]! - b[sample]!;
        const tolerance = levelTolerance(a[sample]!, b[sample]!);
        if (difference > tolerance) wins++;
        else if (difference >= -tolerance) ties++;
      }
      above[i]![j] = (wins + ties / 2) / count;
      level[i]![j] = ties / count;
    }),
  );
  return { above, level };
}

/**
 * Bins of about equal count by the values of one input: `bins[sample]` is its bin, in the order of
 * the values. The samples are ranked (a radix sort of their single-precision values) and rank r goes
 * to bin ⌊r × wanted ÷ count⌋, except that equal values always share a bin, so a whole-number input
 * has at most one bin per value. Bins are numbered 0..binCount − 1 with none empty.
 * @example quantileBins(Float64Array.of(3, 1, 2, 4), 4, 2).bins // Uint16Array [1, 0, 0, 1]
 */
export function quantileBins(values: Float64Array | Float32Array, count: number, wanted: number): { bins: Uint16Array; binCount: number } {
  const bins = new Uint16Array(count);
  return { bins, binCount: binsInto(values, count, wanted, bins) };
}

/**
 * `quantileBins` into `bins` (its first `count` entries), with the sort's order kept in the scratch
 * between inputs: the EVPPI of 30 inputs would otherwise take 30 new arrays of each, memory that costs
 * time to touch for the first time. Returns the number of bins.
 */
function binsInto(values: Float64Array | Float32Array, count: number, wanted: number, bins: Uint16Array): number {
  const target = Math.max(1, Math.min(wanted, 65_535, count));
  if (target === 1 || count === 0) {
    bins.fill(0, 0, count);
    return 1;
  }
  const scratch = scratchOf(count);
  const order = scratch.order;
  scratch.values(values, order);
  let bin = -1;
  let slot = -1;
  // Below this rank the slot cannot change (it is one short of where the next slot starts, for
  // rounding): the value and the slot are looked at only from there, so the loop over the ranks
  // reads no value, only the order (the same bins as looking at every rank, a third of the time).
  let next = 0;
  for (let rank = 0; rank < count; rank++) {
    if (rank >= next) {
      const wantedSlot = Math.floor((rank * target) / count);
      // A new bin where the rank enters a new slot, unless the value is the one before.
      if (wantedSlot !== slot && values[order[rank]!]! !== (rank > 0 ? values[order[rank - 1]!]! : Number.NaN)) {
        bin++;
        slot = wantedSlot;
        next = Math.floor(((slot + 1) * count) / target) - 1;
      }
    }
    bins[order[rank]!] = bin;
  }
  return bin + 1;
}

/** Sort scratch for one run size, kept between inputs. */
let lastScratch: SortScratch | undefined;
function scratchOf(count: number): SortScratch {
  if (lastScratch?.n !== count) lastScratch = new SortScratch(count);
  return lastScratch;
}

/**
 * The EVPPI of a partition of the samples: the mean over bins of the best option's mean value in
 * the bin, less the best option's overall mean. Bins are `bins[sample]` in 0..binCount−1.
 * @example partialValue([new Float64Array(4), Float64Array.of(-2, -1, 1, 2)], 4, Uint16Array.of(0, 0, 1, 1), 2) // 0.75
 */
export function partialValue(values: readonly Float64Array[], count: number, bins: ArrayLike<number>, binCount: number): number {
  const optionCount = values.length;
  if (optionCount < 2 || count === 0) return 0;
  const sums = new Float64Array(binCount * optionCount);
  for (let option = 0; option < optionCount; option++) {
    const column = values[option]!;
    for (let sample = 0; sample < count; sample++) sums[bins[sample]! * optionCount + option]! += column[sample]!;
  }
  return valueOfBinSums(sums, binCount, optionCount, count);
}

/** The EVPPI from each bin's sum of each option's values (`sums[bin × optionCount + option]`). */
function valueOfBinSums(sums: Float64Array, binCount: number, optionCount: number, count: number): number {
  const totals = new Float64Array(optionCount);
  let sumOfBinBests = 0;
  for (let bin = 0; bin < binCount; bin++) {
    // An empty bin's sums are all 0: it adds nothing, as it should.
    let highest = Number.NEGATIVE_INFINITY;
    for (let option = 0; option < optionCount; option++) {
      const sum = sums[bin * optionCount + option]!;
      totals[option]! += sum;
      if (sum > highest) highest = sum;
    }
    sumOfBinBests += highest;
  }
  let bestTotal = Number.NEGATIVE_INFINITY;
  for (let option = 0; option < optionCount; option++) if (totals[option]! > bestTotal) bestTotal = totals[option]!;
  return Math.max(0, (sumOfBinBests - bestTotal) / count);
}

/**
 * What the estimator gives for an input that carries no information, from `repeats` random
 * partitions of the samples into `binCount` bins: the highest of them. An input whose estimate is
 * at or below it cannot be told apart from one that changes no decision.
 * @example noiseLevel(values, 10_000, 100, createRandom(1), 20)
 */
export function noiseLevel(values: readonly Float64Array[], count: number, binCount: number, random: RandomSource, repeats = 20): number {
  const optionCount = values.length;
  if (optionCount < 2 || count === 0 || binCount <= 1) return 0;
  // partialValue of each random partition, with each sample's bin drawn and its values added in one
  // pass: every bin's sums take the same additions in the same order, so the figure is the same.
  const sums = new Float64Array(binCount * optionCount);
  let highest = 0;
  for (let repeat = 0; repeat < repeats; repeat++) {
    sums.fill(0);
    for (let sample = 0; sample < count; sample++) {
      const cell = Math.floor(random() * binCount) * optionCount;
      for (let option = 0; option < optionCount; option++) sums[cell + option]! += values[option]![sample]!;
    }
    highest = Math.max(highest, valueOfBinSums(sums, binCount, optionCount, count));
  }
  return highest;
}

/** Bins per input for a group of `size` inputs: the grid has about √N cells in all. */
export function binsPerInput(count: number, size: number): number {
  return Math.max(2, Math.floor(Math.pow(Math.max(count, 1), 1 / (2 * size))));
}

export interface PartialValue {
  /** Indices of the inputs (columns of `inputs`). */
  inputs: number[];
  value: number;
  /** Bins (cells for a group) the samples were split into. */
  bins: number;
}

export interface PartialValues {
  values: PartialValue[];
  /** The noise level for single inputs (a group's is at most this, its cells being as many). */
  noiseLevel: number;
}

/**
 * The EVPPI of each single input and of each group of inputs given.
 * @example partialValues(values, count, inputs, [[0, 1]], 7)
 */
export function partialValues(
  values: readonly Float64Array[],
  count: number,
  inputs: readonly (Float64Array | Float32Array)[],
  groups: readonly (readonly number[])[],
  seed: number,
): PartialValues {
  const single = Math.min(65_535, binsPerInput(count, 1));
  // One array of bins for every input in turn: each is used up before the next is binned.
  const bins = new Uint16Array(count);
  const result: PartialValue[] = inputs.map((column, input) => {
    const binCount = binsInto(column, count, single, bins);
    return { inputs: [input], value: partialValue(values, count, bins, binCount), bins: binCount };
  });
  for (const group of groups) {
    if (group.length < 2) continue;
    const per = binsPerInput(count, group.length);
    const cells = new Uint32Array(count);
    let radix = 1;
    for (const input of group) {
      const binCount = binsInto(inputs[input]!, count, per, bins);
      for (let sample = 0; sample < count; sample++) cells[sample]! += bins[sample]! * radix;
      radix *= binCount;
    }
    // Knowing more cannot be worth less: a group is worth at least each of its members. Its grid is
    // coarser per input (n^(1/(2k)) bins against √n), so its estimate can come out below a member's
    // when the choice turns on fine steps of one input; it is then raised to that member's.
    const best = Math.max(...group.map((input) => result[input]!.value));
    result.push({ inputs: [...group], value: Math.max(partialValue(values, count, cells, radix), best), bins: radix });
  }
  return { values: result, noiseLevel: noiseLevel(values, count, single, createRandom(seed)) };
}

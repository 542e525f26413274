import { drawInputs } from "./draws.js";
import type { CapabilityContribution, CompiledCase, CompiledScenario } from "./model/compiled.js";
import { CaseRunner } from "./runner.js";
import { percentiles } from "./uncertainty/index.js";
import { groupDigits } from "./scenario/text.js";

/** The Monte Carlo objectives the sampled search ranks sets by. */
export type SampledObjective = "p50" | "probability";

/** Sets run side by side: one run of the baseline serves this many candidate sets per draw. */
const BATCH = 32;

/**
 * A set of capabilities (a bit mask over the candidates) and what is known of it so far: its
 * figures at the inputs' medians, and its NPV and payback on the first `samples` of the shared draws.
 */
export interface SampledSet {
  readonly mask: number;
  /** How many of the shared draws it has been run on (always the first ones). */
  samples: number;
  /** NPV and payback month (null: never) at the inputs' medians: -Infinity and null until run. */
  npv: number;
  paybackMonth: number | null;
  /** NPV of each draw run so far. */
  npvs: Float64Array;
  /** 1 where that draw paid back within the horizon. */
  paid: Uint8Array;
  /** The objective on the draws run so far (cached for `objectiveAt`). */
  objective: number;
  objectiveSamples: number;
}

const noNpvs = new Float64Array(0);
const noPaid = new Uint8Array(0);

/** One group of candidate scenarios run side by side with the baseline, each pointed at a set. */
class Batch {
  readonly runner: CaseRunner;
  readonly leafValues: Float64Array;
  private readonly slots: { summed: (readonly [number, number])[]; multiplied: (readonly [number, number])[]; chosen: string[] }[];

  constructor(
    private readonly compiled: CompiledCase,
    baseline: CompiledScenario,
    start: CompiledScenario,
    private readonly startSummed: readonly (readonly [number, number])[],
    private readonly contributions: readonly CapabilityContribution[],
    size: number,
  ) {
    this.slots = Array.from({ length: size }, () => ({ summed: [], multiplied: [], chosen: [] }));
    const scenarios = this.slots.map(
      (slot, index): CompiledScenario => ({
        ...start,
        name: `\u0000set${index}`,
        label: "candidate",
        summedLeaves: slot.summed,
        multipliedLeaves: slot.multiplied,
        capabilities: slot.chosen,
      }),
    );
    this.runner = new CaseRunner({ ...compiled, scenarios: [baseline, ...scenarios] });
    this.leafValues = Float64Array.from(compiled.leafValues);
  }

  /** Points slot `index` (its scenario is number index + 1) at a set, adding its capabilities in the candidates' order. */
  select(index: number, mask: number): void {
    const { summed, multiplied, chosen } = this.slots[index]!;
    summed.length = 0;
    multiplied.length = 0;
    chosen.length = 0;
    // The pairs themselves, not copies: the runner only reads them (copying was a tenth of the search's time).
    for (const pair of this.startSummed) summed.push(pair);
    const contributions = this.contributions;
    for (let bit = 0; bit < contributions.length; bit++) {
      if ((mask & (1 << bit)) === 0) continue;
      const contribution = contributions[bit]!;
      chosen.push(contribution.name);
      for (const pair of contribution.summed) summed.push(pair);
      for (const pair of contribution.multiplied) multiplied.push(pair);
    }
  }

  /** Back to the file's values before a new group of sets. */
  reset(): void {
    this.leafValues.set(this.compiled.leafValues);
  }
}

/**
 * Runs sets of capabilities on common random numbers: every set on the same draws of the inputs
 * (those of a Monte Carlo of the case with this seed, in the same order), so two sets are compared
 * on the same futures and the difference between them is not blurred by different luck. A set is
 * run on the first draws first and extended later: its figures on the first k draws never change.
 * Each draw runs the baseline once for up to BATCH sets.
 */
export class SampledSets {
  readonly draws: Float64Array[];
  private readonly uncertain: readonly number[];
  private readonly batches = new Map<number, Batch>();
  private readonly scratch: Float64Array;
  /** Every set run so far, by mask. */
  readonly known = new Map<number, SampledSet>();
  /** Set-draws run (a set on one draw), and runs at the medians. */
  setSamples = 0;
  medianRuns = 0;

  constructor(
    private readonly compiled: CompiledCase,
    private readonly baseline: CompiledScenario,
    private readonly startSummed: readonly (readonly [number, number])[],
    private readonly contributions: readonly CapabilityContribution[],
    readonly samples: number,
    seed: number,
    readonly objective: SampledObjective,
  ) {
    this.draws = drawInputs(compiled, samples, seed, false);
    this.uncertain = compiled.uncertainLeaves;
    this.scratch = new Float64Array(samples);
  }

  private batch(size: number): Batch {
    let batch = this.batches.get(size);
    if (!batch) {
      batch = new Batch(this.compiled, this.baseline, this.baseline, this.startSummed, this.contributions, size);
      this.batches.set(size, batch);
    }
    return batch;
  }

  /** The record of a set (not yet run when new). */
  set(mask: number): SampledSet {
    let set = this.known.get(mask);
    if (!set) {
      set = {
        mask,
        samples: 0,
        npv: Number.NEGATIVE_INFINITY,
        paybackMonth: null,
        npvs: noNpvs,
        paid: noPaid,
        objective: Number.NaN,
        objectiveSamples: -1,
      };
      this.known.set(mask, set);
    }
    return set;
  }

  /** Runs each set on the draws it has not been run on, up to the first `samples` (and at the medians when new). */
  extend(sets: readonly SampledSet[], samples: number): void {
    const to = Math.min(samples, this.samples);
    const byStart = new Map<number, SampledSet[]>();
    for (const set of sets) {
      if (set.samples >= to) continue;
      const group = byStart.get(set.samples) ?? [];
      group.push(set);
      byStart.set(set.samples, group);
    }
    for (const [from, group] of byStart) {
      for (let first = 0; first < group.length; first += BATCH) this.run(group.slice(first, first + BATCH), from, to);
    }
  }

  private run(sets: readonly SampledSet[], from: number, to: number): void {
    const batch = this.batch(sets.length);
    const { runner, leafValues } = batch;
    batch.reset();
    sets.forEach((set, index) => {
      batch.select(index, set.mask);
      if (set.npvs.length < to) {
        const npvs = new Float64Array(to);
        npvs.set(set.npvs.subarray(0, set.samples));
        const paid = new Uint8Array(to);
        paid.set(set.paid.subarray(0, set.samples));
        set.npvs = npvs;
        set.paid = paid;
      }
    });
    if (from === 0) {
      runner.run(leafValues, false);
      this.medianRuns += sets.length;
      sets.forEach((set, index) => {
        const figures = runner.figures[index + 1]!;
        set.npv = figures.npv;
        set.paybackMonth = paybackOfSet(set.mask, figures.paybackMonth);
      });
    }
    runner.prepareRanges(leafValues);
    const { draws, uncertain } = this;
    const count = sets.length;
    for (let sample = from; sample < to; sample++) {
      for (let input = 0; input < uncertain.length; input++) leafValues[uncertain[input]!] = draws[input]![sample]!;
      runner.runRanges(leafValues);
      for (let index = 0; index < count; index++) {
        const figures = runner.figures[index + 1]!;
        const set = sets[index]!;
        set.npvs[sample] = figures.npv;
        set.paid[sample] = paybackOfSet(set.mask, figures.paybackMonth) === null ? 0 : 1;
      }
    }
    for (const set of sets) set.samples = to;
    this.setSamples += count * (to - from);
  }

  /** The objective on the draws the set has been run on: the median NPV (type 7, as the Monte Carlo) or the share that paid back. */
  objectiveOf(set: SampledSet): number {
    if (set.objectiveSamples === set.samples) return set.objective;
    const n = set.samples;
    let value = Number.NEGATIVE_INFINITY;
    if (n > 0) {
      if (this.objective === "p50") value = percentiles(set.npvs.subarray(0, n), [0.5], this.scratch)[0]!;
      else {
        let paid = 0;
        for (let sample = 0; sample < n; sample++) paid += set.paid[sample]!;
        value = paid / n;
      }
    }
    set.objective = value;
    set.objectiveSamples = n;
    return value;
  }

  /** Median NPV and chance of paying back on the draws the set has been run on. */
  summaryOf(set: SampledSet): { npvP50: number; probabilityPaysBack: number } {
    const n = set.samples;
    if (n === 0) return { npvP50: Number.NaN, probabilityPaysBack: Number.NaN };
    let paid = 0;
    for (let sample = 0; sample < n; sample++) paid += set.paid[sample]!;
    return { npvP50: percentiles(set.npvs.subarray(0, n), [0.5], this.scratch)[0]!, probabilityPaysBack: paid / n };
  }

  /** Drops a set's draws once it is out of the running (its medians' figures stay). */
  forget(set: SampledSet): void {
    set.npvs = noNpvs;
    set.paid = noPaid;
  }
}

/**
 * A set's payback month, as the optimiser gives it (`EvaluatedSet.paybackMonth`, and so the chance of
 * paying back): staying as today, the set of no capability, changes nothing and has no payback — not
 * the month 0 a plan with nothing to pay back gets (docs/numbers.md), which would rank it as paying
 * back first and with certainty (a chance of 1 in the JSON beside a ranking below sets at 2%,
 * docs/commands.md, `optimize`). Every other set's as the plan's figures give it.
 * @example paybackOfSet(0, 0) // null ; paybackOfSet(0b10, 4) // 4
 */
export function paybackOfSet(mask: number, paybackMonth: number | null): number | null {
  return mask === 0 ? null : paybackMonth;
}

/** The number of capabilities in a set. */
export function sizeOf(mask: number): number {
  let count = 0;
  for (let rest = mask; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/** How a sampled search ended: the sets run on every draw, best first, and how they were found. */
export interface SampledSearch {
  finalists: SampledSet[];
  strategy: "exhaustive" | "successive-halving" | "beam-search";
  proven: boolean;
  /** What was done, in a sentence's middle ("every one of …"). */
  description: string;
}

/** Sorts best first by the objective on the draws run, then by NPV at the medians, fewer capabilities, names. */
export type SetOrder = (a: SampledSet, b: SampledSet) => number;

/** "all 400 draws", or "the one draw" (`--samples 1` read "on all 1 draws"). */
export function allDraws(samples: number): string {
  return samples === 1 ? "the one draw" : `all ${groupDigits(samples)} draws`;
}

/**
 * Every set on every draw: the best is the best under these draws. `within` says what the masks are
 * in the description: " within the limits" when limits chose them, "" when they are every set.
 */
export function exhaustiveSampled(sets: SampledSets, masks: readonly number[], order: SetOrder, within = " within the limits"): SampledSearch {
  const all = masks.map((mask) => sets.set(mask));
  sets.extend(all, sets.samples);
  all.sort(order);
  return {
    finalists: all,
    strategy: "exhaustive",
    proven: true,
    description: `every one of the ${groupDigits(all.length)} sets${within} on ${allDraws(sets.samples)}`,
  };
}

/**
 * Successive halving over the given sets: all run on a few draws, the best eighth on eight times as
 * many while more than 1,024 sets are running (then the best quarter on four times as many), and so
 * on until the last round runs on every draw: each round costs about the same. Each round also keeps
 * the `keep` best by NPV at the medians (a set that looks good without the ranges is not dropped on a
 * few unlucky draws), and never keeps fewer than `keep` sets. `within` as for `exhaustiveSampled`.
 */
export function successiveHalving(sets: SampledSets, masks: readonly number[], order: SetOrder, keep: number, within = " within the limits"): SampledSearch {
  const n = sets.samples;
  let running = masks.map((mask) => sets.set(mask));
  let samples = Math.min(n, Math.max(4, Math.ceil(n / 100)));
  const rounds: string[] = [];
  const byMedianNpv = (a: SampledSet, b: SampledSet) => b.npv - a.npv || order(a, b);
  for (;;) {
    sets.extend(running, samples);
    running.sort(order);
    rounds.push(`${groupDigits(running.length)} on ${groupDigits(samples)}`);
    if (samples >= n) break;
    const factor = running.length > 1024 ? 8 : 4;
    const kept = Math.max(keep, Math.ceil(running.length / factor));
    if (kept < running.length) {
      const chosen = new Set(running.slice(0, kept));
      for (const set of [...running].sort(byMedianNpv).slice(0, keep)) chosen.add(set);
      for (const set of running) if (!chosen.has(set)) sets.forget(set);
      running = running.filter((set) => chosen.has(set));
    }
    samples = Math.min(n, samples * factor);
  }
  return {
    finalists: running,
    strategy: "successive-halving",
    proven: false,
    description: `successive halving over all ${groupDigits(masks.length)} sets${within} on the same draws (sets on draws, round by round: ${rounds.join(", ")})`,
  };
}

export interface BeamOptions {
  /** How many candidates there are (bits of a mask). */
  candidates: number;
  within: (mask: number) => boolean;
  order: SetOrder;
  /** Sets kept at each size. */
  width: number;
  /** Sets run on every draw at the end. */
  finalists: number;
  /** Other sets to start the local search from (e.g. the best by NPV at the medians). */
  seeds?: readonly number[];
}

/**
 * For too many sets to run each: a beam search on a quarter of the draws (from nothing, the `width`
 * best sets of each size are each given one more capability, while the best keeps improving), then
 * single additions, removals and swaps around the best until none is better, and the best
 * `finalists` sets run on every draw.
 */
export function beamSearch(sets: SampledSets, options: BeamOptions): SampledSearch {
  const { candidates, within, order, width } = options;
  const n = sets.samples;
  const screening = Math.min(n, Math.max(32, Math.ceil(n / 4)));
  let beam = [sets.set(0)];
  sets.extend(beam, screening);
  let best = beam[0]!;
  let levels = 0;
  for (let stale = 0; stale < 2; ) {
    const children = new Set<number>();
    for (const parent of beam) {
      for (let bit = 0; bit < candidates; bit++) {
        const child = parent.mask | (1 << bit);
        if (child !== parent.mask && !sets.known.has(child) && within(child)) children.add(child);
      }
    }
    if (children.size === 0) break;
    levels++;
    const level = [...children].map((mask) => sets.set(mask));
    sets.extend(level, screening);
    level.sort(order);
    beam = level.slice(0, width);
    if (order(beam[0]!, best) < 0) {
      best = beam[0]!;
      stale = 0;
    } else stale++;
  }
  // Local search from the best found and from each seed: the best of its neighbours while one is better.
  const starts = [best, ...(options.seeds ?? []).filter(within).map((mask) => sets.set(mask))];
  sets.extend(starts, screening);
  let moves = 0;
  for (const start of starts) {
    let current = start;
    for (;;) {
      const neighbours = new Set<number>();
      for (let bit = 0; bit < candidates; bit++) {
        const flipped = current.mask ^ (1 << bit);
        if (within(flipped)) neighbours.add(flipped);
        if ((current.mask & (1 << bit)) === 0) continue;
        for (let other = 0; other < candidates; other++) {
          if ((current.mask & (1 << other)) !== 0) continue;
          const swapped = (current.mask & ~(1 << bit)) | (1 << other);
          if (within(swapped)) neighbours.add(swapped);
        }
      }
      const around = [...neighbours].map((mask) => sets.set(mask));
      sets.extend(around, screening);
      around.sort(order);
      const next = around[0];
      if (!next || order(next, current) >= 0) break;
      current = next;
      moves++;
    }
  }
  const screened = [...sets.known.values()].filter((set) => set.samples >= screening).sort(order);
  const finalists = screened.slice(0, options.finalists);
  sets.extend(finalists, n);
  finalists.sort(order);
  return {
    finalists,
    strategy: "beam-search",
    proven: false,
    description:
      `beam search (the ${width} best sets of each size, ${levels} sizes) and then single additions, removals and swaps (${moves} moves), ` +
      `every set on the same first ${screening === 1 ? "draw" : `${groupDigits(screening)} draws`}; the best ${finalists.length} then on ${n === 1 ? "that one" : `all ${groupDigits(n)}`}`,
  };
}

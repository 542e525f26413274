import type { QuantityKindName } from "../scenario/quantity.js";
import type { Distribution } from "../uncertainty/index.js";
import type { CapabilityCost, EffectTarget } from "../catalogue/targets.js";
import type { FieldPath } from "../scenario/issues.js";
import type { Discounting } from "../finance.js";

/** Shares (0–1) by which a risk-adjusted view cuts the benefits and raises the costs. */
export interface RiskAdjustment {
  readonly benefits: number;
  readonly costs: number;
}

/** One number written in the scenario file: the unit of uncertainty and of traceability. */
export interface Leaf {
  readonly path: FieldPath;
  /** `path` as a user writes it, e.g. "scenarios.optimal.projects.upkeepHoursPerMonth". */
  readonly name: string;
  /** The point value; for a range, its median (what a deterministic run uses). */
  readonly value: number;
  readonly note?: string;
  /** Present when the file gives a range instead of a number. */
  readonly distribution?: Distribution;
  /** What kind of number it is; draws are kept within the kind's allowed values. */
  readonly kind: QuantityKindName;
  /** A value of the built-in catalogue the file does not state: a starting assumption to confirm. */
  readonly builtIn?: boolean;
}

/** The parameter changes one capability makes in one scenario. */
export interface CapabilityContribution {
  readonly name: string;
  readonly summed: [parameter: number, leaf: number][];
  readonly multiplied: [parameter: number, leaf: number][];
}

/** A capability of the catalogue, with the leaves of its costs and effects. */
export interface CompiledCapability {
  readonly name: string;
  readonly label: string;
  readonly description: string;
  readonly builtIn: boolean;
  /** Leaf index of each cost, or -1 when it has none. */
  readonly costLeaves: Readonly<Record<CapabilityCost, number>>;
  readonly effectLeaves: readonly (readonly [target: EffectTarget, leaf: number])[];
}

/** A note written on a group of inputs (e.g. `projects.note`). */
export interface GroupNote {
  readonly path: FieldPath;
  readonly name: string;
  readonly note: string;
}

export const ReleaseMode = { schedule: 0, capacity: 1 } as const;
export type ReleaseModeName = keyof typeof ReleaseMode;

export interface CompiledScenario {
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  readonly note?: string;
  readonly releaseMode: ReleaseModeName;
  /** Sorted release months (schedule mode); repeated months release several projects. */
  readonly releaseMonths: Int32Array;
  /** For each parameter: the leaf it reads, or -1 to use the parameter's fallback. */
  readonly parameterLeaves: Int32Array;
  /** Parameters that add several leaves (manual tasks, capability costs): [parameter, leaf] pairs. */
  readonly summedLeaves: readonly (readonly [parameter: number, leaf: number])[];
  /** Capability effects: the parameter is multiplied by the leaf, after the sums. */
  readonly multipliedLeaves: readonly (readonly [parameter: number, leaf: number])[];
  /** The catalogue capabilities this scenario adds to the baseline. */
  readonly capabilities: readonly string[];
  /** What each of them adds to `summedLeaves` and `multipliedLeaves` (for the order of adoption). */
  readonly capabilityContributions: readonly CapabilityContribution[];
  /** Every leaf this scenario reads, for its assumptions list. */
  readonly usedLeaves: readonly number[];
}

export interface CompiledCase {
  readonly title: string;
  /** How months are discounted (the file's `discounting`; monthly when absent). */
  readonly discounting?: Discounting;
  /** Forrester TEI's risk adjustment (the file's `riskAdjustment`): shares by which benefits are cut and costs raised. */
  readonly riskAdjustment?: RiskAdjustment;
  readonly description?: string;
  readonly currency: string;
  readonly horizonMonths: number;
  readonly baseline: string;
  readonly scenarios: readonly CompiledScenario[];
  readonly leaves: readonly Leaf[];
  /** The leaves' values, by leaf index; the Monte Carlo loop swaps this array per draw. */
  readonly leafValues: Float64Array;
  readonly groupNotes: readonly GroupNote[];
  readonly manualTasks: readonly { readonly name: string; readonly per: "person" | "project" | "team" }[];
  /** The capabilities the scenarios use (or, compiled for the optimiser, the whole catalogue). */
  readonly capabilities: readonly CompiledCapability[];
  /** Indices of the leaves that are ranges: the inputs of the Monte Carlo. */
  readonly uncertainLeaves: readonly number[];
  /** Rank correlations the file declares between ranges (leaf indices). */
  readonly correlations: readonly CompiledCorrelation[];
  /** The ranges linked by non-zero correlations: each group is drawn together (leaf indices, ascending). */
  readonly correlationGroups: readonly (readonly number[])[];
}

/** A declared rank correlation between two ranges. */
export interface CompiledCorrelation {
  readonly leaves: readonly [number, number];
  /** Spearman's coefficient, −1 to 1. */
  readonly rank: number;
  /** Its position in the file's `correlations` list. */
  readonly entry: number;
  readonly note?: string;
}

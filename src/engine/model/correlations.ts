import type { CaseFile } from "../scenario/schema.js";
import { formatPath, type FieldPath } from "../scenario/issues.js";
import { suggest } from "../scenario/suggest.js";
import { choleskyLower, pairToRelax, pearsonOfRank } from "../uncertainty/rank-correlation.js";
import type { CompiledCorrelation, Leaf } from "./compiled.js";

type Report = (path: FieldPath, code: string, message: string) => void;

/**
 * The file's `correlations`, checked against its inputs: both sides must be inputs given as ranges,
 * no pair twice, and the coefficients of each group of linked inputs must be able to hold at once
 * (a positive semi-definite matrix on the normal scale the sampler uses). Groups are the inputs
 * linked by non-zero correlations, as leaf indices in ascending order. `shown` quotes a leaf's number
 * in a message (as written in the file, where known).
 * @example compileCorrelations(file, leaves, error).groups // [[3, 17]]
 */
export function compileCorrelations(
  file: CaseFile,
  leaves: readonly Leaf[],
  error: Report,
  shown: (leaf: Leaf) => string = (leaf) => String(leaf.value),
): { correlations: CompiledCorrelation[]; groups: number[][] } {
  const entries = file.correlations ?? [];
  const byName = new Map(leaves.map((leaf, index) => [leaf.name, index]));
  const ranges = leaves.filter((leaf) => leaf.distribution).map((leaf) => leaf.name);
  const correlations: CompiledCorrelation[] = [];
  const seen = new Map<string, number>();
  entries.forEach((entry, at) => {
    const sides = entry.between.map((name, side) => {
      const path: FieldPath = ["correlations", at, "between", side];
      const index = byName.get(name);
      if (index === undefined) {
        const guess = suggest(name, ranges);
        const allowed =
          ranges.length > 0
            ? `the path of an input given as a range (${ranges.slice(0, 6).join(", ")}${ranges.length > 6 ? ", ..." : ""})`
            : "an input given as a range, and this file has none";
        error(
          path,
          "unknown_input",
          `${formatPath(path)} is "${name}", which is not an input of this file; allowed: ${allowed}${guess ? `; did you mean "${guess}"?` : ""}`,
        );
        return -1;
      }
      const leaf = leaves[index]!;
      if (!leaf.distribution) {
        error(
          path,
          "not_a_range",
          `${formatPath(path)} is ${name}, a single number (${shown(leaf)}), not a range; give it as { low, high } to correlate it, or remove this correlation`,
        );
        return -1;
      }
      return index;
    });
    const [a, b] = sides as [number, number];
    if (a < 0 || b < 0) return;
    if (a === b) {
      error(["correlations", at, "between"], "same_input", `both sides of correlations[${at}].between are ${entry.between[0]}; allowed: two different inputs`);
      return;
    }
    const key = [a, b].sort((x, y) => x - y).join(",");
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      error(
        ["correlations", at, "between"],
        "duplicate",
        `correlations[${at}].between: ${entry.between[0]} and ${entry.between[1]} are already correlated at correlations[${earlier}]; allowed: one correlation per pair`,
      );
      return;
    }
    seen.set(key, at);
    correlations.push({ leaves: [a, b], rank: entry.rank, entry: at, ...(entry.note ? { note: entry.note } : {}) });
  });
  const groups = linkedGroups(correlations);
  for (const group of groups) {
    const position = new Map(group.map((leaf, index) => [leaf, index]));
    const inGroup = correlations.filter((correlation) => position.has(correlation.leaves[0]));
    const k = group.length;
    const matrix = new Float64Array(k * k);
    for (let at = 0; at < k; at++) matrix[at * k + at] = 1;
    for (const {
      leaves: [a, b],
      rank,
    } of inGroup) {
      const i = position.get(a)!;
      const j = position.get(b)!;
      matrix[i * k + j] = matrix[j * k + i] = pearsonOfRank(rank);
    }
    if (choleskyLower(matrix, k)) continue;
    const pairs = inGroup.map(({ leaves: [a, b], rank }) => [position.get(a)!, position.get(b)!, rank] as const);
    const { index, kept } = pairToRelax(k, pairs);
    const relax = inGroup[index]!;
    const names = relax.leaves.map((leaf) => leaves[leaf]!.name);
    // The coefficient that would do, rounded toward 0 so that it does.
    const enough = kept === undefined ? "" : ` to ${(Math.trunc(relax.rank * kept * 100) / 100).toFixed(2)} or nearer 0`;
    error(
      ["correlations", relax.entry, "rank"],
      "not_positive_semidefinite",
      `the correlations among ${group.map((leaf) => leaves[leaf]!.name).join(", ")} cannot all hold at once (not positive semi-definite); relax the one between ${names[0]} and ${names[1]} (rank ${relax.rank})${enough || " toward 0"}`,
    );
  }
  return { correlations, groups };
}

/** The inputs linked by non-zero correlations, each group sorted, groups by their first input. */
function linkedGroups(correlations: readonly CompiledCorrelation[]): number[][] {
  const parent = new Map<number, number>();
  const root = (leaf: number): number => {
    let at = leaf;
    while (parent.get(at) !== undefined && parent.get(at) !== at) at = parent.get(at)!;
    return at;
  };
  for (const {
    leaves: [a, b],
    rank,
  } of correlations) {
    if (rank === 0) continue;
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = root(a);
    const rb = root(b);
    if (ra !== rb) parent.set(Math.max(ra, rb), Math.min(ra, rb));
  }
  const groups = new Map<number, number[]>();
  for (const leaf of [...parent.keys()].sort((x, y) => x - y)) {
    const top = root(leaf);
    groups.set(top, [...(groups.get(top) ?? []), leaf]);
  }
  return [...groups.values()].sort((x, y) => x[0]! - y[0]!);
}

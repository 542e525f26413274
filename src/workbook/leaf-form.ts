import type { Leaf } from "../engine/index.js";

/** How the scenario file writes one input: a number, a 90% interval, or another distribution. */
export type LeafForm =
  | { readonly kind: "point" }
  | { readonly kind: "interval"; readonly low: number; readonly high: number; readonly shape: "auto" | "normal" | "lognormal" }
  | { readonly kind: "distribution"; readonly description: string };

function read(root: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[String(key)] : undefined), root);
}

const names: Record<string, string> = { uniform: "uniform", triangular: "triangular", pert: "PERT", normal: "normal", lognormal: "lognormal" };

/**
 * The form of a leaf in the file's data.
 * @example leafForm({ a: { low: 1, high: 3 } }, leaf) // { kind: "interval", low: 1, high: 3, shape: "auto" }
 */
export function leafForm(file: unknown, leaf: Leaf): LeafForm {
  const raw = read(file, leaf.path);
  if (typeof raw !== "object" || raw === null) return { kind: "point" };
  const fields = raw as Record<string, unknown>;
  if (typeof fields.value === "number") return { kind: "point" };
  if (typeof fields.low === "number" && typeof fields.high === "number") {
    const shape = fields.shape === "normal" || fields.shape === "lognormal" ? fields.shape : "auto";
    return { kind: "interval", low: fields.low, high: fields.high, shape };
  }
  const distribution = String(fields.distribution ?? "range");
  const parameters = ["min", "mode", "max", "mean", "sd", "lambda"]
    .filter((key) => typeof fields[key] === "number")
    .map((key) => `${key} ${String(fields[key])}`)
    .join(", ");
  return { kind: "distribution", description: `${names[distribution] ?? distribution}: ${parameters}` };
}

/**
 * Serialises a result for scripts: stable key order as built, two-space indent, and any non-finite
 * number written as null (JSON has no NaN or Infinity).
 */
export function toJson(value: unknown): string {
  return `${JSON.stringify(value, (_key, item: unknown) => (typeof item === "number" && !Number.isFinite(item) ? null : item), 2)}\n`;
}

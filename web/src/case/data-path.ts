/**
 * Reading and writing one field of the case data (the same structure as the scenario file)
 * without mutating it, so React sees every edit as a new value.
 */

export type DataPath = readonly (string | number)[];
export type CaseData = Record<string, unknown>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** @example getIn({ a: { b: 1 } }, ["a", "b"]) // 1 */
export function getIn(data: unknown, path: DataPath): unknown {
  let current = data;
  for (const segment of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/**
 * A copy of `data` with the value at `path` replaced, creating maps on the way.
 * @example setIn({}, ["projects", "buildHours"], 80) // { projects: { buildHours: 80 } }
 */
export function setIn<T>(data: T, path: DataPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const base: Record<string | number, unknown> = Array.isArray(data)
    ? ([...(data as unknown[])] as unknown as Record<number, unknown>)
    : isRecord(data)
      ? { ...data }
      : {};
  base[head] = setIn(base[head], rest, value);
  return base as T;
}

/**
 * A copy of `data` without the value at `path`; maps left empty by the removal are removed too,
 * except the first `keep` levels (a scenario with nothing of its own is still a scenario).
 * @example deleteIn({ a: { b: 1 }, c: 2 }, ["a", "b"]) // { c: 2 }
 */
export function deleteIn<T>(data: T, path: DataPath, keep = 0): T {
  if (path.length === 0 || !isRecord(data)) return data;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const key = String(head);
  if (!(key in data)) return data;
  const copy: Record<string, unknown> = { ...data };
  if (rest.length === 0) {
    delete copy[key];
    return copy as T;
  }
  const child = deleteIn(copy[key], rest, keep - 1);
  if (isRecord(child) && Object.keys(child).length === 0 && keep <= 0) delete copy[key];
  else copy[key] = child;
  return copy as T;
}

/** @example pathKey(["scenarios", "a", "team"]) // '["scenarios","a","team"]' */
export function pathKey(path: DataPath): string {
  return JSON.stringify(path);
}

/** @example startsWith(["a", "b", "value"], ["a", "b"]) // true */
export function startsWith(path: DataPath, prefix: DataPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => String(segment) === String(path[index]));
}

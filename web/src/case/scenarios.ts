import { deleteIn, getIn, isRecord, setIn, type CaseData } from "./data-path.js";

/**
 * Adding, copying, renaming and removing scenarios. Names are the keys of `scenarios` in the file;
 * the baseline is referred to by name, so renaming it renames the reference too.
 */

export function scenarioNames(data: CaseData): string[] {
  return isRecord(data.scenarios) ? Object.keys(data.scenarios) : [];
}

/** A name not yet used: "compromise-2", "new-option-3". */
export function freeName(data: CaseData, wanted: string): string {
  const taken = new Set(scenarioNames(data));
  if (!taken.has(wanted)) return wanted;
  for (let index = 2; ; index += 1) if (!taken.has(`${wanted}-${index}`)) return `${wanted}-${index}`;
}

/** What is wrong with a scenario name, or undefined when it can be used. */
export function nameProblem(data: CaseData, name: string, current?: string): string | undefined {
  if (name.trim() === "") return "a scenario needs a name";
  if (name.length > 120) return "a name is at most 120 characters";
  if (name !== current && scenarioNames(data).includes(name)) return `there is already a scenario named "${name}"`;
  return undefined;
}

/** Adds an empty alternative: it inherits everything from the shared inputs. */
export function addScenario(data: CaseData, name: string, label: string): CaseData {
  return setIn(data, ["scenarios", name], { label });
}

export function duplicateScenario(data: CaseData, from: string, name: string): CaseData {
  const source = getIn(data, ["scenarios", from]);
  const copy = structuredClone(isRecord(source) ? source : {});
  const label = typeof copy.label === "string" ? `${copy.label} (copy)` : `${from} (copy)`;
  return setIn(data, ["scenarios", name], { ...copy, label });
}

/** Renames a scenario's key, keeping its place in the order and the baseline pointing at it. */
export function renameScenario(data: CaseData, from: string, to: string): CaseData {
  if (!isRecord(data.scenarios) || from === to) return data;
  const scenarios = Object.fromEntries(Object.entries(data.scenarios).map(([name, value]) => [name === from ? to : name, value]));
  return { ...data, scenarios, ...(data.baseline === from ? { baseline: to } : {}) };
}

/** Removes a scenario; the baseline cannot be removed (choose another baseline first). */
export function deleteScenario(data: CaseData, name: string): CaseData {
  if (data.baseline === name) return data;
  return deleteIn(data, ["scenarios", name], 1);
}

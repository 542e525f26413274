/**
 * Which command's `--json` output some data is, when it is one rather than a case: `run --json`
 * repeats the case's title, currency and scenarios (with their months), so read as a case it gives
 * 30 problems or so, none of which says what the file is. The fields tested are each output's own
 * (docs/json.md), which no case has.
 * @example commandOutputOf({ title: "x", scenarios: {}, comparisons: {} }) // "mlops-roi run --json"
 * @example commandOutputOf({ title: "x", scenarios: {} }) // undefined
 */
export function commandOutputOf(data: unknown): string | undefined {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return undefined;
  const has = (...keys: string[]) => keys.every((key) => Object.hasOwn(data, key));
  if (has("scenarios", "comparisons")) return "mlops-roi run --json";
  if (has("baseNpv", "tornado")) return "mlops-roi sensitivity --json";
  if (has("evpi", "options")) return "mlops-roi voi --json";
  if (has("objective", "ranked")) return "mlops-roi optimize --json";
  return undefined;
}

/**
 * What to say of data that is a command's output when a case was expected.
 * @example notACaseWords("out.json", "mlops-roi run --json") // "out.json is the output of mlops-roi run --json, not a case; open the case it was made from"
 */
export function notACaseWords(name: string, command: string): string {
  return `${name} is the output of ${command}, not a case; open the case it was made from`;
}

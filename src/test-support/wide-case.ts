import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { packageRoot } from "../shared/package-files.js";

/**
 * A case of 10 options (today and 9 alternatives) over 240 months, built from the enterprise
 * template: the size at which export, report and memory fell off a cliff. The tests and the
 * benchmarks (bench/commands.bench.ts, bench/web.bench.ts) use the same one.
 */
export function wideLongCaseText(): string {
  const data = parse(readFileSync(join(packageRoot, "examples", "enterprise.yaml"), "utf8")) as Record<string, unknown> & {
    scenarios: Record<string, Record<string, unknown>>;
  };
  data.horizonMonths = 240;
  const alternatives = Object.keys(data.scenarios).filter((name) => name !== data.baseline);
  for (let index = 0; Object.keys(data.scenarios).length < 10; index++) {
    const source = data.scenarios[alternatives[index % alternatives.length]!]!;
    data.scenarios[`variant${index + 1}`] = { ...source, label: `Variant ${index + 1}` };
  }
  return stringify(data);
}

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { makeTempFolder } from "../test-support/fixtures.js";
import { runCliCaptured, stackTraceLine } from "../test-support/run-cli.js";
import { packageRoot } from "../shared/package-files.js";

// The promise about bad input (docs/commands.md, `validate`), tried on every number of every
// example: each numeric leaf (plain values, { value }, range bounds, list items, correlations) set
// in turn to 0, 1e-320 (below the smallest double's precision), 1e308 (near the largest double) and
// 1e7 (a large count), then run through `validate` and `run --samples 100` (the fewest run's tables take) as a user would. A value
// is either accepted and run to finite numbers (exit 0) or refused with a message (exit 1): never
// an internal error (exit 70), a stack trace, NaN or Infinity in the output, or a run that does not
// end (each example's cases must finish within the test's time limit; the slowest case is reported
// beside the test's name).

const extremes = [0, 1e-320, 1e308, 1e7] as const;

type Path = (string | number)[];

const examples = [
  ...readdirSync(join(packageRoot, "examples"))
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => join("examples", name)),
  ...readdirSync(join(packageRoot, "examples", "peers"))
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => join("examples", "peers", name)),
].sort();

/** Every path to a number in the data, in file order. */
function numericLeaves(data: unknown, path: Path = []): Path[] {
  if (typeof data === "number") return [path];
  if (Array.isArray(data)) return data.flatMap((item, index) => numericLeaves(item, [...path, index]));
  if (data !== null && typeof data === "object") return Object.entries(data).flatMap(([key, value]) => numericLeaves(value, [...path, key]));
  return [];
}

function withValue(data: unknown, path: Path, value: number): unknown {
  const copy = structuredClone(data) as Record<string | number, unknown>;
  let parent = copy;
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = value;
  return copy;
}

let temp: ReturnType<typeof makeTempFolder>;
beforeAll(() => {
  temp = makeTempFolder();
});
afterAll(() => temp.remove());

describe("every numeric input of every example at an extreme value", () => {
  it("covers every example and a good many inputs", () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
    const leaves = examples.map((example) => numericLeaves(parse(readFileSync(join(packageRoot, example), "utf8"))).length);
    expect(leaves.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(300);
  });

  // One test per example, each bounded by 2 minutes: the largest (enterprise.yaml, every input × 2
  // extremes × 2 commands) takes about 22 s on two cores, and twice that when the machine is slow.
  it.each(examples)(
    "%s: validate and run exit 0 or 1, with a message and finite numbers",
    async (example) => {
      const data: unknown = parse(readFileSync(join(packageRoot, example), "utf8"));
      const file = join(temp.path, example.replaceAll("/", "-"));
      const problems: string[] = [];
      let slowest = { milliseconds: 0, what: "" };
      for (const path of numericLeaves(data)) {
        for (const value of extremes) {
          writeFileSync(file, stringify(withValue(data, path, value)));
          for (const args of [
            ["validate", file],
            ["run", file, "--samples", "100"],
          ]) {
            const started = performance.now();
            const { exitCode, stdout, stderr } = await runCliCaptured(args);
            const milliseconds = performance.now() - started;
            const what = `${args[0]} with ${path.join(".")} = ${value}`;
            if (milliseconds > slowest.milliseconds) slowest = { milliseconds, what };
            if (exitCode !== 0 && exitCode !== 1) problems.push(`${what}: exit ${exitCode}: ${stderr.slice(0, 200)}`);
            else if (/internal error/.test(stderr) || stackTraceLine.test(stderr)) problems.push(`${what}: ${stderr.slice(0, 200)}`);
            else if (exitCode === 1 && !/error: /.test(stderr)) problems.push(`${what}: exit 1 without a message`);
            else if (exitCode === 0 && args[0] === "run" && /NaN|Infinity/.test(stdout)) problems.push(`${what}: NaN or Infinity in the output`);
          }
        }
      }
      expect(problems).toEqual([]);
      // Measured, not asserted: the slowest case, for whoever reads the test's output.
      expect(slowest.what).not.toBe("");
      console.info(`${example}: slowest case ${Math.round(slowest.milliseconds)} ms (${slowest.what})`);
    },
    120_000,
  );
});
